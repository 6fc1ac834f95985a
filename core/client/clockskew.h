#pragma once

#include "client/awserror.h"

#include <QDateTime>

#include <optional>

// When AWS rejects a request for its time and the server's Date header is more than four minutes
// from our clock, the offset to add to our clock when signing. aws-sdk-cpp and aws-sdk-java-v2
// correct skew this way; botocore does not, and fails until the user fixes the system clock.
std::optional<qint64> clockSkewCorrectionMs(const AwsError &error, const QByteArray &dateHeader,
                                            const QDateTime &signingTimeUtc);

// An HTTP Date header ("Thu, 04 Apr 2024 12:10:00 GMT"); invalid if unreadable.
QDateTime parseHttpDate(const QByteArray &value);

inline constexpr qint64 ClockSkewThresholdMs = 4 * 60 * 1000;
