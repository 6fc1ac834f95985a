#include "http/hostheader.h"

QByteArray hostHeaderOf(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == u"https" ? 443 : 80;
    if (url.port() != -1 && url.port() != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}

QByteArray httpUserAgent()
{
    return QByteArrayLiteral("enrollment-desk/" ENROLLMENT_DESK_VERSION " Qt/") + qVersion();
}
