#include "network/enrollmentqueryresolver.h"

#include "endpoints/endpointresolver.h"
#include "enrollment/enrollmentstatus.h"
#include "profiles/clientsettings.h"

Expected<EnrollmentQuery> resolveEnrollmentQuery(const ClientSettingsRequest &request)
{
    auto settings = resolveClientSettings(request);
    if (!settings)
        return Unexpected{settings.error()};

    if (settings->region.isEmpty()) {
        return Unexpected{QStringLiteral("No AWS region is set for profile '%1'. Pass --region (for example "
                                         "--region us-east-1), set AWS_REGION, or run 'aws configure set region "
                                         "us-east-1 --profile %1'.")
                              .arg(settings->profileName)};
    }

    EndpointParameters parameters;
    parameters.region = settings->region;
    parameters.useFips = settings->useFipsEndpoint;
    parameters.useDualStack = settings->useDualStackEndpoint;
    parameters.endpoint = settings->endpointUrl.toString();
    auto endpoint = resolveComputeOptimizerEndpoint(parameters);
    if (!endpoint)
        return Unexpected{endpoint.error()};

    EnrollmentQuery query;
    query.endpoint = endpoint->url;
    query.signingRegion = endpoint->signingRegion.isEmpty() ? settings->region : endpoint->signingRegion;
    if (!endpoint->signingName.isEmpty())
        query.signingName = endpoint->signingName;
    query.credentials = settings->credentials;
    query.client = settings->clientConfiguration();

    // Organizations has endpoint settings of its own (AWS_ENDPOINT_URL_ORGANIZATIONS, services
    // sections); --endpoint-url is for Compute Optimizer alone, as in AWS CLI.
    ClientSettingsRequest organizationsRequest = request;
    organizationsRequest.endpointUrlOption.clear();
    organizationsRequest.serviceEnvName = QStringLiteral("ORGANIZATIONS");
    organizationsRequest.serviceConfigKey = QStringLiteral("organizations");
    auto organizationsSettings = resolveClientSettings(organizationsRequest);
    // A list from a custom endpoint (a simulator, a proxy) never sends us to AWS proper for the
    // names behind the user's back: names then need an Organizations endpoint of their own.
    const bool customList = !settings->endpointUrl.isEmpty();
    if (organizationsSettings && (!customList || !organizationsSettings->endpointUrl.isEmpty())) {
        parameters.endpoint = organizationsSettings->endpointUrl.toString();
        if (auto organizations = resolveEndpoint(AwsService::Organizations, parameters)) {
            query.organizations = ServiceEndpoint{organizations->url, organizations->signingRegion,
                                                  organizations->signingName};
            query.includeAccountNames = true;
        }
    }

    // The same rule for STS (GetCallerIdentity before an opt-in): AWS_ENDPOINT_URL_STS or AWS proper.
    ClientSettingsRequest stsRequest = request;
    stsRequest.endpointUrlOption.clear();
    stsRequest.serviceEnvName = QStringLiteral("STS");
    stsRequest.serviceConfigKey = QStringLiteral("sts");
    auto stsSettings = resolveClientSettings(stsRequest);
    if (stsSettings && (!customList || !stsSettings->endpointUrl.isEmpty())) {
        parameters.endpoint = stsSettings->endpointUrl.toString();
        if (auto sts = resolveEndpoint(AwsService::Sts, parameters))
            query.sts = ServiceEndpoint{sts->url, sts->signingRegion, sts->signingName};
    }
    return query;
}

Expected<QStringList> parseStatusList(const QString &text)
{
    QStringList statuses;
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString wanted = part.trimmed();
        bool known = false;
        for (EnrollmentStatus status : DocumentedEnrollmentStatuses) {
            const QString name = enrollmentStatusName(status);
            if (wanted.compare(name, Qt::CaseInsensitive) == 0) {
                if (!statuses.contains(name))
                    statuses.append(name);
                known = true;
            }
        }
        if (!known)
            return Unexpected{QStringLiteral("Unknown status '%1'. Use one or more of Active, Inactive, Pending, "
                                             "Failed, separated by commas.")
                                  .arg(wanted)};
    }
    if (statuses.isEmpty())
        return Unexpected{QStringLiteral("--status needs at least one of Active, Inactive, Pending, Failed.")};
    return statuses;
}
