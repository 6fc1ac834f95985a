#pragma once

#include "credentialprovider.h"
#include "profilefilereader.h"
#include "profileselection.h"

#include <QProcessEnvironment>

#include <memory>

struct CredentialChainRequest
{
    ProfileSelection profile;
    const LoadedProfileFiles *files = nullptr;
    QProcessEnvironment environment;
};

// The one place that picks where credentials come from, in botocore's order: environment keys
// (not when --profile was given), role_arn, web identity, IAM Identity Center, keys in the
// credentials file, aws login, credential_process, keys in the config file, container
// credentials. Sources this version cannot use yet are errors naming the source; each becomes
// a CredentialProvider subclass returned from its step here.
Expected<std::shared_ptr<CredentialProvider>>
chooseCredentialProvider(const CredentialChainRequest &request);
