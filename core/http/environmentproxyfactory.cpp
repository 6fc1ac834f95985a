#include "http/environmentproxyfactory.h"

#include <QNetworkAccessManager>

EnvironmentProxyFactory::EnvironmentProxyFactory(ProxySettings settings)
    : m_settings(std::move(settings))
{
}

QList<QNetworkProxy> EnvironmentProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    QUrl target = query.url();
    if (target.isEmpty()) {
        target.setScheme(query.protocolTag().isEmpty() ? QStringLiteral("https") : query.protocolTag());
        target.setHost(query.peerHostName());
        if (query.peerPort() > 0)
            target.setPort(query.peerPort());
    }
    const std::optional<QUrl> proxy = proxyFor(m_settings, target);
    if (!proxy)
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    return {networkProxyFor(*proxy)};
}

QNetworkProxy networkProxyFor(const QUrl &proxyUrl)
{
    const QString scheme = proxyUrl.scheme().toLower();
    const bool socks = scheme.startsWith(QStringLiteral("socks5"));
    QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, proxyUrl.host(),
                        quint16(proxyUrl.port(socks ? 1080 : 80)), proxyUrl.userName(QUrl::FullyDecoded),
                        proxyUrl.password(QUrl::FullyDecoded));
    if (scheme == u"socks5") {
        // socks5:// resolves names here, socks5h:// lets the proxy resolve them (curl's meaning).
        proxy.setCapabilities(proxy.capabilities() & ~QNetworkProxy::HostNameLookupCapability);
    }
    return proxy;
}

void applyProxySettings(QNetworkAccessManager &network, const ProxySettings &settings)
{
    network.setProxyFactory(new EnvironmentProxyFactory(settings));
    network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}
