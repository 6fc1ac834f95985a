#include "network/accountnamesfetcher.h"

#include "http/cabundle.h"
#include "http/environmentproxyfactory.h"
#include "network/awserror.h"
#include "network/listaccountsparser.h"
#include "network/signedjsonrequest.h"
#include "profiles/credentialprovider.h"
#include "signing/clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>

namespace {

// ListAccounts allows no more than 20 a page.
constexpr int NamesPerPage = 20;

} // namespace

AccountNamesFetcher::AccountNamesFetcher(std::shared_ptr<const Clock> clock, QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
{
}

void AccountNamesFetcher::start(const EnrollmentQuery &query, int run)
{
    cancel();
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        connect(m_retryTimer, &QTimer::timeout, this, &AccountNamesFetcher::sendAttempt);
    }
    m_query = query;
    m_run = run;
    applyProxySettings(*m_network, query.proxies);
    m_ssl.reset();
    if (!query.caBundle.isEmpty() && query.organizations.url.scheme() == u"https") {
        Expected<QSslConfiguration> ssl = sslConfigurationWithCaBundle(query.caBundle);
        if (!ssl) {
            Q_EMIT unavailable(ssl.error(), false, m_run);
            return;
        }
        m_ssl = ssl.value();
    }
    m_retryPolicy = std::make_unique<RetryPolicy>(RetryMode::Standard, query.maxAttempts);
    m_nextToken.clear();
    m_attempt = 0;
    sendAttempt();
}

void AccountNamesFetcher::cancel()
{
    ++m_generation;
    if (m_retryTimer)
        m_retryTimer->stop();
    if (QNetworkReply *reply = std::exchange(m_reply, nullptr)) {
        reply->abort();
        reply->deleteLater();
    }
}

void AccountNamesFetcher::sendAttempt()
{
    if (!m_query.credentials) {
        Q_EMIT unavailable(tr("no credentials"), false, m_run);
        return;
    }
    const int generation = m_generation;
    m_query.credentials->requestCredentials(
        this, CredentialRenewal::IfExpiring, [this, generation](const CredentialResult &credentials) {
            if (generation != m_generation)
                return;
            if (!credentials) {
                Q_EMIT unavailable(credentials.error().message, false, m_run);
                return;
            }
            sendSigned(credentials.value());
        });
}

void AccountNamesFetcher::sendSigned(const AwsCredentials &credentials)
{
    ++m_attempt;
    QJsonObject body{{QLatin1String("MaxResults"), NamesPerPage}};
    if (!m_nextToken.isEmpty())
        body.insert(QLatin1String("NextToken"), m_nextToken);

    SignedJsonRequest request;
    request.endpoint = m_query.organizations.url;
    request.target = QByteArrayLiteral("AWSOrganizationsV20161128.ListAccounts");
    request.contentType = QByteArrayLiteral("application/x-amz-json-1.1");
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.scope = SigningScope{m_query.organizations.signingRegion, m_query.organizations.signingName};
    QNetworkRequest networkRequest = request.toNetworkRequest(credentials, m_clock->nowUtc());
    networkRequest.setTransferTimeout(m_query.readTimeoutMs);
    if (m_ssl)
        networkRequest.setSslConfiguration(*m_ssl);

    QNetworkReply *reply = m_network->post(networkRequest, request.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        if (m_reply != reply)
            return;
        m_reply = nullptr;
        reply->deleteLater();
        handleReply(reply);
    });
}

void AccountNamesFetcher::handleReply(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 0) {
        AttemptFailure failure;
        failure.kind = reply->error() == QNetworkReply::OperationCanceledError ? AttemptFailure::Kind::Timeout
                                                                                : AttemptFailure::Kind::ConnectionError;
        retryOrGiveUp(failure, reply->errorString(), false);
        return;
    }
    if (status != 200) {
        HttpHeaders headers;
        for (const auto &pair : reply->rawHeaderPairs())
            headers.append(pair);
        const AwsError error = parseAwsJsonError(status, headers, body);
        AttemptFailure failure;
        failure.httpStatus = status;
        failure.errorCode = error.code;
        const bool denied = error.code == u"AccessDeniedException" || error.code == u"AWSOrganizationsNotInUseException";
        const QString reason = denied
            ? tr("Account names need permission to call organizations:ListAccounts, from the management account "
                 "or a delegated administrator for AWS Organizations.")
            : tr("AWS Organizations answered %1%2.")
                  .arg(error.code.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : error.code,
                       error.message.isEmpty() ? QString() : QStringLiteral(": ") + error.message);
        retryOrGiveUp(failure, reason, denied);
        return;
    }
    auto page = parseListAccountsPage(body);
    if (!page) {
        AttemptFailure failure;
        failure.kind = AttemptFailure::Kind::TruncatedResponse;
        retryOrGiveUp(failure, page.error(), false);
        return;
    }
    m_retryPolicy->recordSuccess(std::exchange(m_heldQuota, 0));
    m_attempt = 0;
    Q_EMIT namesReceived(page->names, m_run);
    // Organizations may hand back the token it was given; that is a loop, not more accounts.
    if (page->nextToken.isEmpty() || page->nextToken == m_nextToken) {
        Q_EMIT finished(m_run);
        return;
    }
    m_nextToken = page->nextToken;
    sendAttempt();
}

void AccountNamesFetcher::retryOrGiveUp(const AttemptFailure &failure, const QString &reason, bool accessDenied)
{
    const int delay = accessDenied ? -1 : m_retryPolicy->retryDelayMs(failure, m_attempt, m_heldQuota);
    if (delay < 0) {
        m_heldQuota = 0;
        Q_EMIT unavailable(reason, accessDenied, m_run);
        return;
    }
    m_retryTimer->start(delay);
}
