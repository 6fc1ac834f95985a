#pragma once

#include "common/expected.h"
#include "profilefile.h"

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

struct ConfiguredEndpointRequest
{
    QString endpointUrlOption;
    QProcessEnvironment environment;
    const ProfileSection *profile = nullptr;
    const QMap<QString, ProfileSection> *servicesSections = nullptr;
    QString serviceEnvName;   // AWS_ENDPOINT_URL_<this>
    QString serviceConfigKey; // key inside [services NAME]
};

// --endpoint-url, AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the profile's services section,
// then the profile's endpoint_url. AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or the profile's
// ignore_configured_endpoint_urls) leaves only --endpoint-url. An empty URL means none.
Expected<QUrl> resolveConfiguredEndpoint(const ConfiguredEndpointRequest &request);

// Only absolute http(s) URLs with a host can be an endpoint.
Expected<QUrl> parseEndpointUrl(const QString &text, const QString &origin);
