#include "enrollment/enrollmentstatus.h"

EnrollmentStatus enrollmentStatusFromText(QStringView text)
{
    if (text == u"Active")
        return EnrollmentStatus::Active;
    if (text == u"Inactive")
        return EnrollmentStatus::Inactive;
    if (text == u"Pending")
        return EnrollmentStatus::Pending;
    if (text == u"Failed")
        return EnrollmentStatus::Failed;
    return EnrollmentStatus::Other;
}

QString enrollmentStatusName(EnrollmentStatus status)
{
    switch (status) {
    case EnrollmentStatus::Active:
        return QStringLiteral("Active");
    case EnrollmentStatus::Inactive:
        return QStringLiteral("Inactive");
    case EnrollmentStatus::Pending:
        return QStringLiteral("Pending");
    case EnrollmentStatus::Failed:
        return QStringLiteral("Failed");
    case EnrollmentStatus::NotListed:
        return QStringLiteral("Not listed");
    case EnrollmentStatus::Other:
        break;
    }
    return QStringLiteral("Other");
}

QString notListedExplanation()
{
    return QStringLiteral("Not one of Compute Optimizer's statuses: AWS Organizations has this account, but Compute "
                          "Optimizer's list of the organization did not include it. A new account can take up to 24 "
                          "hours to appear there; a suspended or closed one may not appear at all.");
}

int enrollmentStatusUrgency(EnrollmentStatus status)
{
    switch (status) {
    case EnrollmentStatus::Failed:
        return 0;
    case EnrollmentStatus::Pending:
        return 1;
    case EnrollmentStatus::Inactive:
        return 2;
    case EnrollmentStatus::NotListed:
        return 3;
    case EnrollmentStatus::Active:
        return 4;
    case EnrollmentStatus::Other:
        break;
    }
    return 5;
}
