#pragma once

#include "http/httpexchange.h"
#include "sso/restjsonerror.h"
#include "sso/ssotoken.h"

#include <functional>

class QObject;

struct SsoOidcConnection
{
    QUrl endpoint; // https://oidc.<sso_region>.amazonaws.com
    NetworkSettings network;
};

struct SsoTokenRefresh
{
    QString accessToken;
    int expiresInSeconds = 0;
    QString refreshToken; // empty when the service did not send a new one
};

using SsoTokenRefreshResult = Expected<SsoTokenRefresh>;

// CreateToken with grantType refresh_token: POST /token, JSON in and out, not signed.
void refreshSsoAccessToken(const SsoOidcConnection &connection, const SsoToken &token, QObject *context,
                           std::function<void(const SsoTokenRefreshResult &)> done);

// The token to cache after a refresh: botocore's fields, expiresAt counted from nowUtc.
SsoToken refreshedSsoToken(const SsoToken &previous, const SsoTokenRefresh &refresh, const QString &startUrl,
                           const QString &region, const QDateTime &nowUtc);
