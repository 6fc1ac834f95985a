#pragma once

#include "http/httpexchange.h"
#include "signing/awscredentials.h"
#include "sso/restjsonerror.h"

#include <functional>

class QObject;

struct SsoPortalConnection
{
    QUrl endpoint; // https://portal.sso.<sso_region>.amazonaws.com
    NetworkSettings network;
};

struct SsoPortalFailure
{
    enum class Kind { Connection, Service, MalformedAnswer };
    Kind kind = Kind::Connection;
    QString message;
    RestJsonError error; // for Service
};

using RoleCredentialsResult = Expected<AwsCredentials, SsoPortalFailure>;

// GetRoleCredentials: GET /federation/credentials?role_name=..&account_id=.. with the access token
// in x-amz-sso_bearer_token. The portal checks the token; the request is not signed.
void getRoleCredentials(const SsoPortalConnection &connection, const QString &accessToken, const QString &accountId,
                        const QString &roleName, QObject *context,
                        std::function<void(const RoleCredentialsResult &)> done);
