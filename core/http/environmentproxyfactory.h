#pragma once

#include "http/proxysettings.h"

#include <QNetworkProxyFactory>

// Gives every QNetworkAccessManager of ours the proxies of ProxySettings, so that the Compute
// Optimizer, STS and IAM Identity Center calls all leave the same way.
class EnvironmentProxyFactory final : public QNetworkProxyFactory
{
public:
    explicit EnvironmentProxyFactory(ProxySettings settings);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

private:
    ProxySettings m_settings;
};

// A proxy URL (http://, socks5://, socks5h://) as Qt's QNetworkProxy.
QNetworkProxy networkProxyFor(const QUrl &proxyUrl);

class QNetworkAccessManager;
// Sets our proxy factory on network (which takes ownership of it) and turns off redirects:
// AWS answers never redirect, and a redirect would leave the signed host.
void applyProxySettings(QNetworkAccessManager &network, const ProxySettings &settings);
