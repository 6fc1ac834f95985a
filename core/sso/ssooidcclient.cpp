#include "sso/ssooidcclient.h"

#include "client/parsedcall.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

void refreshSsoAccessToken(AwsClient &client, const SsoOidcConnection &connection, const SsoToken &token,
                           std::function<void(const SsoTokenRefreshResult &)> done)
{
    const QJsonObject body{
        {QStringLiteral("clientId"), token.clientId},
        {QStringLiteral("clientSecret"), token.clientSecret},
        {QStringLiteral("grantType"), QStringLiteral("refresh_token")},
        {QStringLiteral("refreshToken"), token.refreshToken},
    };
    AwsRequest request;
    request.endpoint.url = connection.endpoint;
    request.serviceName = QStringLiteral("IAM Identity Center (SSO OIDC)");
    request.operation = QStringLiteral("CreateToken");
    request.path = QStringLiteral("/token");
    request.headers = {{"Content-Type", "application/json"}};
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.signing = AwsRequest::Signing::None;
    request.parseError = parseRestJsonError;

    const auto readRefresh = [](const QByteArray &answer) -> Expected<SsoTokenRefresh> {
        const QJsonObject fields = QJsonDocument::fromJson(answer).object();
        SsoTokenRefresh read;
        read.accessToken = fields.value(QLatin1String("accessToken")).toString();
        read.expiresInSeconds = fields.value(QLatin1String("expiresIn")).toInt();
        read.refreshToken = fields.value(QLatin1String("refreshToken")).toString();
        if (read.accessToken.isEmpty() || read.expiresInSeconds <= 0)
            return Unexpected{QStringLiteral("IAM Identity Center answered the refresh without an accessToken and "
                                             "expiresIn")};
        return read;
    };
    sendParsed<SsoTokenRefresh>(client, std::move(request), readRefresh,
                                [done = std::move(done)](const Expected<SsoTokenRefresh, AwsFailure> &result) {
        if (result) {
            done(result.value());
            return;
        }
        const AwsFailure &failure = result.error();
        if (failure.error.httpStatus == 0) {
            done(Unexpected{failure.message});
            return;
        }
        done(Unexpected{QStringLiteral("IAM Identity Center refused to refresh the sign-in (%1: %2)")
                            .arg(failure.error.code.isEmpty() ? QString::number(failure.error.httpStatus)
                                                              : failure.error.code,
                                 failure.error.message)});
    });
}

SsoToken refreshedSsoToken(const SsoToken &previous, const SsoTokenRefresh &refresh, const QString &startUrl,
                           const QString &region, const QDateTime &nowUtc)
{
    SsoToken token;
    token.startUrl = startUrl;
    token.region = region;
    token.accessToken = refresh.accessToken;
    token.expiresAt = nowUtc.addSecs(refresh.expiresInSeconds);
    token.clientId = previous.clientId;
    token.clientSecret = previous.clientSecret;
    token.registrationExpiresAt = previous.registrationExpiresAt;
    token.refreshToken = refresh.refreshToken;
    return token;
}
