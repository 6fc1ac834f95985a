#pragma once

#include "common/expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

// One file of ~/.aws/sso/cache as `aws sso login` writes it.
struct SsoToken
{
    QString startUrl;
    QString region;
    QString accessToken;
    QDateTime expiresAt;
    // The OIDC client registration and refresh token: present for sso-session sign-ins.
    QString clientId;
    QString clientSecret;
    QString registrationExpiresAt; // kept as written
    QString refreshToken;

    bool canRefresh(const QDateTime &nowUtc) const;
};

// Reads the JSON; accessToken and expiresAt must be there.
Expected<SsoToken> parseSsoToken(const QByteArray &json);

// The JSON AWS CLI writes: the same keys in the same order, times as 2024-01-31T12:00:00Z.
QByteArray ssoTokenJson(const SsoToken &token);

// "2024-01-31T12:00:00Z", "...T12:00:00.123Z", "...+00:00" and older CLIs' "...T12:00:00UTC".
QDateTime parseSsoTime(const QString &text);
QString formatSsoTime(const QDateTime &utc);
