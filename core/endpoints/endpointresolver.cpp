#include "endpoints/endpointresolver.h"

#include "endpoints/endpointfunctions.h"
#include "endpoints/endpointruleset.h"
#include "endpoints/partitions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace {

struct ServiceRules
{
    EndpointRuleSet ruleSet;
    Partitions partitions;
};

QString ruleSetFileOf(AwsService service)
{
    switch (service) {
    case AwsService::ComputeOptimizer:
        return QStringLiteral(":/endpoints/compute-optimizer-endpoint-rule-set-1.json");
    case AwsService::Organizations:
        return QStringLiteral(":/endpoints/organizations-endpoint-rule-set-1.json");
    case AwsService::Sts:
        return QStringLiteral(":/endpoints/sts-endpoint-rule-set-1.json");
    case AwsService::Sso:
        return QStringLiteral(":/endpoints/sso-endpoint-rule-set-1.json");
    case AwsService::SsoOidc:
        break;
    }
    return QStringLiteral(":/endpoints/sso-oidc-endpoint-rule-set-1.json");
}

Expected<QByteArray> readBuiltInFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Unexpected{QStringLiteral("The built-in endpoint data '%1' is missing. Reinstall "
                                         "Enrollment Desk.")
                              .arg(path)};
    return file.readAll();
}

Expected<ServiceRules> loadRules(AwsService service)
{
    const Expected<QByteArray> ruleSetJson = readBuiltInFile(ruleSetFileOf(service));
    if (!ruleSetJson)
        return Unexpected{ruleSetJson.error()};
    const Expected<QByteArray> partitionsJson
        = readBuiltInFile(QStringLiteral(":/endpoints/partitions.json"));
    if (!partitionsJson)
        return Unexpected{partitionsJson.error()};

    Expected<EndpointRuleSet> ruleSet = EndpointRuleSet::fromJson(ruleSetJson.value());
    if (!ruleSet)
        return Unexpected{ruleSet.error() + QStringLiteral(" Reinstall Enrollment Desk.")};
    Expected<Partitions> partitions = Partitions::fromJson(partitionsJson.value());
    if (!partitions)
        return Unexpected{partitions.error() + QStringLiteral(" Reinstall Enrollment Desk.")};
    return ServiceRules{std::move(ruleSet).value(), std::move(partitions).value()};
}

template <AwsService service>
const Expected<ServiceRules> &builtInRulesFor()
{
    // Parsed on first use; C++ makes that initialisation thread-safe, and nothing writes after.
    static const Expected<ServiceRules> rules = loadRules(service);
    return rules;
}

const Expected<ServiceRules> &builtInRules(AwsService service)
{
    switch (service) {
    case AwsService::ComputeOptimizer:
        return builtInRulesFor<AwsService::ComputeOptimizer>();
    case AwsService::Organizations:
        return builtInRulesFor<AwsService::Organizations>();
    case AwsService::Sts:
        return builtInRulesFor<AwsService::Sts>();
    case AwsService::Sso:
        return builtInRulesFor<AwsService::Sso>();
    case AwsService::SsoOidc:
        break;
    }
    return builtInRulesFor<AwsService::SsoOidc>();
}

// Keeps AWS's wording first, so it can be searched for, and adds what an admin can change.
QString withAdvice(const QString &ruleSetError, const EndpointParameters &parameters)
{
    QString advice;
    if (ruleSetError
        == QLatin1String("Invalid Configuration: FIPS and custom endpoint are not supported"))
        advice = QStringLiteral("Turn off FIPS (use_fips_endpoint in the profile, "
                                "AWS_USE_FIPS_ENDPOINT) or remove the custom endpoint URL '%1'; a "
                                "custom endpoint is used exactly as given.")
                     .arg(parameters.endpoint);
    else if (ruleSetError
             == QLatin1String(
                 "Invalid Configuration: Dualstack and custom endpoint are not supported"))
        advice = QStringLiteral("Turn off dual-stack (use_dualstack_endpoint in the profile, "
                                "AWS_USE_DUALSTACK_ENDPOINT) or remove the custom endpoint URL "
                                "'%1'; a custom endpoint is used exactly as given.")
                     .arg(parameters.endpoint);
    else if (ruleSetError == QLatin1String("Invalid Configuration: Missing Region"))
        advice = QStringLiteral("Choose a region, set 'region' in the profile, or set AWS_REGION.");
    else if (ruleSetError.contains(QLatin1String("FIPS"))
             && ruleSetError.contains(QLatin1String("DualStack")))
        advice
            = QStringLiteral("Turn off FIPS or dual-stack for region '%1'.").arg(parameters.region);
    else if (ruleSetError.contains(QLatin1String("FIPS")))
        advice = QStringLiteral("Turn off FIPS for region '%1', or choose a region whose partition "
                                "has FIPS endpoints.")
                     .arg(parameters.region);
    else if (ruleSetError.contains(QLatin1String("DualStack")))
        advice = QStringLiteral("Turn off dual-stack for region '%1', or choose a region whose "
                                "partition has dual-stack endpoints.")
                     .arg(parameters.region);
    else
        advice = QStringLiteral("Check the region, FIPS, dual-stack and endpoint URL settings.");

    const bool endsSentence = ruleSetError.endsWith(QLatin1Char('.'));
    return ruleSetError + (endsSentence ? QStringLiteral(" ") : QStringLiteral(". ")) + advice;
}

// The SigV4 entry of properties.authSchemes, if the rule set names one.
QJsonObject sigV4AuthScheme(const QJsonObject &properties)
{
    const QJsonArray schemes = properties.value(QLatin1String("authSchemes")).toArray();
    for (const QJsonValue &scheme : schemes) {
        if (scheme.toObject().value(QLatin1String("name")).toString() == QLatin1String("sigv4"))
            return scheme.toObject();
    }
    return {};
}

} // namespace

QString signingNameOf(AwsService service)
{
    switch (service) {
    case AwsService::ComputeOptimizer:
        return QStringLiteral("compute-optimizer");
    case AwsService::Organizations:
        return QStringLiteral("organizations");
    case AwsService::Sts:
        return QStringLiteral("sts");
    case AwsService::Sso:
        return QStringLiteral("awsssoportal");
    case AwsService::SsoOidc:
        break;
    }
    return QStringLiteral("sso-oauth");
}

Expected<ResolvedEndpoint> resolveEndpoint(AwsService service, const EndpointParameters &parameters)
{
    const Expected<ServiceRules> &rules = builtInRules(service);
    if (!rules)
        return Unexpected{rules.error()};

    // botocore refuses such names too: they would end up inside the host name.
    if (!parameters.region.isEmpty() && !isValidHostLabel(parameters.region, false))
        return Unexpected{QStringLiteral("'%1' is not a valid AWS region name. Use a region such "
                                         "as us-east-1 (letters, digits and hyphens only).")
                              .arg(parameters.region)};

    const EndpointRuleSet &ruleSet = rules->ruleSet;
    QJsonObject values;
    const auto bind = [&](const QString &builtIn, const QJsonValue &value) {
        const QString name = ruleSet.parameterForBuiltIn(builtIn);
        if (!name.isEmpty())
            values.insert(name, value);
    };
    if (!parameters.region.isEmpty())
        bind(QStringLiteral("AWS::Region"), parameters.region);
    if (!parameters.endpoint.isEmpty())
        bind(QStringLiteral("SDK::Endpoint"), parameters.endpoint);
    bind(QStringLiteral("AWS::UseFIPS"), parameters.useFips);
    bind(QStringLiteral("AWS::UseDualStack"), parameters.useDualStack);

    const Expected<RuleSetEndpoint, RuleSetFailure> outcome
        = ruleSet.evaluate(values, rules->partitions);
    if (!outcome) {
        const RuleSetFailure &failure = outcome.error();
        if (failure.origin == RuleSetFailure::Origin::ErrorRule)
            return Unexpected{withAdvice(failure.message, parameters)};
        return Unexpected{failure.message
                          + QStringLiteral(" The built-in endpoint rules are damaged; reinstall "
                                           "Enrollment Desk or set an endpoint URL.")};
    }

    const QString urlText = outcome->url;
    const QUrl url(urlText, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        if (!parameters.endpoint.isEmpty())
            return Unexpected{QStringLiteral("The endpoint URL '%1' is not usable: it needs to "
                                             "start with https:// or http:// and name a host. "
                                             "Correct --endpoint-url or AWS_ENDPOINT_URL.")
                                  .arg(parameters.endpoint)};
        return Unexpected{QStringLiteral("The endpoint rules produced '%1', which is not a valid "
                                         "URL. Check the region name.")
                              .arg(urlText)};
    }

    const QJsonObject authScheme = sigV4AuthScheme(outcome->properties);
    ResolvedEndpoint resolved;
    resolved.url = url;
    resolved.signingRegion
        = authScheme.value(QLatin1String("signingRegion")).toString(parameters.region);
    resolved.signingName = authScheme.value(QLatin1String("signingName")).toString(signingNameOf(service));
    return resolved;
}
