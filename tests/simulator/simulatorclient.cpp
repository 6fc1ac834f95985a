#include "simulatorclient.h"

#include "signing/sigv4signer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>

namespace {

SignableRequest signedRequest(const QUrl &endpoint, const QByteArray &body, const CallOptions &options,
                              const AwsCredentials &credentials)
{
    SignableRequest request;
    request.method = "POST";
    request.path = "/";
    request.headers = {{"Host", "127.0.0.1:" + QByteArray::number(endpoint.port())},
                       {"Content-Type", options.contentType},
                       {"X-Amz-Target", options.target}};
    request.body = body;
    if (options.sign) {
        const SigV4Signer signer(SigningScope{options.region, options.service});
        signer.sign(request, credentials,
                    QDateTime::currentDateTimeUtc().addSecs(options.signingClockOffsetSeconds));
    }
    if (options.changeBodyAfterSigning)
        request.body.append(' ');
    return request;
}

} // namespace

QByteArray CallResult::header(QByteArrayView name) const
{
    for (const auto &[headerName, value] : headers) {
        if (headerName.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject CallResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString CallResult::errorCode() const
{
    const QString type = json().value(QLatin1String("__type")).toString();
    return type.mid(type.indexOf(QLatin1Char('#')) + 1);
}

QString CallResult::message() const
{
    const QJsonObject object = json();
    return object.contains(QLatin1String("message")) ? object.value(QLatin1String("message")).toString()
                                                     : object.value(QLatin1String("Message")).toString();
}

CallResult collect(QNetworkReply *reply, int waitMs)
{
    CallResult result;
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(waitMs);
    }
    result.finished = reply->isFinished();
    result.error = reply->error();
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    return result;
}

SimulatorClient::SimulatorClient(QUrl endpoint, AwsCredentials credentials)
    : m_endpoint(std::move(endpoint))
    , m_credentials(std::move(credentials))
{
}

QNetworkReply *SimulatorClient::send(const QByteArray &body, const CallOptions &options)
{
    const SignableRequest signable =
        signedRequest(m_endpoint, body, options, options.credentials.value_or(m_credentials));
    QNetworkRequest request(m_endpoint);
    for (const auto &[name, value] : signable.headers) {
        if (name.compare("Host", Qt::CaseInsensitive) != 0)
            request.setRawHeader(name, value);
    }
    if (options.transferTimeoutMs > 0)
        request.setTransferTimeout(options.transferTimeoutMs);
    return m_network.post(request, signable.body);
}

CallResult SimulatorClient::call(const QByteArray &body, const CallOptions &options)
{
    QNetworkReply *reply = send(body, options);
    CallResult result = collect(reply, options.waitMs);
    reply->abort();
    reply->deleteLater();
    return result;
}

SimulatorClient::Listing SimulatorClient::listAll(const QJsonObject &request, int maxPages)
{
    Listing listing;
    QJsonObject body = request;
    while (listing.pages < maxPages) {
        const CallResult page = call(QJsonDocument(body).toJson(QJsonDocument::Compact));
        if (page.error != QNetworkReply::NoError || page.httpStatus != 200) {
            listing.failed = true;
            listing.failure = page;
            return listing;
        }
        ++listing.pages;
        const QJsonObject object = page.json();
        for (const QJsonValue &account : object.value(QLatin1String("accountEnrollmentStatuses")).toArray())
            listing.accounts.append(account.toObject());
        if (!object.contains(QLatin1String("nextToken"))) {
            listing.lastPageHadNoToken = true;
            return listing;
        }
        body.insert(QLatin1String("nextToken"), object.value(QLatin1String("nextToken")));
    }
    return listing;
}

QByteArray SimulatorClient::signedRequestBytes(const QUrl &endpoint, const AwsCredentials &credentials,
                                               const QByteArray &body, const QByteArray &target)
{
    CallOptions options;
    options.target = target;
    const SignableRequest signable = signedRequest(endpoint, body, options, credentials);
    QByteArray wire = "POST / HTTP/1.1\r\n";
    for (const auto &[name, value] : signable.headers)
        wire += name + ": " + value + "\r\n";
    wire += "Content-Length: " + QByteArray::number(signable.body.size()) + "\r\n\r\n" + signable.body;
    return wire;
}
