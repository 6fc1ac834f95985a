#include "credentialproviderchain.h"

#include "staticcredentialprovider.h"

#include <QDateTime>

#include <optional>

namespace {

using ProviderChoice = Expected<std::shared_ptr<CredentialProvider>>;
// Empty when the step's source is not configured and the next one should be asked.
using StepResult = std::optional<ProviderChoice>;

const ProfileSection *selectedSection(const ProfileSet &set, const CredentialChainRequest &request)
{
    const auto it = set.profiles.constFind(request.profile.name);
    return it == set.profiles.cend() ? nullptr : &it.value();
}

const ProfileSection *mergedProfile(const CredentialChainRequest &request)
{
    return selectedSection(request.files->merged, request);
}

ProviderChoice notYetSupported(const QString &profileName, const QString &source)
{
    return Unexpected{
        QStringLiteral("Profile '%1' uses %2, which this version cannot use yet. Export "
                       "temporary keys with 'aws configure export-credentials --profile %1 "
                       "--format env' and start Enrollment Desk from that shell without choosing "
                       "a profile, or choose a profile with access keys.")
            .arg(profileName, source)};
}

ProviderChoice environmentNotYetSupported(const QString &variable, const QString &source)
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

StepResult fromEnvironment(const CredentialChainRequest &request)
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
        return ProviderChoice(Unexpected{QStringLiteral(
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
            return ProviderChoice(Unexpected{QStringLiteral(
                "AWS_CREDENTIAL_EXPIRATION must be an ISO 8601 time such as "
                "2030-01-31T12:00:00Z. Correct it or unset it.")});
        }
        credentials.expiration = when.toUTC();
    }
    return ProviderChoice(std::make_shared<StaticCredentialProvider>(
        credentials, QStringLiteral("environment variables")));
}

StepResult fromAssumeRole(const CredentialChainRequest &request)
{
    const ProfileSection *profile = mergedProfile(request);
    if (!profile)
        return std::nullopt;
    // A role_arn next to web_identity_token_file belongs to the web identity step.
    if (profile->contains(QStringLiteral("role_arn"))
        && !profile->contains(QStringLiteral("web_identity_token_file"))) {
        return notYetSupported(profile->name, QStringLiteral("an IAM role (role_arn)"));
    }
    return std::nullopt;
}

StepResult fromWebIdentity(const CredentialChainRequest &request)
{
    const ProfileSection *profile = mergedProfile(request);
    if (!request.profile.isFromOption()) {
        const QString variable = QStringLiteral("AWS_WEB_IDENTITY_TOKEN_FILE");
        if (!request.environment.value(variable).isEmpty())
            return environmentNotYetSupported(variable, QStringLiteral("web identity federation"));
    }
    if (profile && profile->contains(QStringLiteral("web_identity_token_file"))) {
        return notYetSupported(profile->name,
                               QStringLiteral("web identity federation (web_identity_token_file)"));
    }
    return std::nullopt;
}

StepResult fromIamIdentityCenter(const CredentialChainRequest &request)
{
    const ProfileSection *profile = mergedProfile(request);
    if (!profile)
        return std::nullopt;
    for (const QString &key : {QStringLiteral("sso_account_id"), QStringLiteral("sso_role_name")}) {
        if (profile->contains(key)) {
            const QString via = profile->contains(QStringLiteral("sso_session"))
                                    ? QStringLiteral("sso_session")
                                    : key;
            return notYetSupported(profile->name,
                                   QStringLiteral("IAM Identity Center (%1)").arg(via));
        }
    }
    return std::nullopt;
}

StepResult fromProfileKeys(const ProfileSet &set, const QString &path,
                           const CredentialChainRequest &request)
{
    const ProfileSection *profile = selectedSection(set, request);
    if (!profile || !profile->contains(QStringLiteral("aws_access_key_id")))
        return std::nullopt;
    AwsCredentials credentials;
    credentials.accessKeyId = profile->value(QStringLiteral("aws_access_key_id"));
    credentials.secretAccessKey = profile->value(QStringLiteral("aws_secret_access_key"));
    if (!credentials.isComplete()) {
        const QString missing = credentials.accessKeyId.isEmpty()
                                    ? QStringLiteral("aws_access_key_id")
                                    : QStringLiteral("aws_secret_access_key");
        return ProviderChoice(Unexpected{
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
    return ProviderChoice(std::make_shared<StaticCredentialProvider>(
        credentials, QStringLiteral("profile '%1' in %2").arg(profile->name, path)));
}

StepResult fromCredentialsFile(const CredentialChainRequest &request)
{
    return fromProfileKeys(request.files->credentials, request.files->location.credentialsFile,
                           request);
}

StepResult fromConfigFile(const CredentialChainRequest &request)
{
    return fromProfileKeys(request.files->config, request.files->location.configFile, request);
}

StepResult fromLogin(const CredentialChainRequest &request)
{
    const ProfileSection *profile = mergedProfile(request);
    if (profile && profile->contains(QStringLiteral("login_session")))
        return notYetSupported(profile->name, QStringLiteral("'aws login' (login_session)"));
    return std::nullopt;
}

StepResult fromCredentialProcess(const CredentialChainRequest &request)
{
    const ProfileSection *profile = mergedProfile(request);
    if (profile && profile->contains(QStringLiteral("credential_process")))
        return notYetSupported(profile->name,
                               QStringLiteral("an external program (credential_process)"));
    return std::nullopt;
}

// Settings that only make sense with a source above; botocore would report no credentials,
// naming the source is more useful.
StepResult fromIncompleteSourceSettings(const CredentialChainRequest &request)
{
    const ProfileSection *profile = mergedProfile(request);
    if (!profile)
        return std::nullopt;
    for (const QString &key : {QStringLiteral("sso_session"), QStringLiteral("sso_start_url")}) {
        if (profile->contains(key))
            return notYetSupported(profile->name, QStringLiteral("IAM Identity Center (%1)").arg(key));
    }
    if (profile->contains(QStringLiteral("credential_source")))
        return notYetSupported(profile->name, QStringLiteral("an IAM role (credential_source)"));
    return std::nullopt;
}

StepResult fromContainer(const CredentialChainRequest &request)
{
    for (const QString &variable : {QStringLiteral("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"),
                                   QStringLiteral("AWS_CONTAINER_CREDENTIALS_FULL_URI")}) {
        if (!request.environment.value(variable).isEmpty())
            return environmentNotYetSupported(variable, QStringLiteral("container credentials"));
    }
    return std::nullopt;
}

ProviderChoice noCredentialsFound(const CredentialChainRequest &request)
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

Expected<std::shared_ptr<CredentialProvider>>
chooseCredentialProvider(const CredentialChainRequest &request)
{
    using Step = StepResult (*)(const CredentialChainRequest &);
    static constexpr Step steps[] = {
        fromEnvironment,     fromAssumeRole, fromWebIdentity,       fromIamIdentityCenter,
        fromCredentialsFile, fromLogin,      fromCredentialProcess, fromConfigFile,
        fromIncompleteSourceSettings,        fromContainer,
    };
    for (const Step step : steps) {
        if (StepResult result = step(request))
            return std::move(*result);
    }
    return noCredentialsFound(request);
}
