#pragma once

#include <QString>

#include <array>

// The four statuses the service documents, plus one bucket for any status string it may add later:
// those accounts are kept and shown, never dropped.
enum class EnrollmentStatus : quint8 { Active, Inactive, Pending, Failed, Other };

inline constexpr int EnrollmentStatusCount = 5;
inline constexpr std::array<EnrollmentStatus, 4> DocumentedEnrollmentStatuses{
    EnrollmentStatus::Active, EnrollmentStatus::Inactive, EnrollmentStatus::Pending,
    EnrollmentStatus::Failed};

EnrollmentStatus enrollmentStatusFromText(QStringView text);
// The service's own spelling ("Active"); "Other" for the unknown bucket.
QString enrollmentStatusName(EnrollmentStatus status);
