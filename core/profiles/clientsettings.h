#pragma once

#include "client/retrymode.h"
#include "common/expected.h"
#include "client/clientconfiguration.h"
#include "client/credentialprovider.h"
#include "http/proxysettings.h"

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <memory>

class Clock;
class MfaCodePrompt;

struct ClientSettingsRequest
{
    QString profileOption;     // --profile; empty = not given
    QString regionOption;      // --region
    QString endpointUrlOption; // --endpoint-url
    QProcessEnvironment environment;
    QString homeDirectory;
    QString serviceEnvName = QStringLiteral("COMPUTE_OPTIMIZER");   // AWS_ENDPOINT_URL_<this>
    QString serviceConfigKey = QStringLiteral("compute_optimizer"); // key inside [services NAME]
    // Asks for the code of profiles with mfa_serial; none = such profiles fail with a clear message.
    std::shared_ptr<MfaCodePrompt> mfaPrompt;
    // When temporary credentials count as expiring; none = the system clock. Tests move it.
    std::shared_ptr<const Clock> clock;
};

struct ClientSettings
{
    QString profileName; // effective profile, "default" if none
    QString region;      // empty if none found (caller reports "no region")
    int maxAttempts = defaultMaxAttempts(RetryMode::Standard);
    RetryMode retryMode = RetryMode::Standard;
    QUrl endpointUrl; // empty unless configured
    bool useFipsEndpoint = false;
    bool useDualStackEndpoint = false;
    QString caBundle;
    ProxySettings proxies; // https_proxy, http_proxy and no_proxy from the environment
    std::shared_ptr<CredentialProvider> credentials; // never null when resolution succeeds
    QString credentialSource;

    // What every AWS call of a load with these settings shares: proxies, CA bundle, retries.
    ClientConfiguration clientConfiguration() const;
};

// Resolves every setting as AWS CLI v2 does: command-line option, then environment, then the
// selected profile in the config and credentials files. Errors say what to change.
Expected<ClientSettings> resolveClientSettings(const ClientSettingsRequest &request);
