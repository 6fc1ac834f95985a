#include "enrollment/accountstate.h"

AccountState accountStateFromText(QStringView text)
{
    if (text == u"ACTIVE")
        return AccountState::Active;
    if (text == u"SUSPENDED")
        return AccountState::Suspended;
    if (text == u"PENDING_CLOSURE")
        return AccountState::PendingClosure;
    if (text == u"CLOSED")
        return AccountState::Closed;
    if (text == u"PENDING_ACTIVATION")
        return AccountState::PendingActivation;
    return AccountState::Unknown;
}

QString accountStateName(AccountState state)
{
    switch (state) {
    case AccountState::Active:
        return QStringLiteral("ACTIVE");
    case AccountState::Suspended:
        return QStringLiteral("SUSPENDED");
    case AccountState::PendingClosure:
        return QStringLiteral("PENDING_CLOSURE");
    case AccountState::Closed:
        return QStringLiteral("CLOSED");
    case AccountState::PendingActivation:
        return QStringLiteral("PENDING_ACTIVATION");
    case AccountState::Unknown:
        break;
    }
    return {};
}

bool isSuspendedOrClosed(AccountState state)
{
    return state == AccountState::Suspended || state == AccountState::PendingClosure
        || state == AccountState::Closed;
}
