#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

// The secret parts never go to logs, settings or the screen; nothing here formats them.
struct AwsCredentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;
    std::optional<QDateTime> expiration;

    bool isComplete() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
};
