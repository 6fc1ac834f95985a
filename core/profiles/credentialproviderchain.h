#pragma once

#include "client/credentialprovider.h"
#include "profilefilereader.h"
#include "profileselection.h"

#include <QProcessEnvironment>

#include <memory>

class Clock;
class MfaCodePrompt;

// What providers that call out need besides the profile: where STS and IAM Identity Center are
// and who asks for MFA codes. How calls reach them is the AwsClient's business.
struct CredentialServices
{
    QString homeDirectory; // ~/.aws/sso/cache lives here
    QString region;        // the profile's region, for STS; empty = the global endpoint
    bool useFipsEndpoint = false;
    bool useDualStackEndpoint = false;
    std::shared_ptr<MfaCodePrompt> mfaPrompt; // none = profiles with mfa_serial fail with a clear message
    std::shared_ptr<const Clock> clock;       // none = the system clock
    int credentialProcessTimeLimitMs = 60'000;
};

struct CredentialChainRequest
{
    ProfileSelection profile;
    const LoadedProfileFiles *files = nullptr;
    QProcessEnvironment environment;
    CredentialServices services;
};

// The one place that picks where credentials come from: planCredentialChain's chain, made into
// providers. Sources this version cannot use yet (web identity, container and instance
// credentials, 'aws login') are errors naming the source.
Expected<std::shared_ptr<CredentialProvider>>
chooseCredentialProvider(const CredentialChainRequest &request);
