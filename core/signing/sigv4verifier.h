#pragma once

#include "signing/signablerequest.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

struct SigV4Verification
{
    enum class Outcome { Valid, MissingAuthentication, IncompleteSignature, UnknownAccessKey, SignatureMismatch };

    Outcome outcome = Outcome::MissingAuthentication;
    QString message; // empty when Valid
    QString accessKeyId;
    QDateTime requestTimeUtc; // from X-Amz-Date; the caller judges clock skew
    QString region;
    QString service;
};

// Checks an Authorization-header SigV4 signature, recomputing it from only the headers it lists as signed.
// Paths are normalised and double-encoded except for the s3 service, as AWS signers do by default.
// secretForAccessKey returns an empty optional for unknown keys.
SigV4Verification verifySigV4(
    const SignableRequest &received,
    const std::function<std::optional<QString>(const QString &accessKeyId)> &secretForAccessKey);
