#pragma once

#include "common/expected.h"
#include "sso/ssotoken.h"

#include <QUrl>

#include <functional>

class AwsClient;

struct SsoOidcConnection
{
    QUrl endpoint; // https://oidc.<sso_region>.amazonaws.com
};

struct SsoTokenRefresh
{
    QString accessToken;
    int expiresInSeconds = 0;
    QString refreshToken; // empty when the service did not send a new one
};

using SsoTokenRefreshResult = Expected<SsoTokenRefresh>;

// CreateToken with grantType refresh_token: POST /token, JSON in and out, not signed.
void refreshSsoAccessToken(AwsClient &client, const SsoOidcConnection &connection, const SsoToken &token,
                           std::function<void(const SsoTokenRefreshResult &)> done);

// The token to cache after a refresh: botocore's fields, expiresAt counted from nowUtc.
SsoToken refreshedSsoToken(const SsoToken &previous, const SsoTokenRefresh &refresh, const QString &startUrl,
                           const QString &region, const QDateTime &nowUtc);
