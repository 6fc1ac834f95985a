#include "sts/stsclient.h"

namespace {

bool isTransientStsAnswer(const HttpAnswer &answer)
{
    if (isTransientByDefault(answer))
        return true;
    if (answer.status != 400)
        return false;
    const QString code = parseStsError(answer.status, answer.body).code;
    return code == u"Throttling" || code == u"ThrottlingException" || code == u"RequestLimitExceeded";
}

} // namespace

void assumeRole(const StsConnection &connection, const AssumeRoleParameters &parameters, const AwsCredentials &source,
                std::function<QDateTime()> signingTimeUtc, QObject *context, AssumeRoleReady done)
{
    HttpMessageBuilder build = [connection, parameters, source, signingTimeUtc = std::move(signingTimeUtc)] {
        return assumeRoleMessage(connection, parameters, source, signingTimeUtc());
    };
    HttpRetry retry;
    retry.isTransient = isTransientStsAnswer;
    const QUrl endpoint = connection.endpoint;
    sendHttpRequest(connection.network, std::move(build), std::move(retry), context,
                    [endpoint, done = std::move(done)](const HttpAnswer &answer) {
                        StsFailure failure;
                        if (answer.status == 0) {
                            failure.kind = StsFailure::Kind::Connection;
                            failure.message = describeConnectionFailure(answer, endpoint, QStringLiteral("AWS STS"));
                            done(Unexpected{failure});
                            return;
                        }
                        if (answer.status != 200) {
                            failure.kind = StsFailure::Kind::Service;
                            failure.error = parseStsError(answer.status, answer.body);
                            failure.message = failure.error.message;
                            done(Unexpected{failure});
                            return;
                        }
                        Expected<AwsCredentials> credentials = parseAssumeRoleResponse(answer.body);
                        if (!credentials) {
                            failure.kind = StsFailure::Kind::MalformedAnswer;
                            failure.message = QStringLiteral("AWS STS at %1 answered AssumeRole, but %2. Check that "
                                                             "the STS endpoint URL points at STS.")
                                                  .arg(endpoint.toDisplayString(), credentials.error());
                            done(Unexpected{failure});
                            return;
                        }
                        done(credentials.value());
                    });
}
