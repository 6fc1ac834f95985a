#include "enrollment/notlisted.h"

#include <algorithm>

QList<AccountEnrollment> notListedAccounts(const AccountNames &names, const std::function<bool(const QString &)> &listed)
{
    QList<AccountEnrollment> rows;
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        if (it->managementAccount || listed(it.key()))
            continue;
        AccountEnrollment row;
        row.accountId = it.key();
        row.status = EnrollmentStatus::NotListed;
        row.statusText = enrollmentStatusName(EnrollmentStatus::NotListed);
        rows.append(row);
    }
    std::sort(rows.begin(), rows.end(),
              [](const AccountEnrollment &a, const AccountEnrollment &b) { return a.accountId < b.accountId; });
    return rows;
}
