#include "client/credentialcall.h"

#include "client/parsedcall.h"

void sendCredentialCall(AwsClient &client, AwsRequest request, CredentialReader read, CredentialCallReady done)
{
    sendParsed<AwsCredentials>(client, std::move(request), std::move(read),
                               [done = std::move(done)](const Expected<AwsCredentials, AwsFailure> &result) {
        if (result) {
            done(result.value());
            return;
        }
        const AwsFailure &failure = result.error();
        CredentialCallFailure call;
        if (failure.error.httpStatus != 0) {
            call.kind = CredentialCallFailure::Kind::Service;
            call.error = failure.error;
            call.message = failure.error.message;
        } else {
            call.kind = failure.kind == AwsFailure::Kind::MalformedResponse ? CredentialCallFailure::Kind::MalformedAnswer
                                                                             : CredentialCallFailure::Kind::Connection;
            call.message = failure.message;
        }
        done(Unexpected{call});
    });
}
