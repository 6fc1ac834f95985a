#pragma once

#include "enrollment/accountenrollment.h"

#include <QList>

struct StatusCount
{
    QString status; // the service's spelling
    EnrollmentStatus kind = EnrollmentStatus::Other;
    int accounts = 0;
};

// The four documented statuses in that order, each even when no account has it, then every other
// status text the service sent, in the order first seen: an unknown status is counted, not lost.
QList<StatusCount> countByStatus(const QList<AccountEnrollment> &accounts);
