#include "clientsettings.h"

#include "configuredendpoint.h"
#include "configvalue.h"
#include "credentialproviderchain.h"
#include "profilefilereader.h"
#include "profileselection.h"
#include "retrysettings.h"

#include <QRegularExpression>

namespace {

QString unknownProfileMessage(const ProfileSelection &selection,
                              const ProfileFileLocation &location)
{
    QString message = QStringLiteral("The config profile '%1' could not be found in %2 or %3. "
                                     "Check the name with 'aws configure list-profiles'")
                          .arg(selection.name, location.configFile, location.credentialsFile);
    if (!selection.isFromOption())
        message += QStringLiteral(", or unset ") + selection.origin;
    return message + u'.';
}

Expected<QString> resolveRegion(const ClientSettingsRequest &request,
                                const ProfileSection &profile)
{
    ConfigValue region{request.regionOption, QStringLiteral("--region")};
    if (region.text.isEmpty()) {
        region = findConfigValue(request.environment,
                                 {QStringLiteral("AWS_REGION"), QStringLiteral("AWS_DEFAULT_REGION")},
                                 profile, QStringLiteral("region"));
    }
    if (region.text.isEmpty())
        return QString();
    // The region becomes part of a host name, so it must be a valid DNS label.
    static const QRegularExpression hostLabel(
        QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    if (!hostLabel.match(region.text).hasMatch()) {
        return Unexpected{QStringLiteral("The region '%1' from %2 is not a valid region name. Use "
                                         "a name such as us-east-1.")
                              .arg(region.text, region.origin)};
    }
    return region.text;
}

bool resolveFlag(const ClientSettingsRequest &request, const ProfileSection &profile,
                 const QString &environmentName, const QString &profileKey)
{
    return isTrueFlag(
        findConfigValue(request.environment, {environmentName}, profile, profileKey).text);
}

} // namespace

Expected<ClientSettings> resolveClientSettings(const ClientSettingsRequest &request)
{
    const ProfileFileLocation location =
        locateProfileFiles(request.environment, request.homeDirectory);
    const Expected<LoadedProfileFiles> files = loadProfileFiles(location);
    if (!files)
        return Unexpected{files.error()};

    const ProfileSelection selection = selectProfile(request.profileOption, request.environment);
    const auto found = files->merged.profiles.constFind(selection.name);
    if (found == files->merged.profiles.cend() && selection.isRequested())
        return Unexpected{unknownProfileMessage(selection, location)};
    const ProfileSection profile = found == files->merged.profiles.cend()
                                       ? ProfileSection{selection.name, {}, {}}
                                       : found.value();

    ClientSettings settings;
    settings.profileName = selection.name;

    const Expected<QString> region = resolveRegion(request, profile);
    if (!region)
        return Unexpected{region.error()};
    settings.region = region.value();

    const Expected<RetrySettings> retry = resolveRetrySettings(request.environment, profile);
    if (!retry)
        return Unexpected{retry.error()};
    settings.maxAttempts = retry->maxAttempts;
    settings.retryMode = retry->mode;

    const Expected<QUrl> endpoint = resolveConfiguredEndpoint(
        {request.endpointUrlOption, request.environment, &profile, &files->merged.services,
         request.serviceEnvName, request.serviceConfigKey});
    if (!endpoint)
        return Unexpected{endpoint.error()};
    settings.endpointUrl = endpoint.value();

    settings.useFipsEndpoint = resolveFlag(request, profile, QStringLiteral("AWS_USE_FIPS_ENDPOINT"),
                                           QStringLiteral("use_fips_endpoint"));
    settings.useDualStackEndpoint =
        resolveFlag(request, profile, QStringLiteral("AWS_USE_DUALSTACK_ENDPOINT"),
                    QStringLiteral("use_dualstack_endpoint"));
    settings.caBundle = findConfigValue(request.environment, {QStringLiteral("AWS_CA_BUNDLE")},
                                        profile, QStringLiteral("ca_bundle"))
                            .text;

    const Expected<ProxySettings> proxies = proxySettingsFromEnvironment(request.environment);
    if (!proxies)
        return Unexpected{proxies.error()};
    settings.proxies = proxies.value();

    CredentialChainRequest chain{selection, &files.value(), request.environment, {}};
    chain.services.homeDirectory = request.homeDirectory;
    chain.services.region = settings.region;
    chain.services.useFipsEndpoint = settings.useFipsEndpoint;
    chain.services.useDualStackEndpoint = settings.useDualStackEndpoint;
    chain.services.mfaPrompt = request.mfaPrompt;
    chain.services.clock = request.clock;
    const Expected<std::shared_ptr<CredentialProvider>> provider = chooseCredentialProvider(chain);
    if (!provider)
        return Unexpected{provider.error()};
    settings.credentials = provider.value();
    settings.credentialSource = settings.credentials->sourceDescription();
    return settings;
}

ClientConfiguration ClientSettings::clientConfiguration() const
{
    ClientConfiguration configuration;
    configuration.network.proxies = proxies;
    configuration.network.caBundle = caBundle;
    configuration.retryMode = retryMode;
    configuration.maxAttempts = maxAttempts;
    return configuration;
}
