#include "client/awsclient.h"

#include "client/awscall.h"
#include "client/retrypolicy.h"
#include "http/cabundle.h"
#include "http/environmentproxyfactory.h"
#include "signing/clock.h"

#include <QNetworkAccessManager>

namespace {

// Unsigned services (the IAM Identity Center portal, SSO OIDC) are told apart by host.
QString serviceKey(const ServiceEndpoint &endpoint)
{
    if (endpoint.signingName.isEmpty())
        return endpoint.url.host();
    return endpoint.signingName + u'/' + endpoint.signingRegion;
}

} // namespace

AwsClient::AwsClient(ClientConfiguration configuration, std::shared_ptr<const Clock> clock, QObject *parent)
    : QObject(parent)
    , m_configuration(std::move(configuration))
    , m_clock(clock ? std::move(clock) : std::make_shared<SystemClock>())
{
    qRegisterMetaType<AwsFailure>();
}

AwsClient::AwsClient(ClientConfiguration configuration, QObject *parent)
    : AwsClient(std::move(configuration), nullptr, parent)
{
}

AwsClient::~AwsClient() = default;

AwsCall *AwsClient::send(AwsRequest request, AwsResultReady done)
{
    auto *call = new AwsCall(std::move(request), std::move(done), this);
    // Never answers before send returns: the caller may still be keeping the handle.
    QMetaObject::invokeMethod(call, &AwsCall::start, Qt::QueuedConnection);
    return call;
}

RetryPolicy &AwsClient::retryPolicyFor(const ServiceEndpoint &endpoint)
{
    std::shared_ptr<RetryPolicy> &policy = m_retryPolicies[serviceKey(endpoint)];
    if (!policy) {
        policy = std::make_shared<RetryPolicy>(m_configuration.retryMode, m_configuration.maxAttempts, m_random);
    }
    return *policy;
}

qint64 AwsClient::clockSkewMs(const ServiceEndpoint &endpoint) const
{
    return m_clockSkews.value(serviceKey(endpoint));
}

void AwsClient::correctClockSkew(const ServiceEndpoint &endpoint, qint64 byMs)
{
    m_clockSkews[serviceKey(endpoint)] += byMs;
}

QNetworkAccessManager *AwsClient::network()
{
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        applyProxySettings(*m_network, m_configuration.network.proxies);
    }
    return m_network;
}

Expected<std::optional<QSslConfiguration>> AwsClient::tlsConfiguration()
{
    // Parsing a system-sized bundle costs tens of milliseconds: once per client, not per call.
    if (!m_tls) {
        if (m_configuration.network.caBundle.isEmpty()) {
            m_tls = Expected<std::optional<QSslConfiguration>>(std::nullopt);
        } else {
            const Expected<QSslConfiguration> ssl = sslConfigurationWithCaBundle(m_configuration.network.caBundle);
            m_tls = ssl ? Expected<std::optional<QSslConfiguration>>(std::optional(ssl.value()))
                        : Expected<std::optional<QSslConfiguration>>(Unexpected{ssl.error()});
        }
    }
    return *m_tls;
}
