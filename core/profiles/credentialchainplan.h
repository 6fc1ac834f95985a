#pragma once

#include "common/expected.h"
#include "profilefilereader.h"
#include "profileselection.h"
#include "signing/awscredentials.h"

#include <QList>
#include <QProcessEnvironment>

#include <optional>
#include <variant>

struct CredentialChainRequest;

// Keys known up front: from the environment or a profile's aws_access_key_id.
struct StaticKeysLink
{
    AwsCredentials credentials;
    QString description; // "environment variables", "profile 'x' in /home/me/.aws/credentials"
};

struct ProcessLink
{
    QString profileName;
    QString command;
};

// IAM Identity Center, from an [sso-session] section or the legacy sso_start_url in the profile.
struct SsoLink
{
    QString profileName; // the profile holding the sso_* settings: the one for 'aws sso login --profile'
    QString sessionName; // empty for the legacy form
    QString startUrl;
    QString region;
    QString accountId; // empty with roleName for a profile that only signs in
    QString roleName;
};

struct WebIdentityLink
{
    QString profileName; // empty when it comes from AWS_WEB_IDENTITY_TOKEN_FILE
    QString roleArn;
    QString tokenFile;
    QString roleSessionName;
};

// credential_source = Environment | Ec2InstanceMetadata | EcsContainer
struct NamedSourceLink
{
    QString profileName;
    QString name;
};

struct AssumeRoleLink
{
    QString profileName;
    QString roleArn;
    QString roleSessionName; // empty = one is made up
    QString externalId;
    QString mfaSerial;
    std::optional<int> durationSeconds;
};

using CredentialLink =
    std::variant<StaticKeysLink, ProcessLink, SsoLink, WebIdentityLink, NamedSourceLink, AssumeRoleLink>;

// Where a profile's credentials come from, as a chain: the first link is the base source, each
// later one an AssumeRole made with the credentials of the link before it.
struct CredentialChainPlan
{
    QList<CredentialLink> links;
};

// botocore's order: environment keys (not with --profile), role_arn (following source_profile
// through chains of any length and refusing loops), web identity, IAM Identity Center, keys in
// the credentials file, 'aws login', credential_process, keys in the config file. Reads files
// only; starts nothing. Sources this version cannot use at all are errors naming the source.
Expected<CredentialChainPlan> planCredentialChain(const CredentialChainRequest &request);
