#include "client/awsrequest.h"

AwsRequest awsJsonRequest(const ServiceEndpoint &endpoint, const QString &serviceName, QByteArrayView targetPrefix,
                          const QString &operation, QByteArrayView jsonVersion, const QByteArray &body)
{
    AwsRequest request;
    request.endpoint = endpoint;
    request.serviceName = serviceName;
    request.operation = operation;
    request.headers = {
        {"Content-Type", QByteArrayLiteral("application/x-amz-json-") + jsonVersion.toByteArray()},
        {"X-Amz-Target", targetPrefix.toByteArray() + '.' + operation.toLatin1()},
    };
    request.body = body;
    return request;
}
