#pragma once

#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"

#include <QIODevice>

// Writes the accounts as one JSON document in the shape of AWS's own response, so a script that
// reads `aws compute-optimizer get-enrollment-statuses-for-organization` reads this too:
//   {"accountEnrollmentStatuses": [{"accountId": "...", "status": "...", "statusReason": "...",
//     "lastUpdatedTimestamp": "2024-04-04T17:37:13Z", "name": "...", "email": "..."}, ...]}
// statusReason and lastUpdatedTimestamp appear when the service sent them; name and email when
// they are known. Text is kept exactly (JSON can hold any character).
class JsonExportWriter
{
public:
    explicit JsonExportWriter(QIODevice *device, const AccountNames *names = nullptr);

    bool write(const QList<AccountEnrollment> &accounts);

    QString errorString() const { return m_device->errorString(); }

private:
    QIODevice *m_device;
    const AccountNames *m_names;
};

// A JSON string literal, quotes included, as UTF-8.
QByteArray jsonString(QStringView text);
