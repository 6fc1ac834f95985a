#include "simulator/simulatedorganization.h"

#include <QRandomGenerator>
#include <QSet>

#include <array>

// What Organizations adds to the simulated organization: account states, joined dates, the OU tree
// and the accounts Compute Optimizer does not list.

namespace {

constexpr qint64 FirstJoined = 1'514'764'800; // 2018-01-01

// Every state AWS sends, each at least once from 20 accounts on; the rest mostly ACTIVE.
constexpr std::array fixedStates{"SUSPENDED", "PENDING_CLOSURE", "CLOSED", "PENDING_ACTIVATION"};

QString rolledState(QRandomGenerator &random)
{
    const quint32 roll = random.bounded(1000u);
    if (roll < 30)
        return QStringLiteral("SUSPENDED");
    if (roll < 40)
        return QStringLiteral("PENDING_CLOSURE");
    if (roll < 50)
        return QStringLiteral("CLOSED");
    if (roll < 55)
        return QStringLiteral("PENDING_ACTIVATION");
    return QStringLiteral("ACTIVE");
}

QString unitId(const QString &rootId, int index)
{
    // "ou-" + the root's suffix + "-" + 8 to 32 lowercase letters or digits, as AWS shapes them.
    return QStringLiteral("ou-%1-%2").arg(rootId.mid(2)).arg(index + 1, 8, 36, QLatin1Char('0'));
}

} // namespace

void assignOrganizationFacts(QList<SimulatedAccount> &accounts, quint32 seed)
{
    QRandomGenerator random(seed ^ 0x73746174u);
    const qint64 now = 1'767'225'600; // 2026-01-01, fixed so a seed always gives the same data
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        SimulatedAccount &account = accounts[i];
        account.state = rolledState(random);
        account.joinedMethod = random.bounded(3u) == 0 ? QStringLiteral("INVITED") : QStringLiteral("CREATED");
        account.joinedSeconds = FirstJoined + random.bounded(quint32(now - FirstJoined));
    }
    for (qsizetype i = 0; i < qsizetype(fixedStates.size()); ++i) {
        const qsizetype position = 3 + i * 4;
        if (position < accounts.size())
            accounts[position].state = QString::fromLatin1(fixedStates[i]);
    }
}

void SimulatedOrganization::arrangeInUnits(int unitCount, quint32 seed)
{
    static const char *const topLevel[] = {"Workloads", "Sandbox", "Security", "Infrastructure", "Suspended",
                                           "Policy Staging"};
    static const char *const lower[] = {"Prod", "Staging", "Dev", "Payments", "Identity", "Data Lake", "Search",
                                        "Mobile", "Analytics", "Shared Services", "Logging", "Networking",
                                        "Ingeniería", "研究開発", "Finance, Legal & \"Ops\""};
    units.clear();
    for (SimulatedAccount &account : accounts)
        account.parentId.clear();
    for (SimulatedAccount &account : unlistedAccounts)
        account.parentId.clear();
    if (unitCount <= 0)
        return;

    QRandomGenerator random(seed ^ 0x6f757321u);
    QList<int> depth; // per unit, 1 = right under the root
    const int topCount = qMin(unitCount, int(std::size(topLevel)));
    for (int i = 0; i < unitCount; ++i) {
        SimulatedUnit unit;
        unit.id = unitId(rootId, i);
        if (i < topCount) {
            unit.name = QString::fromUtf8(topLevel[i]);
            unit.parentId = rootId;
            depth.append(1);
        } else {
            int parent = int(random.bounded(quint32(i)));
            while (depth.at(parent) >= 4)
                parent = int(random.bounded(quint32(i)));
            // A sibling may share a word; the number keeps each path unique.
            unit.name = QStringLiteral("%1 %2").arg(QString::fromUtf8(lower[random.bounded(quint32(std::size(lower)))]))
                            .arg(i + 1);
            unit.parentId = units.at(parent).id;
            depth.append(depth.at(parent) + 1);
        }
        units.append(unit);
    }
    // One account in 20 stays under the root, as management and break-glass accounts do.
    const auto place = [&](SimulatedAccount &account) {
        if (random.bounded(20u) == 0)
            return;
        account.parentId = units.at(int(random.bounded(quint32(units.size())))).id;
    };
    for (SimulatedAccount &account : accounts)
        place(account);
    for (SimulatedAccount &account : unlistedAccounts)
        place(account);
}

void SimulatedOrganization::addUnlistedAccounts(int count, quint32 seed)
{
    QSet<QString> used;
    for (const SimulatedAccount &account : organizationAccounts())
        used.insert(account.accountId);
    QRandomGenerator random(seed ^ 0x6e65770au);
    const qint64 now = 1'767'225'600;
    for (int i = 0; i < count; ++i) {
        SimulatedAccount account;
        do {
            account.accountId = QStringLiteral("%1").arg(990'000'000'000ULL + random.bounded(1'000'000'000u), 12, 10,
                                                         QLatin1Char('0'));
        } while (used.contains(account.accountId));
        used.insert(account.accountId);
        account.name = QStringLiteral("new-account-%1").arg(i + 1, 3, 10, QLatin1Char('0'));
        account.email = QStringLiteral("aws+%1@example.com").arg(account.name);
        account.joinedMethod = QStringLiteral("CREATED");
        // Most joined within the day (Compute Optimizer takes up to 24 hours); one is older.
        account.joinedSeconds = i == 0 ? now - 30 * 86'400 : now - random.bounded(86'400u);
        account.state = i == 1 ? QStringLiteral("SUSPENDED") : QStringLiteral("ACTIVE");
        if (!units.isEmpty() && random.bounded(20u) != 0)
            account.parentId = units.at(int(random.bounded(quint32(units.size())))).id;
        unlistedAccounts.append(account);
    }
}
