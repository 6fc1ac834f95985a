#include "sts/assumerolerequest.h"

#include "signing/signablerequest.h"

namespace {

constexpr QByteArrayView FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

void appendField(QByteArray &body, QByteArrayView name, const QString &value)
{
    if (!body.isEmpty())
        body += '&';
    body += name;
    body += '=';
    body += value.toUtf8().toPercentEncoding();
}

} // namespace

QByteArray assumeRoleFormBody(const AssumeRoleParameters &parameters)
{
    QByteArray body;
    appendField(body, "Action", QStringLiteral("AssumeRole"));
    appendField(body, "Version", QStringLiteral("2011-06-15"));
    appendField(body, "RoleArn", parameters.roleArn);
    appendField(body, "RoleSessionName", parameters.roleSessionName);
    if (parameters.durationSeconds)
        appendField(body, "DurationSeconds", QString::number(*parameters.durationSeconds));
    if (!parameters.externalId.isEmpty())
        appendField(body, "ExternalId", parameters.externalId);
    if (!parameters.serialNumber.isEmpty()) {
        appendField(body, "SerialNumber", parameters.serialNumber);
        appendField(body, "TokenCode", parameters.tokenCode);
    }
    return body;
}

HttpMessage assumeRoleMessage(const StsConnection &connection, const AssumeRoleParameters &parameters,
                              const AwsCredentials &source, const QDateTime &signingTimeUtc)
{
    QByteArray path = connection.endpoint.path(QUrl::FullyEncoded).toLatin1();
    if (path.isEmpty())
        path = "/";

    SignableRequest signable;
    signable.method = "POST";
    signable.path = path;
    signable.headers = {
        {"Host", hostHeaderOf(connection.endpoint)},
        {"Content-Type", FormContentType.toByteArray()},
    };
    signable.body = assumeRoleFormBody(parameters);
    SigV4Signer(connection.scope).sign(signable, source, signingTimeUtc);

    HttpMessage message;
    message.method = "POST";
    message.url = connection.endpoint;
    message.url.setPath(QString::fromLatin1(path));
    message.headers = signable.headers;
    message.body = signable.body;
    return message;
}
