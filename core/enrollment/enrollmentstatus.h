#pragma once

#include <QString>

#include <array>

// The four statuses the service documents, plus one bucket for any status string it may add later:
// those accounts are kept and shown, never dropped. NotListed is ours, not AWS's: an account
// Organizations has that Compute Optimizer's list did not include (new accounts take up to 24 hours).
enum class EnrollmentStatus : quint8 { Active, Inactive, Pending, Failed, Other, NotListed };

inline constexpr int EnrollmentStatusCount = 6;
inline constexpr std::array<EnrollmentStatus, 4> DocumentedEnrollmentStatuses{
    EnrollmentStatus::Active, EnrollmentStatus::Inactive, EnrollmentStatus::Pending,
    EnrollmentStatus::Failed};

EnrollmentStatus enrollmentStatusFromText(QStringView text);
// The service's own spelling ("Active"); "Other" for the unknown bucket; "Not listed" for ours (two
// words, so it can never be taken for one of the service's).
QString enrollmentStatusName(EnrollmentStatus status);
// How soon an admin should look: Failed 0, Pending 1, Inactive 2, Not listed 3, Active 4, any
// other status 5. The Status column sorts by it, not by the alphabet.
int enrollmentStatusUrgency(EnrollmentStatus status);
// Why an account is Not listed, for tooltips and the export's reason column.
QString notListedExplanation();
