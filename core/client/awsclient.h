#pragma once

#include "client/awsfailure.h"
#include "client/awsrequest.h"
#include "client/clientconfiguration.h"
#include "common/expected.h"

#include <QHash>
#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <memory>
#include <optional>

class AwsCall;
class Clock;
class QNetworkAccessManager;
class RetryPolicy;

using AwsResult = Expected<AwsResponse, AwsFailure>;
using AwsResultReady = std::function<void(const AwsResult &)>;

// The one way this program calls AWS. It signs each attempt with current credentials (renewed
// before they expire, and once more when a service calls them expired), retries by the profile's
// retry mode, corrects clock skew, and sends through the profile's proxies and CA bundle. Retry
// quota, rate limiter and clock skew are kept per service and Region and shared by every call, so
// parallel callers in one load are polite together. Lives on one thread; call it from that thread.
class AwsClient : public QObject
{
    Q_OBJECT

public:
    AwsClient(ClientConfiguration configuration, std::shared_ptr<const Clock> clock, QObject *parent = nullptr);
    explicit AwsClient(ClientConfiguration configuration = {}, QObject *parent = nullptr);
    ~AwsClient() override;

    // Sends request, retrying as the retry mode allows. done runs once, on this thread, and never
    // before send returns; not at all when the call is aborted (AwsCall::abort) or the client dies.
    AwsCall *send(AwsRequest request, AwsResultReady done);

    const ClientConfiguration &configuration() const { return m_configuration; }
    const Clock &clock() const { return *m_clock; }
    // The retry state every call to this service in this Region shares.
    RetryPolicy &retryPolicyFor(const ServiceEndpoint &endpoint);
    // What to add to our clock when signing for this service (its Date told us we are off).
    qint64 clockSkewMs(const ServiceEndpoint &endpoint) const;
    void correctClockSkew(const ServiceEndpoint &endpoint, qint64 byMs);
    // Test hook: pins the jitter of every backoff.
    void setRandomSource(std::function<double()> random) { m_random = std::move(random); }

    QNetworkAccessManager *network();
    // The TLS configuration with the profile's CA bundle, read once; an error when it cannot be read.
    Expected<std::optional<QSslConfiguration>> tlsConfiguration();

private:
    ClientConfiguration m_configuration;
    std::shared_ptr<const Clock> m_clock;
    std::function<double()> m_random;
    QNetworkAccessManager *m_network = nullptr;
    std::optional<Expected<std::optional<QSslConfiguration>>> m_tls;
    QHash<QString, std::shared_ptr<RetryPolicy>> m_retryPolicies;
    QHash<QString, qint64> m_clockSkews;
};
