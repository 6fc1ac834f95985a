#pragma once

#include "common/expected.h"

#include <QMetaType>
#include <QString>

#include <functional>

class AwsClient;
struct EnrollmentQuery;

// What UpdateEnrollmentStatus answered when AWS accepted the opt-in.
struct OptInAccepted
{
    QString status;
    QString statusReason;
};

// Why AWS did not accept it, in a sentence that says what to do next.
struct OptInRefused
{
    QString message;
    bool accessDenied = false;
};

Q_DECLARE_METATYPE(OptInAccepted)
Q_DECLARE_METATYPE(OptInRefused)

inline const QString OptInPermissions =
    QStringLiteral("compute-optimizer:UpdateEnrollmentStatus, iam:CreateServiceLinkedRole and "
                   "organizations:EnableAWSServiceAccess");

Expected<OptInAccepted> parseOptInAnswer(const QByteArray &body);

// UpdateEnrollmentStatus with status Active, for this account and, with includeMembers, every
// member account of its organization. done runs once on client's thread.
void requestOptIn(AwsClient &client, const EnrollmentQuery &query, bool includeMembers,
                  std::function<void(const Expected<OptInAccepted, OptInRefused> &)> done);
