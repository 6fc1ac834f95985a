#include "client/retrymode.h"

std::optional<RetryMode> retryModeFromName(QStringView name)
{
    if (name == u"legacy")
        return RetryMode::Legacy;
    if (name == u"standard")
        return RetryMode::Standard;
    if (name == u"adaptive")
        return RetryMode::Adaptive;
    return std::nullopt;
}

QString retryModeName(RetryMode mode)
{
    switch (mode) {
    case RetryMode::Legacy:
        return QStringLiteral("legacy");
    case RetryMode::Standard:
        return QStringLiteral("standard");
    case RetryMode::Adaptive:
        break;
    }
    return QStringLiteral("adaptive");
}

int defaultMaxAttempts(RetryMode)
{
    return 3;
}
