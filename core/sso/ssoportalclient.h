#pragma once

#include "client/credentialcall.h"
#include "common/expected.h"
#include "signing/awscredentials.h"

#include <QUrl>

#include <functional>

class AwsClient;

struct SsoPortalConnection
{
    QUrl endpoint; // https://portal.sso.<sso_region>.amazonaws.com
};

using SsoPortalFailure = CredentialCallFailure;

using RoleCredentialsResult = Expected<AwsCredentials, SsoPortalFailure>;

// GetRoleCredentials: GET /federation/credentials?role_name=..&account_id=.. with the access token
// in x-amz-sso_bearer_token. The portal checks the token; the request is not signed.
void getRoleCredentials(AwsClient &client, const SsoPortalConnection &connection, const QString &accessToken,
                        const QString &accountId, const QString &roleName,
                        std::function<void(const RoleCredentialsResult &)> done);
