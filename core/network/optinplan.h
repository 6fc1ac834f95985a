#pragma once

#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"
#include "network/optincheck.h"

#include <QStringList>

// One way to opt in, and when AWS would not allow it, why.
struct OptInChoice
{
    bool allowed = false;
    QString whyNot;
};

// What an opt-in would do, for the confirmation: from the check and the accounts loaded.
struct OptInPlan
{
    OptInCheck check;
    OptInChoice wholeOrganization; // this account and every member (includeMemberAccounts=true)
    OptInChoice thisAccount;
    int inactiveAccounts = -1; // -1: the list was not loaded
    QStringList cannotEnroll;  // "Name (ID) is SUSPENDED", from Organizations' account state
    QString account;           // "111122223333 (the management account)"
    QString organization;      // "o-abc123 (management account 111122223333)", or why unknown
    QString trustedAccess;     // a sentence
    QString delegatedAdministrator; // a sentence

    // "Opt in account 111122223333 and every member account of organization o-abc123?"
    QString question(bool wholeOrganization) const;
};

// accounts and names may be empty (the headless run does not load the list).
OptInPlan planOptIn(const OptInCheck &check, const QList<AccountEnrollment> &accounts, const AccountNames &names,
                    bool listLoaded);
