#include "export/statuscounts.h"

#include <QHash>

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
