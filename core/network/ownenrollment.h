#pragma once

#include "common/expected.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

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
