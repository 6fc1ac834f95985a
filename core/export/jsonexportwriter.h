#pragma once

#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"
#include "export/organizationcolumns.h"

#include <QIODevice>

// Writes the accounts as one JSON document in the shape of AWS's own response, so a script that
// reads `aws compute-optimizer get-enrollment-statuses-for-organization` reads this too:
//   {"accountEnrollmentStatuses": [{"accountId": "...", "status": "...", "statusReason": "...",
//     "lastUpdatedTimestamp": "2024-04-04T17:37:13Z", "name": "...", "email": "...",
//     "ouPath": "Root / Workloads", "ouId": "ou-...", "accountState": "ACTIVE",
//     "joinedMethod": "CREATED", "joinedTimestamp": "..."}, ...]}
// statusReason and lastUpdatedTimestamp appear when the service sent them; the Organizations
// members when they are known. A "Not listed" account has status "Not listed", which is ours. Text is kept exactly (JSON can hold any character).
class JsonExportWriter
{
public:
    explicit JsonExportWriter(QIODevice *device, const AccountNames *names = nullptr,
                              const OrganizationTree *tree = nullptr);

    bool write(const QList<AccountEnrollment> &accounts);

    QString errorString() const { return m_device->errorString(); }

private:
    QIODevice *m_device;
    const AccountNames *m_names;
    OrganizationColumns m_organization;
};

// A JSON string literal, quotes included, as UTF-8.
QByteArray jsonString(QStringView text);
