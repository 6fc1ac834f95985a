#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// One member account as the simulated service reports it.
struct SimulatedAccount
{
    QString accountId;                   // 12 digits, some with leading zeros
    QString status;                      // "Active", "Inactive", "Pending", "Failed", or anything a test wants
    std::optional<QString> statusReason; // nullopt: the member is left out of the JSON
    QByteArray lastUpdatedJson;          // literal JSON number text, written verbatim: "1700000000", "1.6084512E9"
    QString name;                        // Organizations' account name, some awkward
    QString email;
    // What AWS Organizations says of it (AWS's spelling), and the root or OU right above it.
    QString state = QStringLiteral("ACTIVE");
    QString joinedMethod = QStringLiteral("INVITED");
    qint64 joinedSeconds = 1'608'451'200;
    QString parentId{}; // empty: the root
};

// An organizational unit; parents come before their children.
struct SimulatedUnit
{
    QString id;       // "ou-ex12-abcdefgh"
    QString name;
    QString parentId; // the root's ID or an earlier unit's
};

struct SimulatedOrganization
{
    QList<SimulatedAccount> accounts;
    // Accounts Organizations has and Compute Optimizer does not list (yet): only ListAccounts and
    // ListAccountsForParent return them.
    QList<SimulatedAccount> unlistedAccounts;
    QString organizationId = QStringLiteral("o-exampleorg01");
    QString rootId = QStringLiteral("r-ex12");
    // Organizations lists it; Compute Optimizer's organization list, of member accounts, does not.
    SimulatedAccount managementAccount{QStringLiteral("123456789012"), QStringLiteral("Active"), std::nullopt, "0",
                                       QStringLiteral("management"), QStringLiteral("aws+management@example.com")};
    QList<SimulatedUnit> units; // none: a flat organization, every account under the root

    // Deterministic for a seed. Mostly Active with realistic reasons, plus the awkward data a real
    // organization produces: reasons with commas, quotes, line breaks, non-ASCII and spreadsheet-formula
    // starts, missing reasons, IDs with leading zeros and timestamps in integer, fraction and exponent form.
    // From 20 accounts on, every awkward case is present at least once.
    // Account states and joined dates come from a generator of their own, so a seed's enrollment
    // data and names are what they were before Organizations had more to say.
    static SimulatedOrganization generate(int accountCount, quint32 seed = 1);

    // Nests unitCount OUs up to four deep under the root (Workloads / Prod / ...) and spreads the
    // accounts over the root and every OU, deterministically for a seed. 0 keeps it flat.
    void arrangeInUnits(int unitCount, quint32 seed = 1);
    // count accounts only Organizations knows, most of them joined within the last day.
    void addUnlistedAccounts(int count, quint32 seed = 1);
    // Every account Organizations knows: the management account, the listed ones, the unlisted ones.
    QList<SimulatedAccount> organizationAccounts() const
    {
        return QList<SimulatedAccount>{managementAccount} + accounts + unlistedAccounts;
    }
};
