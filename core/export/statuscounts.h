#pragma once

#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"
#include "enrollment/organizationtree.h"

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

// One top-level OU's accounts per status bucket (indexed by EnrollmentStatus), its whole subtree.
struct UnitStatusCounts
{
    QString unit; // "Workloads"; the root's name for accounts right under the root; "(OU unknown)"
    std::array<int, EnrollmentStatusCount> counts{};
    int total = 0;
};

// Per top-level OU in the tree's order, then the root itself (accounts right under it), then the
// accounts whose OU is unknown, each only when it has accounts. Empty without names or a tree.
QList<UnitStatusCounts> countByTopLevelUnit(const QList<AccountEnrollment> &accounts, const AccountNames *names,
                                            const OrganizationTree *tree);
