#pragma once

#include <QString>

// What went wrong with one attempt, in the terms AWS's retry rules use.
struct AttemptFailure
{
    enum class Kind { ServiceError, ConnectionError, Timeout, TruncatedResponse };
    Kind kind = Kind::ServiceError;
    int httpStatus = 0;
    QString errorCode;
};
