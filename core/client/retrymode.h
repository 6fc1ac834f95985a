#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// The retry_mode setting of the AWS config file.
enum class RetryMode { Legacy, Standard, Adaptive };

std::optional<RetryMode> retryModeFromName(QStringView name); // "legacy" | "standard" | "adaptive"
QString retryModeName(RetryMode mode);
// Attempts (the first one included) when max_attempts is not set.
int defaultMaxAttempts(RetryMode mode);
