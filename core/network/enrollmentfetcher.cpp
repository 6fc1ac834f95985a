#include "network/enrollmentfetcher.h"

#include "enrollment/enrollmentpageparser.h"
#include "network/clockskew.h"
#include "network/signedjsonrequest.h"
#include "profiles/credentialprovider.h"
#include "signing/clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
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
    m_retryPolicy = std::make_unique<RetryPolicy>(query.maxAttempts, m_random);
    m_credentials = {};
    m_currentToken.clear();
    m_tokensSeen.clear();
    m_accountIdsSeen.clear();
    m_progress = {};
    if (loadCaBundle())
        requestPage();
}

bool EnrollmentFetcher::loadCaBundle()
{
    m_sslConfiguration.reset();
    // Parsing a system-sized bundle costs tens of milliseconds; plain http:// never needs it.
    if (m_query.caBundle.isEmpty() || m_query.endpoint.scheme() != u"https")
        return true;
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_query.caBundle);
    if (certificates.isEmpty()) {
        fail(FetchFailure::Kind::Configuration,
             tr("The CA bundle %1 (AWS_CA_BUNDLE or ca_bundle) holds no readable PEM certificates. Point it at a "
                "PEM file, or unset it to use the system's certificates.")
                 .arg(m_query.caBundle));
        return false;
    }
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.addCaCertificates(certificates);
    m_sslConfiguration = ssl;
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
    auto credentials = query.credentials->credentials();
    if (!credentials) {
        Q_EMIT ownEnrollmentFailed(credentials.error(), run);
        return;
    }
    SignedJsonRequest request;
    request.endpoint = query.endpoint;
    request.target = QByteArrayLiteral("ComputeOptimizerService.GetEnrollmentStatus");
    request.contentType = QByteArrayLiteral("application/x-amz-json-1.0");
    request.body = QByteArrayLiteral("{}");
    request.scope = SigningScope{query.signingRegion, query.signingName};
    QNetworkRequest networkRequest = request.toNetworkRequest(credentials.value(), signingTime());
    networkRequest.setTransferTimeout(query.readTimeoutMs);
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

bool EnrollmentFetcher::ensureCredentials(bool forceRefresh)
{
    const bool expiringSoon = m_credentials.expiration
        && signingTime().msecsTo(*m_credentials.expiration) < CredentialRefreshMarginMs;
    if (!forceRefresh && m_credentials.isComplete() && !expiringSoon)
        return true;
    if (!m_query.credentials) {
        fail(FetchFailure::Kind::Credentials, tr("No AWS credentials were given for this load."));
        return false;
    }
    auto credentials = m_query.credentials->credentials();
    if (!credentials) {
        fail(FetchFailure::Kind::Credentials, credentials.error());
        return false;
    }
    m_credentials = credentials.value();
    return true;
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
    if (!ensureCredentials(false))
        return;
    ++m_attempt;
    m_progress.retryDelayMs = 0;

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
        if (!ensureCredentials(true))
            return;
        if (m_credentials.accessKeyId != previousKey || m_credentials.sessionToken != previousToken) {
            --m_attempt;
            sendAttempt();
            return;
        }
    }

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
        m_retryPolicy->recordFailure();
        fail(FetchFailure::Kind::TokenLoop,
             tr("Compute Optimizer returned a page token it had already given after %n page(s), so the list would "
                "repeat forever. The accounts loaded so far are kept; retry later, when the organization is not "
                "changing.",
                nullptr, m_progress.pages + 1));
        return;
    }
    m_retryPolicy->recordSuccess();

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
    const int delay = m_retryPolicy->retryDelayMs(failure, m_attempt);
    if (delay < 0) {
        m_retryPolicy->recordFailure();
        fail(kind, message, failure.errorCode, failure.httpStatus);
        return;
    }
    ++m_progress.retries;
    m_progress.retryDelayMs = delay;
    m_progress.retryReason = message;
    Q_EMIT progressChanged(m_progress, m_run);
    m_retryTimer->start(delay);
}

void EnrollmentFetcher::fail(FetchFailure::Kind kind, const QString &message, const QString &code, int httpStatus)
{
    FetchFailure failure;
    failure.kind = kind;
    failure.message = message;
    failure.errorCode = code;
    failure.httpStatus = httpStatus;
    failure.pagesLoaded = m_progress.pages;
    failure.accountsLoaded = m_progress.accounts;
    m_progress.retryDelayMs = 0;
    Q_EMIT failed(failure, m_run);
}
