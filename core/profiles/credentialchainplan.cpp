#include "credentialchainplan.h"

#include "credentialproviderchain.h"

#include <QDateTime>

namespace {

using PlanChoice = Expected<CredentialChainPlan>;
// Empty when the step's source is not configured and the next one should be asked.
using StepResult = std::optional<PlanChoice>;

const QString RoleArnKey = QStringLiteral("role_arn");
const QString WebIdentityTokenFileKey = QStringLiteral("web_identity_token_file");
const QString AccessKeyIdKey = QStringLiteral("aws_access_key_id");
const QString SecretAccessKeyKey = QStringLiteral("aws_secret_access_key");

PlanChoice planOf(CredentialLink link)
{
    return CredentialChainPlan{{std::move(link)}};
}

const ProfileSection *findProfile(const ProfileSet &set, const QString &name)
{
    const auto it = set.profiles.constFind(name);
    return it == set.profiles.cend() ? nullptr : &it.value();
}

const ProfileSection *mergedProfile(const CredentialChainRequest &request, const QString &name)
{
    return findProfile(request.files->merged, name);
}

PlanChoice notYetSupported(const QString &profileName, const QString &source)
{
    return Unexpected{
        QStringLiteral("Profile '%1' uses %2, which this version cannot use yet. Export "
                       "temporary keys with 'aws configure export-credentials --profile %1 "
                       "--format env' and start Enrollment Desk from that shell without choosing "
                       "a profile, or choose a profile with access keys.")
            .arg(profileName, source)};
}

PlanChoice environmentNotYetSupported(const QString &variable, const QString &source)
{
    return Unexpected{QStringLiteral("%1 is set (%2), which this version cannot use yet. Set "
                                     "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY instead, or "
                                     "choose a profile with access keys.")
                          .arg(variable, source)};
}

QString firstNonEmpty(const QProcessEnvironment &environment, const QStringList &names)
{
    for (const QString &name : names) {
        const QString value = environment.value(name);
        if (!value.isEmpty())
            return value;
    }
    return QString();
}

bool hasAssumeRoleSettings(const ProfileSection &profile)
{
    // A role_arn next to web_identity_token_file belongs to web identity, not to AssumeRole.
    return profile.contains(RoleArnKey) && !profile.contains(WebIdentityTokenFileKey);
}

bool hasStaticKeys(const ProfileSection &profile)
{
    return profile.contains(AccessKeyIdKey) || profile.contains(SecretAccessKeyKey);
}

// --- The sources, each a step that either does not apply (nullopt) or decides. ---

StepResult environmentKeys(const CredentialChainRequest &request)
{
    // An explicit --profile means the user wants that profile even with keys in the environment.
    if (request.profile.isFromOption())
        return std::nullopt;
    const QProcessEnvironment &environment = request.environment;
    AwsCredentials credentials;
    credentials.accessKeyId = environment.value(QStringLiteral("AWS_ACCESS_KEY_ID"));
    if (credentials.accessKeyId.isEmpty())
        return std::nullopt;
    credentials.secretAccessKey = environment.value(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    if (credentials.secretAccessKey.isEmpty()) {
        return PlanChoice(Unexpected{QStringLiteral(
            "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not. Set both, or unset "
            "AWS_ACCESS_KEY_ID to use your profiles.")});
    }
    // botocore reads the older AWS_SECURITY_TOKEN first.
    credentials.sessionToken = firstNonEmpty(
        environment, {QStringLiteral("AWS_SECURITY_TOKEN"), QStringLiteral("AWS_SESSION_TOKEN")});
    const QString expiration = environment.value(QStringLiteral("AWS_CREDENTIAL_EXPIRATION"));
    if (!expiration.isEmpty()) {
        QDateTime when = QDateTime::fromString(expiration, Qt::ISODateWithMs);
        if (!when.isValid()) {
            return PlanChoice(Unexpected{QStringLiteral(
                "AWS_CREDENTIAL_EXPIRATION must be an ISO 8601 time such as "
                "2030-01-31T12:00:00Z. Correct it or unset it.")});
        }
        credentials.expiration = when.toUTC();
    }
    return planOf(StaticKeysLink{credentials, QStringLiteral("environment variables")});
}

StepResult profileKeys(const ProfileSet &set, const QString &path, const QString &profileName)
{
    const ProfileSection *profile = findProfile(set, profileName);
    if (!profile || !profile->contains(AccessKeyIdKey))
        return std::nullopt;
    AwsCredentials credentials;
    credentials.accessKeyId = profile->value(AccessKeyIdKey);
    credentials.secretAccessKey = profile->value(SecretAccessKeyKey);
    if (!credentials.isComplete()) {
        const QString missing = credentials.accessKeyId.isEmpty() ? AccessKeyIdKey : SecretAccessKeyKey;
        return PlanChoice(Unexpected{
            QStringLiteral("Profile '%1' in %2 has no value for %3. Run 'aws configure "
                           "--profile %1' to set both keys.")
                .arg(profile->name, path, missing)});
    }
    for (const QString &key :
         {QStringLiteral("aws_security_token"), QStringLiteral("aws_session_token")}) {
        if (profile->contains(key)) {
            credentials.sessionToken = profile->value(key);
            break;
        }
    }
    return planOf(StaticKeysLink{credentials, QStringLiteral("profile '%1' in %2").arg(profile->name, path)});
}

StepResult credentialsFileKeys(const CredentialChainRequest &request, const QString &profileName)
{
    return profileKeys(request.files->credentials, request.files->location.credentialsFile, profileName);
}

StepResult configFileKeys(const CredentialChainRequest &request, const QString &profileName)
{
    return profileKeys(request.files->config, request.files->location.configFile, profileName);
}

StepResult credentialProcess(const CredentialChainRequest &request, const QString &profileName)
{
    const ProfileSection *profile = mergedProfile(request, profileName);
    if (!profile || !profile->contains(QStringLiteral("credential_process")))
        return std::nullopt;
    return planOf(ProcessLink{profile->name, profile->value(QStringLiteral("credential_process"))});
}

StepResult profileWebIdentity(const CredentialChainRequest &request, const QString &profileName)
{
    const ProfileSection *profile = mergedProfile(request, profileName);
    if (!profile || !profile->contains(WebIdentityTokenFileKey))
        return std::nullopt;
    if (profile->value(RoleArnKey).isEmpty()) {
        return PlanChoice(Unexpected{QStringLiteral("Profile '%1' has web_identity_token_file but no role_arn. Add "
                                                    "the role_arn to assume with the token.")
                                         .arg(profile->name)});
    }
    return planOf(WebIdentityLink{profile->name, profile->value(RoleArnKey), profile->value(WebIdentityTokenFileKey),
                                  profile->value(QStringLiteral("role_session_name"))});
}

// The sso_* settings of a profile, with those of its [sso-session] section; an error when they
// do not add up. Validation follows AWS CLI v2.
Expected<SsoLink> readSsoSettings(const CredentialChainRequest &request, const ProfileSection &profile)
{
    SsoLink link;
    link.profileName = profile.name;
    link.accountId = profile.value(QStringLiteral("sso_account_id"));
    link.roleName = profile.value(QStringLiteral("sso_role_name"));
    const bool hasAccount = profile.contains(QStringLiteral("sso_account_id"));
    const bool hasRole = profile.contains(QStringLiteral("sso_role_name"));
    const QString configure = QStringLiteral("Run 'aws configure sso --profile %1' to set it up again.").arg(profile.name);
    if (hasRole && !hasAccount) {
        return Unexpected{QStringLiteral("Profile '%1' sets sso_role_name but not sso_account_id. %2")
                              .arg(profile.name, configure)};
    }
    if (hasAccount && !hasRole) {
        return Unexpected{QStringLiteral("Profile '%1' sets sso_account_id but not sso_role_name. %2")
                              .arg(profile.name, configure)};
    }

    const QStringList signInKeys{QStringLiteral("sso_start_url"), QStringLiteral("sso_region")};
    if (!profile.contains(QStringLiteral("sso_session"))) {
        QStringList missing;
        for (const QString &key : signInKeys) {
            if (profile.value(key).isEmpty())
                missing.append(key);
        }
        if (!missing.isEmpty()) {
            return Unexpected{QStringLiteral("Profile '%1' is set up for IAM Identity Center but has no %2. %3")
                                  .arg(profile.name, missing.join(QStringLiteral(" or ")), configure)};
        }
        link.startUrl = profile.value(QStringLiteral("sso_start_url"));
        link.region = profile.value(QStringLiteral("sso_region"));
        return link;
    }

    link.sessionName = profile.value(QStringLiteral("sso_session"));
    const auto session = request.files->merged.ssoSessions.constFind(link.sessionName);
    if (session == request.files->merged.ssoSessions.cend()) {
        return Unexpected{QStringLiteral("Profile '%1' names sso_session '%2', but %3 has no [sso-session %2] "
                                         "section. Run 'aws configure sso-session' to create it, or correct "
                                         "sso_session.")
                              .arg(profile.name, link.sessionName, request.files->location.configFile)};
    }
    for (const QString &key : signInKeys) {
        const QString sessionValue = session->value(key);
        if (sessionValue.isEmpty()) {
            const QString advice = profile.contains(key)
                                       ? QStringLiteral("Move %1 from profile '%2' into [sso-session %3].")
                                             .arg(key, profile.name, link.sessionName)
                                       : QStringLiteral("Add %1 to [sso-session %2], or run 'aws configure "
                                                        "sso-session'.")
                                             .arg(key, link.sessionName);
            return Unexpected{QStringLiteral("The [sso-session %1] section named by profile '%2' has no %3. %4")
                                  .arg(link.sessionName, profile.name, key, advice)};
        }
        if (profile.contains(key) && profile.value(key) != sessionValue) {
            return Unexpected{QStringLiteral("Profile '%1' sets %2 to '%3', but its [sso-session %4] says '%5'. "
                                             "Remove %2 from the profile.")
                                  .arg(profile.name, key, profile.value(key), link.sessionName, sessionValue)};
        }
    }
    link.startUrl = session->value(QStringLiteral("sso_start_url"));
    link.region = session->value(QStringLiteral("sso_region"));
    return link;
}

StepResult iamIdentityCenter(const CredentialChainRequest &request, const QString &profileName)
{
    const ProfileSection *profile = mergedProfile(request, profileName);
    // sso_account_id and sso_role_name are what turn this source on, as in botocore.
    if (!profile
        || (!profile->contains(QStringLiteral("sso_account_id")) && !profile->contains(QStringLiteral("sso_role_name"))))
        return std::nullopt;
    Expected<SsoLink> link = readSsoSettings(request, *profile);
    if (!link)
        return PlanChoice(Unexpected{link.error()});
    return planOf(std::move(link).value());
}

StepResult awsLogin(const CredentialChainRequest &request, const QString &profileName)
{
    const ProfileSection *profile = mergedProfile(request, profileName);
    if (profile && profile->contains(QStringLiteral("login_session")))
        return notYetSupported(profile->name, QStringLiteral("'aws login' (login_session)"));
    return std::nullopt;
}

// --- AssumeRole, following source_profile. ---

Expected<AssumeRoleLink> readRole(const ProfileSection &profile)
{
    AssumeRoleLink role;
    role.profileName = profile.name;
    role.roleArn = profile.value(RoleArnKey);
    role.roleSessionName = profile.value(QStringLiteral("role_session_name"));
    role.externalId = profile.value(QStringLiteral("external_id"));
    role.mfaSerial = profile.value(QStringLiteral("mfa_serial"));
    if (role.roleArn.isEmpty())
        return Unexpected{QStringLiteral("Profile '%1' has an empty role_arn. Set it to the ARN of the role to "
                                         "assume, or remove it.")
                              .arg(profile.name)};
    const QString duration = profile.value(QStringLiteral("duration_seconds")).trimmed();
    bool isNumber = false;
    const int seconds = duration.toInt(&isNumber);
    // AWS CLI ignores a duration that is not a number; one STS would refuse is refused here already.
    if (isNumber) {
        if (seconds < 900 || seconds > 43'200) {
            return Unexpected{QStringLiteral("duration_seconds in profile '%1' is '%2'. Use a whole number of seconds "
                                             "from 900 to 43200 (and no more than the role's maximum session "
                                             "duration).")
                                  .arg(profile.name, duration)};
        }
        role.durationSeconds = seconds;
    }
    return role;
}

PlanChoice planAssumeRole(const CredentialChainRequest &request, const QString &profileName, QStringList visited);

PlanChoice planSourceProfile(const CredentialChainRequest &request, const QString &parentName,
                             const QString &sourceName, QStringList visited)
{
    const ProfileSection &source = *mergedProfile(request, sourceName);
    if (!hasStaticKeys(source) && hasAssumeRoleSettings(source))
        return planAssumeRole(request, sourceName, std::move(visited));

    // A source profile gives its own credentials, never the environment's: botocore's profile
    // providers, in their order.
    using SourceStep = StepResult (*)(const CredentialChainRequest &, const QString &);
    static constexpr SourceStep steps[] = {profileWebIdentity, iamIdentityCenter, credentialsFileKeys,
                                           credentialProcess, configFileKeys};
    for (const SourceStep step : steps) {
        if (StepResult result = step(request, sourceName))
            return std::move(*result);
    }
    if (source.contains(SecretAccessKeyKey)) {
        return Unexpected{QStringLiteral("Profile '%1' has aws_secret_access_key but no aws_access_key_id. Run 'aws "
                                         "configure --profile %1' to set both keys.")
                              .arg(sourceName)};
    }
    return Unexpected{QStringLiteral("The source profile '%1' (source_profile of profile '%2') has no credentials: "
                                     "no access keys, credential_process or IAM Identity Center settings. Give it "
                                     "credentials, or point source_profile at a profile that has them.")
                          .arg(sourceName, parentName)};
}

PlanChoice planAssumeRole(const CredentialChainRequest &request, const QString &profileName, QStringList visited)
{
    const ProfileSection &profile = *mergedProfile(request, profileName);
    Expected<AssumeRoleLink> role = readRole(profile);
    if (!role)
        return Unexpected{role.error()};

    const bool hasSourceProfile = profile.contains(QStringLiteral("source_profile"));
    const bool hasCredentialSource = profile.contains(QStringLiteral("credential_source"));
    if (hasSourceProfile && hasCredentialSource) {
        return Unexpected{QStringLiteral("Profile '%1' sets both source_profile and credential_source. Keep the one "
                                         "that says where the credentials for role_arn come from.")
                              .arg(profileName)};
    }
    if (!hasSourceProfile && !hasCredentialSource) {
        return Unexpected{QStringLiteral("Profile '%1' has role_arn but neither source_profile nor credential_source. "
                                         "Add source_profile = <a profile with credentials>, or credential_source = "
                                         "Environment.")
                              .arg(profileName)};
    }

    CredentialChainPlan plan;
    if (hasCredentialSource) {
        const QString name = profile.value(QStringLiteral("credential_source"));
        static const QStringList known{QStringLiteral("Environment"), QStringLiteral("Ec2InstanceMetadata"),
                                       QStringLiteral("EcsContainer")};
        if (!known.contains(name)) {
            return Unexpected{QStringLiteral("Profile '%1' has credential_source = %2. Use Environment, "
                                             "Ec2InstanceMetadata or EcsContainer.")
                                  .arg(profileName, name)};
        }
        plan.links.append(NamedSourceLink{profileName, name});
    } else {
        const QString sourceName = profile.value(QStringLiteral("source_profile"));
        const ProfileSection *source = mergedProfile(request, sourceName);
        if (!source) {
            return Unexpected{QStringLiteral("Profile '%1' has source_profile = %2, but there is no profile '%2' in %3 "
                                             "or %4. Correct source_profile.")
                                  .arg(profileName, sourceName, request.files->location.configFile,
                                       request.files->location.credentialsFile)};
        }
        // A profile may name itself, to keep its keys and its role together; any other return
        // to a profile already on the way is a loop.
        if (visited.contains(sourceName) && (sourceName != profileName || !hasStaticKeys(*source))) {
            return Unexpected{QStringLiteral("The profiles %1 form a loop through source_profile, so no credentials "
                                             "can be found. Point one of them at a profile with credentials.")
                                  .arg((visited + QStringList{sourceName}).join(QStringLiteral(" → ")))};
        }
        visited.append(sourceName);
        PlanChoice sourcePlan = planSourceProfile(request, profileName, sourceName, visited);
        if (!sourcePlan)
            return sourcePlan;
        plan = std::move(sourcePlan).value();
    }
    plan.links.append(std::move(role).value());
    return plan;
}

// --- The top-level chain. ---

StepResult assumeRole(const CredentialChainRequest &request)
{
    const ProfileSection *profile = mergedProfile(request, request.profile.name);
    if (!profile || !hasAssumeRoleSettings(*profile))
        return std::nullopt;
    return planAssumeRole(request, profile->name, {profile->name});
}

StepResult webIdentity(const CredentialChainRequest &request)
{
    if (!request.profile.isFromOption()) {
        const QString tokenFile = request.environment.value(QStringLiteral("AWS_WEB_IDENTITY_TOKEN_FILE"));
        if (!tokenFile.isEmpty()) {
            return planOf(WebIdentityLink{QString(), request.environment.value(QStringLiteral("AWS_ROLE_ARN")),
                                          tokenFile, request.environment.value(QStringLiteral("AWS_ROLE_SESSION_NAME"))});
        }
    }
    return profileWebIdentity(request, request.profile.name);
}

// Settings that only make sense with a source above. botocore would report no credentials;
// naming what is missing is more useful. A profile that only signs in to IAM Identity Center
// still plans as one, as the SDKs' test suite expects; making a provider of it says what to add.
StepResult incompleteSourceSettings(const CredentialChainRequest &request)
{
    const ProfileSection *profile = mergedProfile(request, request.profile.name);
    if (!profile)
        return std::nullopt;
    if (profile->contains(QStringLiteral("sso_session")) || profile->contains(QStringLiteral("sso_start_url"))) {
        Expected<SsoLink> link = readSsoSettings(request, *profile);
        if (!link)
            return PlanChoice(Unexpected{link.error()});
        return planOf(std::move(link).value());
    }
    if (profile->contains(QStringLiteral("credential_source"))) {
        return PlanChoice(Unexpected{QStringLiteral("Profile '%1' has credential_source but no role_arn. Add the "
                                                    "role_arn to assume, or remove credential_source.")
                                         .arg(profile->name)});
    }
    return std::nullopt;
}

StepResult container(const CredentialChainRequest &request)
{
    for (const QString &variable : {QStringLiteral("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"),
                                   QStringLiteral("AWS_CONTAINER_CREDENTIALS_FULL_URI")}) {
        if (!request.environment.value(variable).isEmpty())
            return environmentNotYetSupported(variable, QStringLiteral("container credentials"));
    }
    return std::nullopt;
}

PlanChoice noCredentialsFound(const CredentialChainRequest &request)
{
    const QString &name = request.profile.name;
    const ProfileFileLocation &location = request.files->location;
    const QString places = request.profile.isFromOption()
                               ? QStringLiteral("profile '%1' in %2 and %3")
                               : QStringLiteral("the environment (AWS_ACCESS_KEY_ID) and profile "
                                                "'%1' in %2 and %3");
    const QString configure = name == QStringLiteral("default")
                                  ? QStringLiteral("aws configure")
                                  : QStringLiteral("aws configure --profile ") + name;
    return Unexpected{QStringLiteral("No AWS credentials found: looked in %1. Run '%2' or "
                                     "choose another profile.")
                          .arg(places.arg(name, location.configFile, location.credentialsFile),
                               configure)};
}

} // namespace

Expected<CredentialChainPlan> planCredentialChain(const CredentialChainRequest &request)
{
    const QString &name = request.profile.name;
    const std::function<StepResult()> steps[] = {
        [&] { return environmentKeys(request); },
        [&] { return assumeRole(request); },
        [&] { return webIdentity(request); },
        [&] { return iamIdentityCenter(request, name); },
        [&] { return credentialsFileKeys(request, name); },
        [&] { return awsLogin(request, name); },
        [&] { return credentialProcess(request, name); },
        [&] { return configFileKeys(request, name); },
        [&] { return incompleteSourceSettings(request); },
        [&] { return container(request); },
    };
    for (const auto &step : steps) {
        if (StepResult result = step())
            return std::move(*result);
    }
    return noCredentialsFound(request);
}
