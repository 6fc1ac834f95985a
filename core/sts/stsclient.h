#pragma once

#include "client/credentialcall.h"
#include "sts/assumerolerequest.h"
#include "sts/stsresponse.h"

#include <functional>

class AwsClient;

using StsFailure = CredentialCallFailure;

using AssumeRoleResult = Expected<AwsCredentials, StsFailure>;
using AssumeRoleReady = std::function<void(const AssumeRoleResult &)>;

// One AssumeRole call through client, signed with source. done runs once on client's thread.
void assumeRole(AwsClient &client, const StsConnection &connection, const AssumeRoleParameters &parameters,
                const AwsCredentials &source, AssumeRoleReady done);
