#include "sso/ssoportalclient.h"

#include "client/awsclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <memory>

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

    auto credentials = std::make_shared<AwsCredentials>();
    const QUrl where = connection.endpoint;
    request.readBody = [credentials, where](const QByteArray &body) {
        const QJsonObject role =
            QJsonDocument::fromJson(body).object().value(QLatin1String("roleCredentials")).toObject();
        AwsCredentials read;
        read.accessKeyId = role.value(QLatin1String("accessKeyId")).toString();
        read.secretAccessKey = role.value(QLatin1String("secretAccessKey")).toString();
        read.sessionToken = role.value(QLatin1String("sessionToken")).toString();
        const QJsonValue expiration = role.value(QLatin1String("expiration"));
        if (!read.isComplete() || !expiration.isDouble())
            return QStringLiteral("IAM Identity Center at %1 answered GetRoleCredentials without roleCredentials. "
                                  "Check the SSO endpoint URL.")
                .arg(where.toDisplayString(QUrl::RemoveQuery));
        read.expiration = QDateTime::fromMSecsSinceEpoch(qint64(expiration.toDouble()), QTimeZone::utc());
        *credentials = read;
        return QString();
    };
    client.send(std::move(request), [credentials, done = std::move(done)](const AwsResult &result) {
        if (result) {
            done(*credentials);
            return;
        }
        const AwsFailure &failure = result.error();
        SsoPortalFailure portal;
        portal.message = failure.message;
        if (failure.error.httpStatus != 0) {
            portal.kind = SsoPortalFailure::Kind::Service;
            portal.error = failure.error;
            portal.message = failure.error.message;
        } else if (failure.kind == AwsFailure::Kind::MalformedResponse) {
            portal.kind = SsoPortalFailure::Kind::MalformedAnswer;
        }
        done(Unexpected{portal});
    });
}
