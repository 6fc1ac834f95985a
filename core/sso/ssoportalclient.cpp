#include "sso/ssoportalclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

void getRoleCredentials(const SsoPortalConnection &connection, const QString &accessToken, const QString &accountId,
                        const QString &roleName, QObject *context,
                        std::function<void(const RoleCredentialsResult &)> done)
{
    QUrl url = connection.endpoint;
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/federation/credentials"));
    // Encoded here, so that a '+' in a role name cannot reach the portal as a space.
    url.setQuery(QStringLiteral("role_name=") + QString::fromLatin1(QUrl::toPercentEncoding(roleName))
                     + QStringLiteral("&account_id=") + QString::fromLatin1(QUrl::toPercentEncoding(accountId)),
                 QUrl::StrictMode);

    HttpMessage message;
    message.method = "GET";
    message.url = url;
    message.headers = {{"x-amz-sso_bearer_token", accessToken.toUtf8()}};

    sendHttpRequest(connection.network, [message] { return message; }, HttpRetry{}, context,
                    [url, done = std::move(done)](const HttpAnswer &answer) {
                        SsoPortalFailure failure;
                        if (answer.status == 0) {
                            failure.message =
                                describeConnectionFailure(answer, url, QStringLiteral("IAM Identity Center (SSO portal)"));
                            done(Unexpected{failure});
                            return;
                        }
                        if (answer.status != 200) {
                            failure.kind = SsoPortalFailure::Kind::Service;
                            failure.error = parseRestJsonError(answer);
                            failure.message = failure.error.message;
                            done(Unexpected{failure});
                            return;
                        }
                        const QJsonObject role = QJsonDocument::fromJson(answer.body)
                                                     .object()
                                                     .value(QLatin1String("roleCredentials"))
                                                     .toObject();
                        AwsCredentials credentials;
                        credentials.accessKeyId = role.value(QLatin1String("accessKeyId")).toString();
                        credentials.secretAccessKey = role.value(QLatin1String("secretAccessKey")).toString();
                        credentials.sessionToken = role.value(QLatin1String("sessionToken")).toString();
                        const QJsonValue expiration = role.value(QLatin1String("expiration"));
                        if (!credentials.isComplete() || !expiration.isDouble()) {
                            failure.kind = SsoPortalFailure::Kind::MalformedAnswer;
                            failure.message = QStringLiteral("IAM Identity Center at %1 answered GetRoleCredentials "
                                                             "without roleCredentials. Check the SSO endpoint URL.")
                                                  .arg(url.toDisplayString(QUrl::RemoveQuery));
                            done(Unexpected{failure});
                            return;
                        }
                        credentials.expiration =
                            QDateTime::fromMSecsSinceEpoch(qint64(expiration.toDouble()), QTimeZone::utc());
                        done(credentials);
                    });
}
