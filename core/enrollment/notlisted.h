#pragma once

#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"

#include <QList>

#include <functional>

// Rows for the accounts AWS Organizations has and Compute Optimizer's list did not include, status
// NotListed, in account ID order. The management account is left out: Compute Optimizer lists member
// accounts only, and the window summarises the management account's own enrollment at the top.
// Only meaningful when the list was complete and asked for every status.
QList<AccountEnrollment> notListedAccounts(const AccountNames &names, const std::function<bool(const QString &)> &listed);
