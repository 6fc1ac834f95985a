#include "sso/ssoportalclient.h"

#include "client/awsclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace {

const QString PortalName = QStringLiteral("IAM Identity Center (SSO portal)");

} // namespace

void getRoleCredentials(AwsClient &client, const SsoPortalConnection &connection, const QString &accessToken,
                        const QString &accountId, const QString &roleName,
                        std::function<void(const RoleCredentialsResult &)> done)
{
    AwsRequest request;
    request.endpoint.url = connection.endpoint;
    request.serviceName = PortalName;
    request.operation = QStringLiteral("GetRoleCredentials");
    request.method = "GET";
    request.path = QStringLiteral("/federation/credentials");
    // Encoded here, so that a '+' in a role name cannot reach the portal as a space.
    request.query = QStringLiteral("role_name=") + QString::fromLatin1(QUrl::toPercentEncoding(roleName))
                    + QStringLiteral("&account_id=") + QString::fromLatin1(QUrl::toPercentEncoding(accountId));
    request.headers = {{"x-amz-sso_bearer_token", accessToken.toUtf8()}};
    request.signing = AwsRequest::Signing::None;
    request.parseError = parseRestJsonError;

    const QUrl where = connection.endpoint;
    const CredentialReader readRole = [where](const QByteArray &body) -> Expected<AwsCredentials> {
        const QJsonObject role =
            QJsonDocument::fromJson(body).object().value(QLatin1String("roleCredentials")).toObject();
        AwsCredentials read;
        read.accessKeyId = role.value(QLatin1String("accessKeyId")).toString();
        read.secretAccessKey = role.value(QLatin1String("secretAccessKey")).toString();
        read.sessionToken = role.value(QLatin1String("sessionToken")).toString();
        const QJsonValue expiration = role.value(QLatin1String("expiration"));
        if (!read.isComplete() || !expiration.isDouble())
            return Unexpected{QStringLiteral("IAM Identity Center at %1 answered GetRoleCredentials without "
                                             "roleCredentials. Check the SSO endpoint URL.")
                                  .arg(where.toDisplayString(QUrl::RemoveQuery))};
        read.expiration = QDateTime::fromMSecsSinceEpoch(qint64(expiration.toDouble()), QTimeZone::utc());
        return read;
    };
    sendCredentialCall(client, std::move(request), readRole, std::move(done));
}
