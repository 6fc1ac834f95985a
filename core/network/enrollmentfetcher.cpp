#include "network/enrollmentfetcher.h"

#include "enrollment/enrollmentpageparser.h"
#include "network/clockskew.h"
#include "network/signedjsonrequest.h"
#include "http/cabundle.h"
#include "http/environmentproxyfactory.h"
#include "signing/clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

namespace {

const QByteArray OperationTarget = QByteArrayLiteral("ComputeOptimizerService.GetEnrollmentStatusesForOrganization");
// Refresh temporary credentials this long before they expire, so no page is signed with stale ones.
constexpr qint64 CredentialRefreshMarginMs = 5 * 60 * 1000;

QByteArray requestBody(const EnrollmentQuery &query, const QString &token)
{
    QJsonObject body;
    if (!query.statuses.isEmpty()) {
        body.insert(QLatin1String("filters"),
                    QJsonArray{QJsonObject{{QLatin1String("name"), QStringLiteral("Status")},
                                           {QLatin1String("values"), QJsonArray::fromStringList(query.statuses)}}});
    }
    if (!token.isEmpty())
        body.insert(QLatin1String("nextToken"), token);
    body.insert(QLatin1String("maxResults"), query.maxResults);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

bool isExpiredTokenError(const QString &code)
{
    return code == u"ExpiredTokenException" || code == u"ExpiredToken";
}

QStringList tlsErrorTexts(const QList<QSslError> &errors)
{
    QStringList texts;
    for (const QSslError &error : errors)
        texts.append(error.errorString());
    return texts;
}

bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    return type.startsWith("application/x-amz-json") || type == "application/json";
}

} // namespace

EnrollmentFetcher::EnrollmentFetcher(std::shared_ptr<const Clock> clock, QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
{
}

EnrollmentFetcher::~EnrollmentFetcher() = default;

QNetworkAccessManager *EnrollmentFetcher::network()
{
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        connect(m_retryTimer, &QTimer::timeout, this, &EnrollmentFetcher::sendAttempt);
    }
    return m_network;
}

void EnrollmentFetcher::start(const EnrollmentQuery &query, int run)
{
    cancel();
    m_cancelRequested.store(false);
    m_query = query;
    m_run = run;
    m_retryPolicy = std::make_unique<RetryPolicy>(RetryMode::Standard, query.maxAttempts, m_random);
    m_credentials = {};
    m_currentToken.clear();
    m_tokensSeen.clear();
    m_accountIdsSeen.clear();
    m_progress = {};
    applyProxySettings(*network(), m_query.proxies);
    if (loadCaBundle())
        requestPage();
}

bool EnrollmentFetcher::loadCaBundle()
{
    m_sslConfiguration.reset();
    // Parsing a system-sized bundle costs tens of milliseconds; plain http:// never needs it.
    if (m_query.caBundle.isEmpty() || m_query.endpoint.scheme() != u"https")
        return true;
    const Expected<QSslConfiguration> ssl = sslConfigurationWithCaBundle(m_query.caBundle);
    if (!ssl) {
        fail(FetchFailure::Kind::Configuration, ssl.error());
        return false;
    }
    m_sslConfiguration = ssl.value();
    return true;
}

void EnrollmentFetcher::resume(int run)
{
    cancel();
    m_cancelRequested.store(false);
    m_run = run;
    if (!m_retryPolicy)
        return;
    m_progress.retryDelayMs = 0;
    requestPage();
}

void EnrollmentFetcher::fetchOwnEnrollment(const EnrollmentQuery &query, int run)
{
    if (!query.credentials) {
        Q_EMIT ownEnrollmentFailed(tr("No AWS credentials were given."), run);
        return;
    }
    query.credentials->requestCredentials(this, CredentialRenewal::IfExpiring,
                                          [this, query, run](const CredentialResult &credentials) {
                                              if (!credentials) {
                                                  Q_EMIT ownEnrollmentFailed(credentials.error().message, run);
                                                  return;
                                              }
                                              sendOwnEnrollmentRequest(query, credentials.value(), run);
                                          });
}

void EnrollmentFetcher::sendOwnEnrollmentRequest(const EnrollmentQuery &query, const AwsCredentials &credentials,
                                                 int run)
{
    SignedJsonRequest request;
    request.endpoint = query.endpoint;
    request.target = QByteArrayLiteral("ComputeOptimizerService.GetEnrollmentStatus");
    request.contentType = QByteArrayLiteral("application/x-amz-json-1.0");
    request.body = QByteArrayLiteral("{}");
    request.scope = SigningScope{query.signingRegion, query.signingName};
    QNetworkRequest networkRequest = request.toNetworkRequest(credentials, signingTime());
    networkRequest.setTransferTimeout(query.readTimeoutMs);
    if (!query.caBundle.isEmpty() && query.endpoint.scheme() == u"https") {
        const Expected<QSslConfiguration> ssl = sslConfigurationWithCaBundle(query.caBundle);
        if (!ssl) {
            Q_EMIT ownEnrollmentFailed(ssl.error(), run);
            return;
        }
        networkRequest.setSslConfiguration(ssl.value());
    }
    applyProxySettings(*network(), query.proxies);
    QNetworkReply *reply = network()->post(networkRequest, request.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, run] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 200) {
            auto own = parseOwnEnrollment(body);
            if (own)
                Q_EMIT ownEnrollmentReceived(own.value(), run);
            else
                Q_EMIT ownEnrollmentFailed(own.error(), run);
            return;
        }
        if (status == 0) {
            Q_EMIT ownEnrollmentFailed(reply->errorString(), run);
            return;
        }
        HttpHeaders headers;
        for (const auto &pair : reply->rawHeaderPairs())
            headers.append(pair);
        Q_EMIT ownEnrollmentFailed(explainEnrollmentError(parseAwsJsonError(status, headers, body)), run);
    });
}

void EnrollmentFetcher::cancel()
{
    m_cancelRequested.store(true);
    ++m_generation;
    if (m_retryTimer)
        m_retryTimer->stop();
    if (QNetworkReply *reply = std::exchange(m_reply, nullptr)) {
        reply->abort();
        reply->deleteLater();
    }
}

QDateTime EnrollmentFetcher::signingTime() const
{
    return m_clock->nowUtc().addMSecs(m_clockSkewMs);
}

bool EnrollmentFetcher::credentialsNeedRefresh() const
{
    const bool expiringSoon = m_credentials.expiration
        && signingTime().msecsTo(*m_credentials.expiration) < CredentialRefreshMarginMs;
    return !m_credentials.isComplete() || expiringSoon;
}

void EnrollmentFetcher::withCredentials(CredentialRenewal renewal, std::function<void()> then)
{
    if (!m_query.credentials) {
        fail(FetchFailure::Kind::Credentials, tr("No AWS credentials were given for this load."));
        return;
    }
    const quint64 generation = m_generation;
    m_query.credentials->requestCredentials(
        this, renewal, [this, generation, then = std::move(then)](const CredentialResult &credentials) {
            if (generation != m_generation || m_cancelRequested.load())
                return;
            if (!credentials) {
                fail(FetchFailure::Kind::Credentials, credentials.error().message, {}, 0,
                     credentials.error().suggestedCommand);
                return;
            }
            m_credentials = credentials.value();
            then();
        });
}

void EnrollmentFetcher::requestPage()
{
    m_attempt = 0;
    m_skewRetried = false;
    m_credentialsRefreshed = false;
    sendAttempt();
}

void EnrollmentFetcher::sendAttempt()
{
    if (m_cancelRequested.load())
        return;
    if (credentialsNeedRefresh()) {
        withCredentials(CredentialRenewal::IfExpiring, [this] { sendSignedAttempt(); });
        return;
    }
    sendSignedAttempt();
}

// Sends with the credentials at hand, even if they look close to expiring: the provider had its
// chance to renew them, and the service has the last word (ExpiredTokenException).
void EnrollmentFetcher::sendSignedAttempt()
{
    if (m_cancelRequested.load())
        return;
    ++m_attempt;
    m_progress.retryDelayMs = 0;
    m_tlsErrors.clear();

    SignedJsonRequest request;
    request.endpoint = m_query.endpoint;
    request.target = OperationTarget;
    request.contentType = QByteArrayLiteral("application/x-amz-json-1.0");
    request.body = requestBody(m_query, m_currentToken);
    request.scope = SigningScope{m_query.signingRegion, m_query.signingName};
    QNetworkRequest networkRequest = request.toNetworkRequest(m_credentials, signingTime());
    networkRequest.setTransferTimeout(m_query.readTimeoutMs);
    if (m_sslConfiguration)
        networkRequest.setSslConfiguration(*m_sslConfiguration);

    QNetworkReply *reply = network()->post(networkRequest, request.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (m_reply == reply)
            m_tlsErrors = tlsErrorTexts(errors);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        if (m_reply != reply)
            return;
        m_reply = nullptr;
        reply->deleteLater();
        handleReply(reply);
    });
}

void EnrollmentFetcher::handleReply(QNetworkReply *reply)
{
    if (m_cancelRequested.load())
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QNetworkReply::NetworkError networkError = reply->error();

    if (status == 0 && (networkError == QNetworkReply::SslHandshakeFailedError || !m_tlsErrors.isEmpty())) {
        // Not worth retrying: the certificate will be just as untrusted next time.
        const QString why = m_tlsErrors.isEmpty() ? reply->errorString() : m_tlsErrors.join(QStringLiteral("; "));
        fail(FetchFailure::Kind::Configuration,
             tr("The TLS certificate of %1 is not trusted: %2. If your network inspects TLS traffic, set "
                "AWS_CA_BUNDLE or ca_bundle in your profile to a PEM file with your organization's CA certificates.")
                 .arg(m_query.endpoint.toDisplayString(), why));
        return;
    }
    if (status == 0 || (networkError != QNetworkReply::NoError && status == 200)) {
        AttemptFailure failure;
        QString message;
        if (networkError == QNetworkReply::OperationCanceledError) {
            failure.kind = AttemptFailure::Kind::Timeout;
            message = tr("Compute Optimizer did not answer within %1 s. Check your network connection, then retry.")
                          .arg(m_query.readTimeoutMs / 1000);
        } else if (status == 200) {
            failure.kind = AttemptFailure::Kind::TruncatedResponse;
            message = tr("The connection broke while page %1 was arriving (%2). Retry to continue.")
                          .arg(m_progress.pages + 1)
                          .arg(reply->errorString());
        } else {
            failure.kind = AttemptFailure::Kind::ConnectionError;
            message = tr("Could not reach %1: %2. Check the endpoint, your network and any proxy, then retry.")
                          .arg(m_query.endpoint.toDisplayString(), reply->errorString());
        }
        handleFailure(failure, message, FetchFailure::Kind::Network);
        return;
    }

    if (status >= 300 && status < 400) {
        fail(FetchFailure::Kind::Configuration,
             tr("%1 redirected the request (HTTP %2). Check --endpoint-url and the region.")
                 .arg(m_query.endpoint.toDisplayString())
                 .arg(status),
             {}, status);
        return;
    }

    if (status >= 200 && status < 300) {
        const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        if (!isJsonContentType(contentType)) {
            fail(FetchFailure::Kind::MalformedPage,
                 tr("%1 answered with '%2' instead of AWS JSON, so it is probably not Compute Optimizer (a proxy "
                    "or captive portal?). Check the endpoint URL and proxy settings.")
                     .arg(m_query.endpoint.toDisplayString(), QString::fromLatin1(contentType)),
                 {}, status);
            return;
        }
        handlePage(body);
        return;
    }

    HttpHeaders headers;
    for (const auto &pair : reply->rawHeaderPairs())
        headers.append(pair);
    const AwsError error = parseAwsJsonError(status, headers, body);

    if (!m_skewRetried) {
        if (auto skew = clockSkewCorrectionMs(error, reply->rawHeader("Date"), signingTime())) {
            // Our clock is off, not the request: fix the signing clock and ask again at once.
            m_clockSkewMs += *skew;
            m_skewRetried = true;
            --m_attempt;
            sendAttempt();
            return;
        }
    }
    if (isExpiredTokenError(error.code) && !m_credentialsRefreshed) {
        m_credentialsRefreshed = true;
        const QString previousKey = m_credentials.accessKeyId;
        const QString previousToken = m_credentials.sessionToken;
        withCredentials(CredentialRenewal::Force, [this, previousKey, previousToken, status, error] {
            if (m_credentials.accessKeyId != previousKey || m_credentials.sessionToken != previousToken) {
                --m_attempt;
                sendSignedAttempt();
                return;
            }
            handleServiceError(status, error);
        });
        return;
    }
    handleServiceError(status, error);
}

void EnrollmentFetcher::handleServiceError(int status, const AwsError &error)
{
    AttemptFailure failure;
    failure.kind = AttemptFailure::Kind::ServiceError;
    failure.httpStatus = status;
    failure.errorCode = error.code;
    m_progress.throttled = RetryPolicy::isThrottling(failure);
    handleFailure(failure, explainEnrollmentError(error), FetchFailure::Kind::Service);
}

void EnrollmentFetcher::handlePage(const QByteArray &body)
{
    auto page = parseEnrollmentPage(body);
    if (!page) {
        // A 200 whose body does not parse is most often a body cut short: retry it like one.
        AttemptFailure failure;
        failure.kind = AttemptFailure::Kind::TruncatedResponse;
        handleFailure(failure,
                      tr("Page %1 from Compute Optimizer was malformed: %2. Retry to continue.")
                          .arg(m_progress.pages + 1)
                          .arg(page.error()),
                      FetchFailure::Kind::MalformedPage);
        return;
    }

    const QString &next = page->nextToken;
    if (!next.isEmpty() && (next == m_currentToken || m_tokensSeen.contains(next))) {
        m_heldQuota = 0;
        fail(FetchFailure::Kind::TokenLoop,
             tr("Compute Optimizer returned a page token it had already given after %n page(s), so the list would "
                "repeat forever. The accounts loaded so far are kept; retry later, when the organization is not "
                "changing.",
                nullptr, m_progress.pages + 1));
        return;
    }
    m_retryPolicy->recordSuccess(std::exchange(m_heldQuota, 0));

    QList<AccountEnrollment> fresh;
    fresh.reserve(page->accounts.size());
    for (AccountEnrollment &account : page->accounts) {
        if (m_accountIdsSeen.contains(account.accountId)) {
            ++m_progress.duplicatesIgnored;
            continue;
        }
        m_accountIdsSeen.insert(account.accountId);
        fresh.append(std::move(account));
    }

    ++m_progress.pages;
    m_progress.accounts += int(fresh.size());
    m_progress.throttled = false;
    m_progress.retryReason.clear();
    if (!next.isEmpty())
        m_tokensSeen.insert(next);
    m_currentToken = next;

    Q_EMIT pageReceived(fresh, m_run);
    Q_EMIT progressChanged(m_progress, m_run);
    if (m_cancelRequested.load())
        return;
    if (next.isEmpty())
        Q_EMIT finished(m_run);
    else
        requestPage();
}

void EnrollmentFetcher::handleFailure(const AttemptFailure &failure, const QString &message, FetchFailure::Kind kind)
{
    const int delay = m_retryPolicy->retryDelayMs(failure, m_attempt, m_heldQuota);
    if (delay < 0) {
        m_heldQuota = 0;
        fail(kind, message, failure.errorCode, failure.httpStatus);
        return;
    }
    ++m_progress.retries;
    m_progress.retryDelayMs = delay;
    m_progress.retryReason = message;
    Q_EMIT progressChanged(m_progress, m_run);
    m_retryTimer->start(delay);
}

void EnrollmentFetcher::fail(FetchFailure::Kind kind, const QString &message, const QString &code, int httpStatus,
                             const QString &suggestedCommand)
{
    FetchFailure failure;
    failure.kind = kind;
    failure.message = message;
    failure.suggestedCommand = suggestedCommand;
    failure.errorCode = code;
    failure.httpStatus = httpStatus;
    failure.pagesLoaded = m_progress.pages;
    failure.accountsLoaded = m_progress.accounts;
    m_progress.retryDelayMs = 0;
    Q_EMIT failed(failure, m_run);
}
