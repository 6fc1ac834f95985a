#pragma once

#include "enrollment/accounttablemodel.h"
#include "simulator/simulatedorganization.h"

#include <QString>

// How far a loaded table is from the organization the simulator serves: every listed account once,
// with its enrollment status, and from Organizations its name, state and OU path.
struct LoadedOrganizationCheck
{
    int expectedAccounts = 0;
    int missing = 0;   // listed accounts without a row
    int extra = 0;     // rows the organization does not list
    int wrongStatus = 0;
    int wrongName = 0;
    int wrongState = 0;
    int wrongPath = 0; // only counted when paths were asked for
    QString firstMismatch;

    bool exact() const { return missing + extra + wrongStatus + wrongName + wrongState + wrongPath == 0; }
};

// withPaths false: the load did not walk the OUs (the OU Path column is then not compared).
LoadedOrganizationCheck checkLoadedOrganization(const SimulatedOrganization &truth, const AccountTableModel &model,
                                                bool withPaths);
// "Root / Workloads / Prod 12", as the OU Path column shows it.
QString expectedOuPath(const SimulatedOrganization &truth, const SimulatedAccount &account);
