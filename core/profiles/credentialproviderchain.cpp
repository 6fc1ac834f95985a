#include "credentialproviderchain.h"

#include "assumerolecredentialprovider.h"
#include "commandlinewords.h"
#include "configuredendpoint.h"
#include "credentialchainplan.h"
#include "endpoints/endpointresolver.h"
#include "processcredentialprovider.h"
#include "ssocredentialprovider.h"
#include "sso/ssotokencache.h"
#include "staticcredentialprovider.h"

namespace {

using ProviderChoice = Expected<std::shared_ptr<CredentialProvider>>;

// Where a service answers for this profile: its own endpoint URL settings (AWS_ENDPOINT_URL_<SERVICE>,
// AWS_ENDPOINT_URL, the profile's services section), then the endpoint rules for the region.
Expected<ResolvedEndpoint> serviceEndpoint(const CredentialChainRequest &request, AwsService service,
                                           const QString &environmentName, const QString &configKey,
                                           const QString &region)
{
    const auto selected = request.files->merged.profiles.constFind(request.profile.name);
    const ProfileSection profile =
        selected == request.files->merged.profiles.cend() ? ProfileSection{request.profile.name, {}, {}} : *selected;
    const Expected<QUrl> configured = resolveConfiguredEndpoint(
        {QString(), request.environment, &profile, &request.files->merged.services, environmentName, configKey});
    if (!configured)
        return Unexpected{configured.error()};

    EndpointParameters parameters;
    parameters.region = region;
    parameters.useFips = request.services.useFipsEndpoint;
    parameters.useDualStack = request.services.useDualStackEndpoint;
    parameters.endpoint = configured->toString();
    return resolveEndpoint(service, parameters);
}

Expected<StsConnection> stsConnection(const CredentialChainRequest &request)
{
    // Without a region, STS's global endpoint, as AWS CLI does.
    const QString region =
        request.services.region.isEmpty() ? QStringLiteral("aws-global") : request.services.region;
    const Expected<ResolvedEndpoint> endpoint =
        serviceEndpoint(request, AwsService::Sts, QStringLiteral("STS"), QStringLiteral("sts"), region);
    if (!endpoint)
        return Unexpected{QStringLiteral("Cannot find the AWS STS endpoint: %1").arg(endpoint.error())};
    StsConnection connection;
    connection.endpoint = endpoint->url;
    // The global endpoint signs for us-east-1; so does a custom endpoint without a region.
    const QString signingRegion = endpoint->signingRegion;
    connection.scope = SigningScope{signingRegion.isEmpty() || signingRegion == u"aws-global"
                                        ? QStringLiteral("us-east-1")
                                        : signingRegion,
                                    QStringLiteral("sts")};
    return connection;
}

ProviderChoice ssoProvider(const CredentialChainRequest &request, const SsoLink &link)
{
    if (link.accountId.isEmpty() || link.roleName.isEmpty()) {
        return Unexpected{QStringLiteral("Profile '%1' signs in to IAM Identity Center but names no account and role "
                                         "to use. Run 'aws configure sso --profile %1' to choose them (it sets "
                                         "sso_account_id and sso_role_name).")
                              .arg(link.profileName)};
    }
    const Expected<ResolvedEndpoint> portal = serviceEndpoint(request, AwsService::Sso, QStringLiteral("SSO"),
                                                              QStringLiteral("sso"), link.region);
    if (!portal)
        return Unexpected{QStringLiteral("Cannot find the IAM Identity Center endpoint for sso_region '%1': %2")
                              .arg(link.region, portal.error())};
    const Expected<ResolvedEndpoint> oidc = serviceEndpoint(request, AwsService::SsoOidc, QStringLiteral("SSO_OIDC"),
                                                            QStringLiteral("sso_oidc"), link.region);
    if (!oidc)
        return Unexpected{QStringLiteral("Cannot find the IAM Identity Center endpoint for sso_region '%1': %2")
                              .arg(link.region, oidc.error())};
    return std::shared_ptr<CredentialProvider>(std::make_shared<SsoCredentialProvider>(
        link, SsoTokenCache::directoryUnder(request.services.homeDirectory),
        SsoPortalConnection{portal->url}, SsoOidcConnection{oidc->url},
        request.services.clock));
}

ProviderChoice processProvider(const CredentialChainRequest &request, const ProcessLink &link)
{
    const Expected<QStringList> words = splitCommandLine(link.command);
    if (!words) {
        return Unexpected{QStringLiteral("The credential_process of profile '%1' cannot be read: %2. Correct the "
                                         "quoting.")
                              .arg(link.profileName, words.error())};
    }
    return std::shared_ptr<CredentialProvider>(std::make_shared<ProcessCredentialProvider>(
        link.profileName, words.value(), request.environment, request.services.clock,
        request.services.credentialProcessTimeLimitMs));
}

ProviderChoice namedSourceProvider(const CredentialChainRequest &request, const NamedSourceLink &link)
{
    if (link.name != u"Environment") {
        return Unexpected{
            QStringLiteral("Profile '%1' uses credential_source = %2, which this version cannot use yet. Use "
                           "credential_source = Environment or a source_profile instead.")
                .arg(link.profileName, link.name)};
    }
    AwsCredentials credentials;
    credentials.accessKeyId = request.environment.value(QStringLiteral("AWS_ACCESS_KEY_ID"));
    credentials.secretAccessKey = request.environment.value(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    credentials.sessionToken = request.environment.value(QStringLiteral("AWS_SESSION_TOKEN"));
    if (!credentials.isComplete()) {
        return Unexpected{QStringLiteral("Profile '%1' has credential_source = Environment, but AWS_ACCESS_KEY_ID and "
                                         "AWS_SECRET_ACCESS_KEY are not both set. Set them, or use source_profile.")
                              .arg(link.profileName)};
    }
    return std::shared_ptr<CredentialProvider>(std::make_shared<StaticCredentialProvider>(
        credentials, QStringLiteral("environment variables (credential_source of profile '%1')").arg(link.profileName)));
}

ProviderChoice baseProvider(const CredentialChainRequest &request, const CredentialLink &link)
{
    if (const auto *keys = std::get_if<StaticKeysLink>(&link))
        return std::shared_ptr<CredentialProvider>(
            std::make_shared<StaticCredentialProvider>(keys->credentials, keys->description));
    if (const auto *process = std::get_if<ProcessLink>(&link))
        return processProvider(request, *process);
    if (const auto *sso = std::get_if<SsoLink>(&link))
        return ssoProvider(request, *sso);
    if (const auto *named = std::get_if<NamedSourceLink>(&link))
        return namedSourceProvider(request, *named);
    if (const auto *web = std::get_if<WebIdentityLink>(&link)) {
        const QString source = QStringLiteral("web identity federation (web_identity_token_file)");
        if (web->profileName.isEmpty()) {
            return Unexpected{QStringLiteral("AWS_WEB_IDENTITY_TOKEN_FILE is set (web identity federation), which "
                                             "this version cannot use yet. Set AWS_ACCESS_KEY_ID and "
                                             "AWS_SECRET_ACCESS_KEY instead, or choose a profile with access keys.")};
        }
        return Unexpected{QStringLiteral("Profile '%1' uses %2, which this version cannot use yet. Export temporary "
                                         "keys with 'aws configure export-credentials --profile %1 --format env' and "
                                         "start Enrollment Desk from that shell without choosing a profile, or "
                                         "choose a profile with access keys.")
                              .arg(web->profileName, source)};
    }
    return Unexpected{QStringLiteral("An IAM role cannot be the first link of a credential chain.")};
}

} // namespace

Expected<std::shared_ptr<CredentialProvider>> chooseCredentialProvider(const CredentialChainRequest &request)
{
    const Expected<CredentialChainPlan> plan = planCredentialChain(request);
    if (!plan)
        return Unexpected{plan.error()};
    const QList<CredentialLink> &links = plan->links;
    ProviderChoice provider = baseProvider(request, links.first());
    if (!provider || links.size() == 1)
        return provider;

    const Expected<StsConnection> sts = stsConnection(request);
    if (!sts)
        return Unexpected{sts.error()};
    std::shared_ptr<CredentialProvider> chained = provider.value();
    for (qsizetype i = 1; i < links.size(); ++i) {
        chained = std::make_shared<AssumeRoleCredentialProvider>(std::get<AssumeRoleLink>(links.at(i)), chained,
                                                                 sts.value(), request.services.mfaPrompt,
                                                                 request.services.clock);
    }
    return chained;
}
