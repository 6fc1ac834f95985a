#include "client/awscall.h"

#include "client/clockskew.h"
#include "client/credentialprovider.h"
#include "client/failuretext.h"
#include "client/retrypolicy.h"
#include "http/hostheader.h"
#include "signing/clock.h"
#include "signing/sigv4signer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>
#include <QTimer>

namespace {

bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    return type.startsWith("application/x-amz-json") || type == "application/json";
}

AwsFailure failureOf(AwsFailure::Kind kind, QString message, const AwsError &error = {})
{
    AwsFailure failure;
    failure.kind = kind;
    failure.message = std::move(message);
    failure.error = error;
    return failure;
}

} // namespace

AwsCall::AwsCall(AwsRequest request, AwsResultReady done, AwsClient *client)
    : QObject(client)
    , m_request(std::move(request))
    , m_done(std::move(done))
    , m_client(client)
    , m_policy(client->retryPolicyFor(m_request.endpoint))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    if (m_request.clientRateLimited)
        m_policy.limitRate();
}

void AwsCall::start()
{
    if (m_finished)
        return;
    waitForSendSlot();
}

void AwsCall::abort()
{
    m_finished = true;
    m_timer->stop();
    if (QNetworkReply *reply = std::exchange(m_reply, nullptr)) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    deleteLater();
}

qint64 AwsCall::nowMs() const
{
    return m_client->clock().nowUtc().toMSecsSinceEpoch();
}

QDateTime AwsCall::signingTime() const
{
    return m_client->clock().nowUtc().addMSecs(m_client->clockSkewMs(m_request.endpoint));
}

// Adaptive mode's rate limiter may hold the attempt back; the other modes send at once. A caller
// held back asks again when its wait is over: throttles meanwhile may have made it longer.
void AwsCall::waitForSendSlot()
{
    m_timer->disconnect(this);
    const qint64 waitMs = m_policy.acquireSendMs(nowMs());
    if (waitMs > 0) {
        connect(m_timer, &QTimer::timeout, this, &AwsCall::waitForSendSlot);
        m_timer->start(int(std::min<qint64>(waitMs, 60'000)));
        return;
    }
    m_sentAtMs = nowMs();
    sendWithCredentials();
}

void AwsCall::sendWithCredentials()
{
    if (m_finished)
        return;
    if (m_request.signing != AwsRequest::Signing::FromProvider) {
        sendSigned(m_request.keys);
        return;
    }
    if (!m_request.credentials) {
        fail(failureOf(AwsFailure::Kind::Credentials, tr("No AWS credentials were given for this load.")));
        return;
    }
    QPointer<AwsCall> self(this);
    m_request.credentials->requestCredentials(*m_client, CredentialRenewal::IfExpiring,
                                              [self](const CredentialResult &credentials) {
                                                  if (!self || self->m_finished)
                                                      return;
                                                  if (!credentials) {
                                                      AwsFailure failure = failureOf(AwsFailure::Kind::Credentials,
                                                                                     credentials.error().message);
                                                      failure.suggestedCommand = credentials.error().suggestedCommand;
                                                      self->fail(failure);
                                                      return;
                                                  }
                                                  self->sendSigned(credentials.value());
                                              });
}

void AwsCall::sendSigned(const AwsCredentials &credentials)
{
    if (m_finished)
        return;
    ++m_attempt;
    m_tlsErrors.clear();
    m_signedWith = credentials;

    const QUrl &endpoint = m_request.endpoint.url;
    QByteArray path = endpoint.path(QUrl::FullyEncoded).toLatin1();
    if (!m_request.path.isEmpty()) {
        if (path.endsWith('/'))
            path.chop(1);
        path += m_request.path.toLatin1();
    }
    if (path.isEmpty())
        path = "/";

    SignableRequest signable;
    signable.method = m_request.method;
    signable.path = path;
    signable.query = m_request.query.toLatin1();
    signable.headers = {{"Host", hostHeaderOf(endpoint)}};
    signable.headers.append(m_request.headers);
    signable.body = m_request.body;
    if (m_request.signing != AwsRequest::Signing::None) {
        const SigningScope scope{m_request.endpoint.signingRegion, m_request.endpoint.signingName};
        SigV4Signer(scope).sign(signable, credentials, signingTime());
    }

    QUrl url = endpoint;
    url.setPath(QString::fromLatin1(path), QUrl::TolerantMode);
    if (!m_request.query.isEmpty())
        url.setQuery(m_request.query, QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setRawHeader("User-Agent", httpUserAgent());
    for (const auto &[name, value] : std::as_const(signable.headers)) {
        if (name.compare("Host", Qt::CaseInsensitive) != 0)
            request.setRawHeader(name, value);
    }
    request.setTransferTimeout(m_client->configuration().network.timeoutMs);
    if (url.scheme() == u"https") {
        const auto tls = m_client->tlsConfiguration();
        if (!tls) {
            fail(failureOf(AwsFailure::Kind::Configuration, tls.error()));
            return;
        }
        if (tls.value())
            request.setSslConfiguration(*tls.value());
    }

    QNetworkAccessManager *network = m_client->network();
    QNetworkReply *reply = m_request.method == "GET" ? network->get(request)
                                                      : network->sendCustomRequest(request, m_request.method, signable.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (m_reply != reply)
            return;
        for (const QSslError &error : errors)
            m_tlsErrors.append(error.errorString());
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        if (m_reply != reply)
            return;
        m_reply = nullptr;
        reply->deleteLater();
        handleReply(reply);
    });
}

void AwsCall::handleReply(QNetworkReply *reply)
{
    if (m_finished)
        return;
    AwsResponse answer;
    answer.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.headers = reply->rawHeaderPairs();
    answer.body = reply->readAll();
    answer.attempts = m_attempt;
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString &service = m_request.serviceName;
    const QUrl &endpoint = m_request.endpoint.url;

    if (answer.httpStatus == 0 && (networkError == QNetworkReply::SslHandshakeFailedError || !m_tlsErrors.isEmpty())) {
        // Not worth retrying: the certificate will be just as untrusted next time.
        const QStringList why = m_tlsErrors.isEmpty() ? QStringList{reply->errorString()} : m_tlsErrors;
        fail(failureOf(AwsFailure::Kind::Configuration, FailureText::untrustedCertificate(endpoint, service, why)));
        return;
    }
    const bool cutShort = answer.httpStatus >= 200 && answer.httpStatus < 300 && networkError != QNetworkReply::NoError;
    if (answer.httpStatus == 0 || cutShort) {
        AttemptFailure attempt;
        QString message;
        if (networkError == QNetworkReply::OperationCanceledError) {
            attempt.kind = AttemptFailure::Kind::Timeout;
            message = FailureText::noAnswerInTime(service, m_client->configuration().network.timeoutMs);
        } else if (cutShort) {
            attempt.kind = AttemptFailure::Kind::TruncatedResponse;
            message = FailureText::connectionBroke(service, reply->errorString());
        } else {
            attempt.kind = AttemptFailure::Kind::ConnectionError;
            message = FailureText::unreachable(endpoint, service, reply->errorString());
        }
        retryOrFail(attempt, failureOf(AwsFailure::Kind::Network, message));
        return;
    }
    if (answer.httpStatus >= 300 && answer.httpStatus < 400) {
        fail(failureOf(AwsFailure::Kind::Configuration, FailureText::redirected(endpoint, answer.httpStatus)));
        return;
    }
    if (answer.httpStatus >= 200 && answer.httpStatus < 300) {
        const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        if (m_request.expectsJson && !isJsonContentType(contentType)) {
            fail(failureOf(AwsFailure::Kind::MalformedResponse,
                           FailureText::notAwsJson(endpoint, service, contentType)));
            return;
        }
        if (m_request.readBody) {
            const QString why = m_request.readBody(answer.body);
            if (!why.isEmpty()) {
                // A 200 whose body does not read is most often a body cut short: retry it like one.
                AttemptFailure attempt;
                attempt.kind = AttemptFailure::Kind::TruncatedResponse;
                retryOrFail(attempt, failureOf(AwsFailure::Kind::MalformedResponse, why));
                return;
            }
        }
        succeed(answer);
        return;
    }
    handleErrorAnswer(answer);
}

void AwsCall::handleErrorAnswer(const AwsResponse &answer)
{
    const AwsError error = m_request.parseError(answer.httpStatus, answer.headers, answer.body);
    if (m_request.signing != AwsRequest::Signing::None && !m_skewCorrected) {
        if (auto skew = clockSkewCorrectionMs(error, headerValue(answer.headers, "Date"), signingTime())) {
            // Our clock is off, not the request: fix the signing clock for this service, ask again at once.
            m_client->correctClockSkew(m_request.endpoint, *skew);
            m_skewCorrected = true;
            --m_attempt;
            sendWithCredentials();
            return;
        }
    }
    if (isExpiredCredentialsError(error.code) && !m_credentialsRenewed
        && m_request.signing == AwsRequest::Signing::FromProvider && m_request.credentials) {
        renewCredentialsAndResend(error);
        return;
    }
    AttemptFailure attempt;
    attempt.kind = AttemptFailure::Kind::ServiceError;
    attempt.httpStatus = answer.httpStatus;
    attempt.errorCode = error.code;
    const AwsFailure::Kind kind = failureKindOf(error);
    retryOrFail(attempt, failureOf(kind, FailureText::forError(kind, m_request.serviceName, m_request.operation, error),
                                   error));
}

// The service called our credentials expired: get new ones all the way down the chain, once,
// and send again if they are different.
void AwsCall::renewCredentialsAndResend(const AwsError &error)
{
    m_credentialsRenewed = true;
    const AwsCredentials previous = m_signedWith;
    QPointer<AwsCall> self(this);
    m_request.credentials->requestCredentials(
        *m_client, CredentialRenewal::Force, [self, previous, error](const CredentialResult &renewed) {
            if (!self || self->m_finished)
                return;
            if (renewed && (renewed->accessKeyId != previous.accessKeyId
                            || renewed->sessionToken != previous.sessionToken)) {
                --self->m_attempt;
                self->sendSigned(renewed.value());
                return;
            }
            AwsFailure failure = failureOf(AwsFailure::Kind::Credentials,
                                           FailureText::forError(AwsFailure::Kind::Credentials,
                                                                 self->m_request.serviceName,
                                                                 self->m_request.operation, error),
                                           error);
            if (!renewed) {
                failure.message = renewed.error().message;
                failure.suggestedCommand = renewed.error().suggestedCommand;
                failure.fromCredentialSource = true;
            }
            self->fail(failure);
        });
}

void AwsCall::retryOrFail(const AttemptFailure &attempt, AwsFailure failure)
{
    const bool throttled = RetryPolicy::isThrottling(attempt);
    m_policy.recordResponse(nowMs(), throttled, m_sentAtMs);
    const int delay = m_policy.retryDelayMs(attempt, m_attempt, m_heldQuota);
    if (delay < 0) {
        fail(std::move(failure));
        return;
    }
    if (m_request.onRetry)
        m_request.onRetry(AwsRetryNotice{m_attempt, delay, throttled, failure.message});
    m_timer->disconnect(this);
    connect(m_timer, &QTimer::timeout, this, &AwsCall::waitForSendSlot);
    m_timer->start(delay);
}

void AwsCall::succeed(const AwsResponse &answer)
{
    m_policy.recordResponse(nowMs(), false, m_sentAtMs);
    m_policy.recordSuccess(m_heldQuota);
    m_heldQuota = 0;
    finish(answer);
}

void AwsCall::fail(AwsFailure failure)
{
    failure.attempts = m_attempt;
    finish(Unexpected{std::move(failure)});
}

void AwsCall::finish(const AwsResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    deleteLater();
    const AwsResultReady done = std::move(m_done);
    done(result);
}
