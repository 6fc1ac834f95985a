#include "sts/stsclient.h"

#include "client/awsclient.h"

void assumeRole(AwsClient &client, const StsConnection &connection, const AssumeRoleParameters &parameters,
                const AwsCredentials &source, AssumeRoleReady done)
{
    AwsRequest request = assumeRoleRequest(connection, parameters, source);
    const QUrl endpoint = connection.endpoint;
    const CredentialReader read = [endpoint](const QByteArray &body) -> Expected<AwsCredentials> {
        Expected<AwsCredentials> parsed = parseAssumeRoleResponse(body);
        if (!parsed)
            return Unexpected{QStringLiteral("AWS STS at %1 answered AssumeRole, but %2. Check that the STS endpoint "
                                             "URL points at STS.")
                                  .arg(endpoint.toDisplayString(), parsed.error())};
        return parsed;
    };
    sendCredentialCall(client, std::move(request), read, std::move(done));
}
