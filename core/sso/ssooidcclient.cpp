#include "sso/ssooidcclient.h"

#include <QJsonDocument>
#include <QJsonObject>

void refreshSsoAccessToken(const SsoOidcConnection &connection, const SsoToken &token, QObject *context,
                           std::function<void(const SsoTokenRefreshResult &)> done)
{
    QUrl url = connection.endpoint;
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/token"));
    const QJsonObject request{
        {QStringLiteral("clientId"), token.clientId},
        {QStringLiteral("clientSecret"), token.clientSecret},
        {QStringLiteral("grantType"), QStringLiteral("refresh_token")},
        {QStringLiteral("refreshToken"), token.refreshToken},
    };
    HttpMessage message;
    message.method = "POST";
    message.url = url;
    message.headers = {{"Content-Type", "application/json"}};
    message.body = QJsonDocument(request).toJson(QJsonDocument::Compact);

    sendHttpRequest(connection.network, [message] { return message; }, HttpRetry{}, context,
                    [url, done = std::move(done)](const HttpAnswer &answer) {
                        if (answer.status == 0) {
                            done(Unexpected{describeConnectionFailure(answer, url, QStringLiteral("IAM Identity Center (SSO OIDC)"))});
                            return;
                        }
                        if (answer.status != 200) {
                            const RestJsonError error = parseRestJsonError(answer);
                            done(Unexpected{QStringLiteral("IAM Identity Center refused to refresh the sign-in "
                                                           "(%1: %2)")
                                                .arg(error.code.isEmpty() ? QString::number(error.httpStatus) : error.code,
                                                     error.message)});
                            return;
                        }
                        const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
                        SsoTokenRefresh refresh;
                        refresh.accessToken = body.value(QLatin1String("accessToken")).toString();
                        refresh.expiresInSeconds = body.value(QLatin1String("expiresIn")).toInt();
                        refresh.refreshToken = body.value(QLatin1String("refreshToken")).toString();
                        if (refresh.accessToken.isEmpty() || refresh.expiresInSeconds <= 0) {
                            done(Unexpected{QStringLiteral("IAM Identity Center answered the refresh without an "
                                                           "accessToken and expiresIn")});
                            return;
                        }
                        done(refresh);
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
