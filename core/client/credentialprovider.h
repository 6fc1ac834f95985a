#pragma once

#include "common/expected.h"
#include "signing/awscredentials.h"

#include <QString>

#include <functional>

class AwsClient;

// Why there are no credentials, in a sentence, and the command that fixes it when there is one
// (for example "aws sso login --profile audit"), so that a window can offer to copy it.
struct CredentialError
{
    QString message;
    QString suggestedCommand;

    CredentialError() = default;
    // Implicit: a plain sentence is an error with no command to suggest.
    CredentialError(QString text, QString command = {})
        : message(std::move(text)), suggestedCommand(std::move(command))
    {
    }
};

using CredentialResult = Expected<AwsCredentials, CredentialError>;
using CredentialsReady = std::function<void(const CredentialResult &)>;

enum class CredentialRenewal {
    IfExpiring, // cached credentials do while they are not close to expiring
    Force,      // a service called them expired: get new ones all the way down the chain
};

// Where credentials come from. Sources that must wait (run credential_process, call STS or IAM
// Identity Center, ask for an MFA code) answer asynchronously: requestCredentials never blocks.
class CredentialProvider
{
public:
    virtual ~CredentialProvider() = default;

    // Calls done exactly once on client's thread (before returning, when the answer is at hand),
    // unless client is destroyed first. A source that calls AWS (STS, IAM Identity Center) does so
    // through client; processes a source starts live in client's thread and die with it. The
    // default answers at once from credentials().
    virtual void requestCredentials(AwsClient &client, CredentialRenewal renewal, CredentialsReady done);

    // Where the credentials come from, for the status line; never the secrets themselves.
    virtual QString sourceDescription() const = 0;

    // Credentials known without waiting, for sources that have them (keys from a file or the
    // environment). Sources that must wait say so here.
    virtual Expected<AwsCredentials> credentials();
};
