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
        return QStringLiteral("adaptive");
    }
    return QStringLiteral("standard");
}

int defaultMaxAttempts(RetryMode mode)
{
    // AWS CLI v2 defaults max_attempts to 3 for standard and adaptive and refuses legacy;
    // botocore's legacy mode (data/_retry.json) makes 5 attempts.
    return mode == RetryMode::Legacy ? 5 : 3;
}
