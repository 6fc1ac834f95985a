#pragma once

#include "client/retrymode.h"
#include "common/expected.h"
#include "profilefile.h"

#include <QProcessEnvironment>
#include <QString>

struct RetrySettings
{
    RetryMode mode = RetryMode::Standard;
    int maxAttempts = defaultMaxAttempts(RetryMode::Standard);
};

// AWS_MAX_ATTEMPTS / max_attempts and AWS_RETRY_MODE / retry_mode. Unset, the mode is standard
// and the attempts are the mode's default (defaultMaxAttempts).
Expected<RetrySettings> resolveRetrySettings(const QProcessEnvironment &environment,
                                             const ProfileSection &profile);
