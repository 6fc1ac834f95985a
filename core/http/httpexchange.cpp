#include "http/httpexchange.h"

#include "http/cabundle.h"
#include "http/environmentproxyfactory.h"

#include <QNetworkAccessManager>
#include <QSslError>
#include <QTimer>

#include <optional>

namespace {

constexpr int FirstRetryDelayMs = 250;
constexpr int LongestRetryDelayMs = 2'000;

// One request and its retries, alive until it has answered.
class HttpExchange final : public QObject
{
public:
    HttpExchange(NetworkSettings network, HttpMessageBuilder build, HttpRetry retry, HttpAnswerReady done,
                 QObject *parent)
        : QObject(parent)
        , m_settings(std::move(network))
        , m_build(std::move(build))
        , m_retry(std::move(retry))
        , m_done(std::move(done))
        , m_network(new QNetworkAccessManager(this))
    {
        applyProxySettings(*m_network, m_settings.proxies);
        if (!m_retry.isTransient)
            m_retry.isTransient = isTransientByDefault;
    }

    void attempt()
    {
        ++m_attempt;
        const HttpMessage message = m_build();
        if (message.url.scheme() == u"https" && !m_settings.caBundle.isEmpty() && !m_ssl) {
            Expected<QSslConfiguration> ssl = sslConfigurationWithCaBundle(m_settings.caBundle);
            if (!ssl) {
                HttpAnswer answer;
                answer.settingsError = ssl.error();
                finish(answer);
                return;
            }
            m_ssl = ssl.value();
        }
        QNetworkRequest request(message.url);
        request.setRawHeader("User-Agent", httpUserAgent());
        for (const auto &[name, value] : message.headers)
            request.setRawHeader(name, value);
        request.setTransferTimeout(m_settings.timeoutMs);
        if (m_ssl)
            request.setSslConfiguration(*m_ssl);

        QNetworkReply *reply = message.body.isEmpty() && message.method == "GET"
                                   ? m_network->get(request)
                                   : m_network->sendCustomRequest(request, message.method, message.body);
        auto tlsErrors = std::make_shared<QStringList>();
        connect(reply, &QNetworkReply::sslErrors, this, [tlsErrors](const QList<QSslError> &errors) {
            for (const QSslError &error : errors)
                tlsErrors->append(error.errorString());
        });
        connect(reply, &QNetworkReply::finished, this, [this, reply, tlsErrors] {
            reply->deleteLater();
            HttpAnswer answer;
            answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answer.headers = reply->rawHeaderPairs();
            answer.body = reply->readAll();
            answer.networkError = reply->error();
            if (answer.networkError != QNetworkReply::NoError)
                answer.errorString = reply->errorString();
            answer.tlsErrors = *tlsErrors;
            // An error status is an answer; only a broken transfer is a network failure.
            if (answer.status != 0 && answer.networkError != QNetworkReply::RemoteHostClosedError
                && answer.networkError != QNetworkReply::OperationCanceledError)
                answer.networkError = QNetworkReply::NoError;
            if (m_attempt < m_retry.maxAttempts && m_retry.isTransient(answer)) {
                const int delay = qMin(LongestRetryDelayMs, FirstRetryDelayMs << (m_attempt - 1));
                QTimer::singleShot(delay, this, [this] { attempt(); });
                return;
            }
            finish(answer);
        });
    }

private:
    void finish(const HttpAnswer &answer)
    {
        const HttpAnswerReady done = std::move(m_done);
        deleteLater();
        done(answer);
    }

    NetworkSettings m_settings;
    HttpMessageBuilder m_build;
    HttpRetry m_retry;
    HttpAnswerReady m_done;
    QNetworkAccessManager *m_network;
    std::optional<QSslConfiguration> m_ssl;
    int m_attempt = 0;
};

} // namespace

QByteArray HttpAnswer::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpAnswer::isTlsFailure() const
{
    return status == 0 && (networkError == QNetworkReply::SslHandshakeFailedError || !tlsErrors.isEmpty());
}

bool isTransientByDefault(const HttpAnswer &answer)
{
    if (!answer.settingsError.isEmpty() || answer.isTlsFailure())
        return false;
    return answer.status == 0 || answer.status == 429 || answer.status >= 500;
}

void sendHttpRequest(const NetworkSettings &network, HttpMessageBuilder build, HttpRetry retry, QObject *context,
                     HttpAnswerReady done)
{
    auto *exchange = new HttpExchange(network, std::move(build), std::move(retry), std::move(done), context);
    exchange->attempt();
}

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

QString describeConnectionFailure(const HttpAnswer &answer, const QUrl &url, const QString &service)
{
    if (!answer.settingsError.isEmpty())
        return answer.settingsError;
    const QString where = url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery);
    if (answer.isTlsFailure()) {
        const QString why = answer.tlsErrors.isEmpty() ? answer.errorString : answer.tlsErrors.join(QStringLiteral("; "));
        return QStringLiteral("The TLS certificate of %1 (%2) is not trusted: %3. If your network inspects TLS "
                              "traffic, set AWS_CA_BUNDLE or ca_bundle in your profile to a PEM file with your "
                              "organization's CA certificates.")
            .arg(where, service, why);
    }
    if (answer.isTimeout()) {
        return QStringLiteral("%1 (%2) did not answer in time. Check your network connection and any proxy, then "
                              "try again.")
            .arg(service, where);
    }
    return QStringLiteral("Could not reach %1 at %2: %3. Check your network connection and any proxy "
                          "(https_proxy, no_proxy), then try again.")
        .arg(service, where, answer.errorString);
}
