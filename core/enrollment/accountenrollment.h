#pragma once

#include "enrollment/enrollmentstatus.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// One member account as the service reported it. Text is kept exactly as sent, so an unknown
// status or an account ID with leading zeros reaches the table and the export unchanged.
struct AccountEnrollment
{
    QString accountId;
    QString statusText;
    EnrollmentStatus status = EnrollmentStatus::Other;
    std::optional<QString> statusReason;
    // Milliseconds since the epoch, UTC; empty when the service sent no timestamp.
    std::optional<qint64> lastUpdatedMsecs;
    // The service sent a fractional second, so the export shows milliseconds.
    bool lastUpdatedHasFraction = false;

    QDateTime lastUpdatedUtc() const
    {
        return lastUpdatedMsecs ? QDateTime::fromMSecsSinceEpoch(*lastUpdatedMsecs, Qt::UTC)
                                : QDateTime();
    }
};

struct EnrollmentPage
{
    QList<AccountEnrollment> accounts;
    QString nextToken;
};
