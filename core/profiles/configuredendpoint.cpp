#include "configuredendpoint.h"

#include "configvalue.h"

namespace {

Expected<ConfigValue> findInServicesSection(const ConfiguredEndpointRequest &request)
{
    const ProfileSection &profile = *request.profile;
    const QString sectionName = profile.value(QStringLiteral("services"));
    if (!profile.contains(QStringLiteral("services")))
        return ConfigValue{};
    const auto section = request.servicesSections->constFind(sectionName);
    if (section == request.servicesSections->cend() || section->properties.isEmpty()) {
        return Unexpected{QStringLiteral("Profile '%1' names the services section '%2', but the "
                                         "config file has no [services %2] section with "
                                         "settings. Add it or remove 'services' from the profile.")
                              .arg(profile.name, sectionName)};
    }
    const QString endpoint = section->subProperties.value(request.serviceConfigKey)
                                 .value(QStringLiteral("endpoint_url"));
    if (endpoint.isEmpty())
        return ConfigValue{};
    return ConfigValue{endpoint, QStringLiteral("%1.endpoint_url in [services %2]")
                                     .arg(request.serviceConfigKey, sectionName)};
}

bool configuredEndpointsIgnored(const ConfiguredEndpointRequest &request)
{
    const ConfigValue ignore =
        findConfigValue(request.environment, {QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")},
                        *request.profile, QStringLiteral("ignore_configured_endpoint_urls"));
    return isTrueFlag(ignore.text);
}

} // namespace

Expected<QUrl> parseEndpointUrl(const QString &text, const QString &origin)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty()) {
        return Unexpected{QStringLiteral("The endpoint URL '%1' from %2 is not a valid http:// or "
                                         "https:// URL. Correct it or remove it.")
                              .arg(text, origin)};
    }
    return url;
}

Expected<QUrl> resolveConfiguredEndpoint(const ConfiguredEndpointRequest &request)
{
    if (!request.endpointUrlOption.isEmpty())
        return parseEndpointUrl(request.endpointUrlOption, QStringLiteral("--endpoint-url"));
    if (configuredEndpointsIgnored(request))
        return QUrl();

    const ProfileSection emptySection;
    ConfigValue found = findConfigValue(
        request.environment,
        {QStringLiteral("AWS_ENDPOINT_URL_") + request.serviceEnvName,
         QStringLiteral("AWS_ENDPOINT_URL")},
        emptySection, QString());
    if (!found.isSet()) {
        const Expected<ConfigValue> fromServices = findInServicesSection(request);
        if (!fromServices)
            return Unexpected{fromServices.error()};
        found = fromServices.value();
    }
    if (!found.isSet()) {
        found = findConfigValue(request.environment, {}, *request.profile,
                                QStringLiteral("endpoint_url"));
        if (found.text.isEmpty())
            return QUrl();
    }
    return parseEndpointUrl(found.text, found.origin);
}
