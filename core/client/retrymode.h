#pragma once

#include <QString>

#include <optional>

enum class RetryMode { Legacy, Standard, Adaptive };

std::optional<RetryMode> retryModeFromName(QStringView name);
QString retryModeName(RetryMode mode);
int defaultMaxAttempts(RetryMode mode);
