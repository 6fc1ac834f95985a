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
};

struct SimulatedOrganization
{
    QList<SimulatedAccount> accounts;

    // Deterministic for a seed. Mostly Active with realistic reasons, plus the awkward data a real
    // organization produces: reasons with commas, quotes, line breaks, non-ASCII and spreadsheet-formula
    // starts, missing reasons, IDs with leading zeros and timestamps in integer, fraction and exponent form.
    // From 20 accounts on, every awkward case is present at least once.
    static SimulatedOrganization generate(int accountCount, quint32 seed = 1);
};
