#include "network/signedjsonrequest.h"

#include "signing/signablerequest.h"

QByteArray hostHeaderFor(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == u"https" ? 443 : 80;
    if (url.port() != -1 && url.port() != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}

QByteArray userAgent()
{
    return QByteArrayLiteral("enrollment-desk/" ENROLLMENT_DESK_VERSION " Qt/") + qVersion();
}

QNetworkRequest SignedJsonRequest::toNetworkRequest(const AwsCredentials &credentials,
                                                    const QDateTime &signingTimeUtc) const
{
    QByteArray path = endpoint.path(QUrl::FullyEncoded).toLatin1();
    if (path.isEmpty())
        path = "/";

    SignableRequest signable;
    signable.method = "POST";
    signable.path = path;
    signable.headers = {
        {"Host", hostHeaderFor(endpoint)},
        {"Content-Type", contentType},
        {"X-Amz-Target", target},
    };
    signable.body = body;
    SigV4Signer(scope).sign(signable, credentials, signingTimeUtc);

    QUrl url = endpoint;
    url.setPath(QString::fromLatin1(path));
    QNetworkRequest request(url);
    for (const auto &[name, value] : std::as_const(signable.headers))
        request.setRawHeader(name, value);
    request.setRawHeader("User-Agent", userAgent());
    return request;
}
