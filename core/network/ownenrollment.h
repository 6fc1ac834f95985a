#pragma once

#include "common/expected.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <functional>
#include <optional>

// The caller's own account, from GetEnrollmentStatus: the summary above the member list.
struct OwnEnrollment
{
    QString status;
    QString statusReason;
    bool memberAccountsEnrolled = false;
    int numberOfMemberAccountsOptedIn = 0;
    std::optional<qint64> lastUpdatedMsecs;
};

Q_DECLARE_METATYPE(OwnEnrollment)

Expected<OwnEnrollment> parseOwnEnrollment(const QByteArray &body);

class AwsClient;
struct EnrollmentQuery;

// GetEnrollmentStatus for the caller's own account, through client, with its retries. done gets
// the summary or a sentence saying why there is none.
void fetchOwnEnrollment(AwsClient &client, const EnrollmentQuery &query,
                        std::function<void(const Expected<OwnEnrollment> &)> done);
