#include "export/statuscounts.h"

#include <QHash>

#include <algorithm>

QList<StatusCount> countByStatus(const QList<AccountEnrollment> &accounts)
{
    QList<StatusCount> counts;
    QHash<QString, qsizetype> indexOf;
    for (const EnrollmentStatus status : DocumentedEnrollmentStatuses) {
        const QString name = enrollmentStatusName(status);
        indexOf.insert(name, counts.size());
        counts.append({name, status, 0});
    }
    for (const AccountEnrollment &account : accounts) {
        auto found = indexOf.constFind(account.statusText);
        if (found == indexOf.cend()) {
            found = indexOf.insert(account.statusText, counts.size());
            counts.append({account.statusText, account.status, 0});
        }
        ++counts[*found].accounts;
    }
    return counts;
}

QList<UnitStatusCounts> countByTopLevelUnit(const QList<AccountEnrollment> &accounts, const AccountNames *names,
                                            const OrganizationTree *tree)
{
    if (!names || !tree || tree->isEmpty())
        return {};
    // Rows: every top-level OU, then each root, then unknown; the index per tree node is cached.
    QList<UnitStatusCounts> rows;
    QHash<int, qsizetype> rowOfTopLevel;
    const QList<int> roots = tree->roots();
    for (const int root : roots) {
        for (const int unit : tree->node(root).children) {
            rowOfTopLevel.insert(unit, rows.size());
            rows.append({tree->node(unit).name, {}, 0});
        }
    }
    for (const int root : roots) {
        rowOfTopLevel.insert(root, rows.size());
        rows.append({tree->node(root).name, {}, 0});
    }
    const qsizetype unknownRow = rows.size();
    rows.append({QStringLiteral("(OU unknown)"), {}, 0});

    QHash<QString, qsizetype> rowOfParent;
    for (const AccountEnrollment &account : accounts) {
        const QString parent = names->value(account.accountId).parentId;
        auto found = rowOfParent.constFind(parent);
        if (found == rowOfParent.cend())
            found = rowOfParent.insert(parent, rowOfTopLevel.value(tree->topLevelOf(tree->indexOf(parent)), unknownRow));
        UnitStatusCounts &row = rows[*found];
        ++row.counts[std::size_t(account.status)];
        ++row.total;
    }
    rows.erase(std::remove_if(rows.begin(), rows.end(), [](const UnitStatusCounts &row) { return row.total == 0; }),
               rows.end());
    return rows;
}
