#pragma once

#include "common/expected.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

#include <optional>

// The proxies curl and AWS CLI take from the environment: https_proxy for https:// URLs,
// http_proxy for http:// URLs, and no_proxy for hosts that go direct. The lower-case name wins
// over the upper-case one when both are set, even when it is empty.
struct ProxySettings
{
    QUrl httpsProxy; // empty = direct
    QUrl httpProxy;
    QStringList noProxy;
    // Loopback addresses (the demo and test servers) go direct unless a caller asks otherwise.
    bool proxyLoopback = false;

    bool isEmpty() const { return httpsProxy.isEmpty() && httpProxy.isEmpty(); }
};

Expected<ProxySettings> proxySettingsFromEnvironment(const QProcessEnvironment &environment);

// The proxy a request for target goes through, or nothing for a direct connection.
std::optional<QUrl> proxyFor(const ProxySettings &settings, const QUrl &target);

// True when an entry of no_proxy names host (and port, when the entry gives one): "*", a domain
// and its subdomains (with or without a leading dot), an IP address or a CIDR block.
bool isExcludedFromProxy(const QStringList &noProxy, const QString &host, int port);

bool isLoopbackHost(const QString &host);
