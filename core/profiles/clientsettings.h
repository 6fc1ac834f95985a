#pragma once

#include "common/expected.h"
#include "credentialprovider.h"

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <memory>

struct ClientSettingsRequest
{
    QString profileOption;     // --profile; empty = not given
    QString regionOption;      // --region
    QString endpointUrlOption; // --endpoint-url
    QProcessEnvironment environment;
    QString homeDirectory;
    QString serviceEnvName = QStringLiteral("COMPUTE_OPTIMIZER");   // AWS_ENDPOINT_URL_<this>
    QString serviceConfigKey = QStringLiteral("compute_optimizer"); // key inside [services NAME]
};

struct ClientSettings
{
    QString profileName; // effective profile, "default" if none
    QString region;      // empty if none found (caller reports "no region")
    int maxAttempts = 3;
    QString retryMode = QStringLiteral("standard");
    QUrl endpointUrl; // empty unless configured
    bool useFipsEndpoint = false;
    bool useDualStackEndpoint = false;
    QString caBundle;
    std::shared_ptr<CredentialProvider> credentials; // never null when resolution succeeds
    QString credentialSource;
};

// Resolves every setting as AWS CLI v2 does: command-line option, then environment, then the
// selected profile in the config and credentials files. Errors say what to change.
Expected<ClientSettings> resolveClientSettings(const ClientSettingsRequest &request);
