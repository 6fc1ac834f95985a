#pragma once

#include "client/awsrequest.h"
#include "signing/awscredentials.h"
#include "signing/sigv4signer.h"

#include <QDateTime>
#include <QString>

#include <optional>

struct AssumeRoleParameters
{
    QString roleArn;
    QString roleSessionName;
    QString externalId;   // empty = not sent
    QString serialNumber; // the MFA device, with tokenCode
    QString tokenCode;
    std::optional<int> durationSeconds;
};

// Where STS answers and how requests to it are signed.
struct StsConnection
{
    QUrl endpoint;
    SigningScope scope; // region from the endpoint rules, service "sts"
};

// "Action=AssumeRole&Version=2011-06-15&RoleArn=..." with every value percent-encoded.
QByteArray assumeRoleFormBody(const AssumeRoleParameters &parameters);

// The whole POST, to be signed with the source credentials.
AwsRequest assumeRoleRequest(const StsConnection &connection, const AssumeRoleParameters &parameters,
                             const AwsCredentials &source);
