#pragma once

#include <QString>

// An account's state in AWS Organizations (its `State` member; `Status` was retired in 2026).
// Unknown: Organizations was not asked, refused, or sent a state this build does not know.
enum class AccountState : quint8 { Unknown, Active, Suspended, PendingClosure, Closed, PendingActivation };

AccountState accountStateFromText(QStringView text);
// AWS's own spelling ("PENDING_CLOSURE"); empty for Unknown.
QString accountStateName(AccountState state);
// Suspended, closing and closed accounts cannot be enrolled, and an admin may want them out of sight.
bool isSuspendedOrClosed(AccountState state);
