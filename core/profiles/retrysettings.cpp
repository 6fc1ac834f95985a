#include "retrysettings.h"

#include "configvalue.h"

Expected<RetrySettings> resolveRetrySettings(const QProcessEnvironment &environment,
                                             const ProfileSection &profile)
{
    RetrySettings settings;

    const ConfigValue mode = findConfigValue(environment, {QStringLiteral("AWS_RETRY_MODE")},
                                             profile, QStringLiteral("retry_mode"));
    if (mode.isSet()) {
        const std::optional<RetryMode> known = retryModeFromName(mode.text);
        if (!known) {
            return Unexpected{QStringLiteral("%1 must be legacy, standard or adaptive. It is now '%2'.")
                                  .arg(mode.origin, mode.text)};
        }
        settings.mode = *known;
    }
    settings.maxAttempts = defaultMaxAttempts(settings.mode);

    const ConfigValue attempts = findConfigValue(environment, {QStringLiteral("AWS_MAX_ATTEMPTS")},
                                                 profile, QStringLiteral("max_attempts"));
    if (attempts.isSet()) {
        bool isNumber = false;
        const int value = attempts.text.trimmed().toInt(&isNumber);
        if (!isNumber || value < 1) {
            return Unexpected{QStringLiteral("%1 must be a whole number of 1 or more. It is now '%2'.")
                                  .arg(attempts.origin, attempts.text)};
        }
        settings.maxAttempts = value;
    }

    return settings;
}
