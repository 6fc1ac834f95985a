#include "http/proxysettings.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace {

struct EnvironmentValue
{
    QString name;
    QString value;
    bool isSet = false;
};

EnvironmentValue lowerCaseFirst(const QProcessEnvironment &environment, const QString &lowerName)
{
    for (const QString &name : {lowerName, lowerName.toUpper()}) {
        if (environment.contains(name))
            return {name, environment.value(name).trimmed(), true};
    }
    return {};
}

Expected<QUrl> parseProxyUrl(const EnvironmentValue &variable)
{
    if (variable.value.isEmpty())
        return QUrl();
    QString text = variable.value;
    // curl and botocore read "proxy.example.com:3128" as an http:// proxy.
    if (!text.contains(QStringLiteral("://")))
        text.prepend(QStringLiteral("http://"));
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const bool supported = scheme == u"http" || scheme == u"socks5" || scheme == u"socks5h";
    if (!url.isValid() || url.host().isEmpty()) {
        return Unexpected{QStringLiteral("%1 is set to '%2', which is not a proxy URL. Set it to a URL "
                                         "such as http://proxy.example.com:3128, or unset it.")
                              .arg(variable.name, url.toDisplayString(QUrl::RemovePassword))};
    }
    if (!supported) {
        return Unexpected{QStringLiteral("%1 names a %2:// proxy, which Enrollment Desk cannot use. Use an "
                                         "http:// or socks5:// proxy URL, or unset %1.")
                              .arg(variable.name, scheme)};
    }
    return url;
}

QStringList splitNoProxy(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

// "host", "host:port", "[v6]" or "[v6]:port"; port -1 when the entry names none.
std::pair<QString, int> splitHostAndPort(const QString &entry)
{
    if (entry.startsWith(u'[')) {
        const qsizetype close = entry.indexOf(u']');
        if (close < 0)
            return {entry, -1};
        const QString host = entry.mid(1, close - 1);
        bool ok = false;
        const int port = entry.mid(close + 2).toInt(&ok);
        return {host, entry.mid(close + 1).startsWith(u':') && ok ? port : -1};
    }
    const qsizetype colon = entry.lastIndexOf(u':');
    if (colon > 0 && entry.indexOf(u':') == colon) {
        bool ok = false;
        const int port = entry.mid(colon + 1).toInt(&ok);
        if (ok)
            return {entry.left(colon), port};
    }
    return {entry, -1};
}

bool entryMatches(const QString &rawEntry, const QString &host, int port)
{
    if (rawEntry == u"*")
        return true;
    auto [entryHost, entryPort] = splitHostAndPort(rawEntry);
    if (entryPort != -1 && entryPort != port)
        return false;

    const QHostAddress hostAddress(host);
    if (entryHost.contains(u'/')) {
        const std::pair<QHostAddress, int> subnet = QHostAddress::parseSubnet(entryHost);
        return !hostAddress.isNull() && subnet.second >= 0 && hostAddress.isInSubnet(subnet);
    }
    const QHostAddress entryAddress(entryHost);
    if (!entryAddress.isNull())
        return !hostAddress.isNull() && hostAddress.isEqual(entryAddress);

    while (entryHost.startsWith(u'*') || entryHost.startsWith(u'.'))
        entryHost.remove(0, 1);
    if (entryHost.isEmpty())
        return false;
    const QString lowerHost = host.toLower();
    const QString lowerEntry = entryHost.toLower();
    return lowerHost == lowerEntry || lowerHost.endsWith(u'.' + lowerEntry);
}

} // namespace

Expected<ProxySettings> proxySettingsFromEnvironment(const QProcessEnvironment &environment)
{
    ProxySettings settings;
    const Expected<QUrl> https = parseProxyUrl(lowerCaseFirst(environment, QStringLiteral("https_proxy")));
    if (!https)
        return Unexpected{https.error()};
    const Expected<QUrl> http = parseProxyUrl(lowerCaseFirst(environment, QStringLiteral("http_proxy")));
    if (!http)
        return Unexpected{http.error()};
    settings.httpsProxy = https.value();
    settings.httpProxy = http.value();
    settings.noProxy = splitNoProxy(lowerCaseFirst(environment, QStringLiteral("no_proxy")).value);
    return settings;
}

bool isLoopbackHost(const QString &host)
{
    const QString lower = host.toLower();
    if (lower == u"localhost" || lower.endsWith(QStringLiteral(".localhost")))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isExcludedFromProxy(const QStringList &noProxy, const QString &host, int port)
{
    for (const QString &entry : noProxy) {
        if (entryMatches(entry, host, port))
            return true;
    }
    return false;
}

std::optional<QUrl> proxyFor(const ProxySettings &settings, const QUrl &target)
{
    const QString scheme = target.scheme().toLower();
    const QUrl proxy = scheme == u"https" ? settings.httpsProxy
                      : scheme == u"http" ? settings.httpProxy
                                          : QUrl();
    if (proxy.isEmpty())
        return std::nullopt;
    const QString host = target.host();
    if (!settings.proxyLoopback && isLoopbackHost(host))
        return std::nullopt;
    const int port = target.port(scheme == u"https" ? 443 : 80);
    if (isExcludedFromProxy(settings.noProxy, host, port))
        return std::nullopt;
    return proxy;
}
