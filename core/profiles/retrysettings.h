#pragma once

#include "common/expected.h"
#include "profilefile.h"

#include <QProcessEnvironment>
#include <QString>

struct RetrySettings
{
    int maxAttempts = 3;
    QString mode = QStringLiteral("standard");
};

// AWS_MAX_ATTEMPTS / max_attempts and AWS_RETRY_MODE / retry_mode, with AWS CLI v2's defaults
// (standard mode, 3 attempts in every mode).
Expected<RetrySettings> resolveRetrySettings(const QProcessEnvironment &environment,
                                             const ProfileSection &profile);
