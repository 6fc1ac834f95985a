#pragma once

#include "common/expected.h"
#include "signing/awscredentials.h"

#include <QString>

// Called on the worker thread and may block: later sources run credential_process or call
// STS / IAM Identity Center here.
class CredentialProvider
{
public:
    virtual ~CredentialProvider() = default;
    virtual Expected<AwsCredentials> credentials() = 0;
    // Where the credentials come from, for the status line; never the secrets themselves.
    virtual QString sourceDescription() const = 0;
};
