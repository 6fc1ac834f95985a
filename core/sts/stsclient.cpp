#include "sts/stsclient.h"

#include "client/awsclient.h"

#include <memory>

void assumeRole(AwsClient &client, const StsConnection &connection, const AssumeRoleParameters &parameters,
                const AwsCredentials &source, AssumeRoleReady done)
{
    AwsRequest request = assumeRoleRequest(connection, parameters, source);
    auto credentials = std::make_shared<AwsCredentials>();
    const QUrl endpoint = connection.endpoint;
    request.readBody = [credentials, endpoint](const QByteArray &body) {
        Expected<AwsCredentials> parsed = parseAssumeRoleResponse(body);
        if (!parsed)
            return QStringLiteral("AWS STS at %1 answered AssumeRole, but %2. Check that the STS endpoint URL points "
                                  "at STS.")
                .arg(endpoint.toDisplayString(), parsed.error());
        *credentials = parsed.value();
        return QString();
    };
    client.send(std::move(request), [credentials, done = std::move(done)](const AwsResult &result) {
        if (result) {
            done(*credentials);
            return;
        }
        const AwsFailure &failure = result.error();
        StsFailure sts;
        if (failure.error.httpStatus != 0) {
            sts.kind = StsFailure::Kind::Service;
            sts.error = failure.error;
            sts.message = failure.error.message;
        } else {
            sts.kind = failure.kind == AwsFailure::Kind::MalformedResponse ? StsFailure::Kind::MalformedAnswer
                                                                            : StsFailure::Kind::Connection;
            sts.message = failure.message;
        }
        done(Unexpected{sts});
    });
}
