#include "sts/assumerolerequest.h"

#include "sts/stsresponse.h"

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

AwsRequest assumeRoleRequest(const StsConnection &connection, const AssumeRoleParameters &parameters,
                             const AwsCredentials &source)
{
    AwsRequest request;
    request.endpoint = ServiceEndpoint{connection.endpoint, connection.scope.region, connection.scope.service};
    request.serviceName = QStringLiteral("AWS STS");
    request.operation = QStringLiteral("AssumeRole");
    request.headers = {{"Content-Type", FormContentType.toByteArray()}};
    request.body = assumeRoleFormBody(parameters);
    request.expectsJson = false;
    request.signing = AwsRequest::Signing::WithKeys;
    request.keys = source;
    request.parseError = [](int status, const HttpHeaders &, const QByteArray &body) {
        return parseStsError(status, body);
    };
    return request;
}
