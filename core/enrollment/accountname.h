#pragma once

#include "enrollment/accountstate.h"

#include <QHash>
#include <QString>

#include <optional>

// What AWS Organizations knows of an account beyond its ID: the name admins know it by, its state,
// how and when it joined, and the OU (or root) that holds it directly.
struct AccountName
{
    QString name;
    QString email;
    AccountState state = AccountState::Unknown;
    QString joinedMethod{}; // "INVITED" or "CREATED", as sent
    std::optional<qint64> joinedMsecs{}; // UTC, milliseconds since the epoch
    // ID of the root or OU directly above the account ("r-..." or "ou-..."); empty when unknown.
    // The names of the path come from the OrganizationTree.
    QString parentId{};
    // The organization's management account (its ARN names it as its own owner). Compute Optimizer
    // lists member accounts only, so this one is never "not listed".
    bool managementAccount = false;
};

// Keyed by account ID.
using AccountNames = QHash<QString, AccountName>;
