#pragma once

#include "enrollment/accountenrollment.h"
#include "network/awserror.h"
#include "network/enrollmentquery.h"
#include "network/fetchprogress.h"
#include "network/ownenrollment.h"
#include "client/retrypolicy.h"
#include "profiles/credentialprovider.h"
#include "signing/awscredentials.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>

#include <atomic>
#include <memory>

class Clock;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// Fetches every page of GetEnrollmentStatusesForOrganization: signs, retries, corrects clock
// skew, refuses token loops and never passes an account on twice. Lives on a worker thread
// (see EnrollmentLoader); its network objects are created there on first use.
class EnrollmentFetcher : public QObject
{
    Q_OBJECT

public:
    explicit EnrollmentFetcher(std::shared_ptr<const Clock> clock, QObject *parent = nullptr);
    ~EnrollmentFetcher() override;

    // Thread-safe: the next step of the worker sees it and stops.
    void requestCancel() { m_cancelRequested.store(true); }

    // Test hook: pins the jitter of the retry backoff.
    void setRandomSource(std::function<double()> random) { m_random = std::move(random); }

public Q_SLOTS:
    void start(const EnrollmentQuery &query, int run);
    // After a failure: ask again for the page that failed, keeping every account already passed on.
    void resume(int run);
    void cancel();
    // One GetEnrollmentStatus call for the caller's own account, beside the member list.
    void fetchOwnEnrollment(const EnrollmentQuery &query, int run);

Q_SIGNALS:
    void ownEnrollmentReceived(const OwnEnrollment &own, int run);
    void ownEnrollmentFailed(const QString &message, int run);
    void pageReceived(const QList<AccountEnrollment> &accounts, int run);
    void progressChanged(const FetchProgress &progress, int run);
    void finished(int run);
    void failed(const FetchFailure &failure, int run);

private:
    void requestPage();
    void sendAttempt();
    void sendSignedAttempt();
    void handleReply(QNetworkReply *reply);
    void handleServiceError(int status, const AwsError &error);
    void handlePage(const QByteArray &body);
    void handleFailure(const AttemptFailure &failure, const QString &message, FetchFailure::Kind kind);
    bool credentialsNeedRefresh() const;
    // Asks the provider (which may run a program or call STS first) and goes on with then.
    void withCredentials(CredentialRenewal renewal, std::function<void()> then);
    void sendOwnEnrollmentRequest(const EnrollmentQuery &query, const AwsCredentials &credentials, int run);
    void fail(FetchFailure::Kind kind, const QString &message, const QString &code = {}, int httpStatus = 0,
              const QString &suggestedCommand = {});
    QDateTime signingTime() const;
    QNetworkAccessManager *network();
    bool loadCaBundle();

    std::shared_ptr<const Clock> m_clock;
    std::function<double()> m_random;
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_retryTimer = nullptr;
    QPointer<QNetworkReply> m_reply;
    std::atomic_bool m_cancelRequested{false};
    // Bumped by every cancel: a credential answer for an older generation is dropped.
    quint64 m_generation = 0;
    QStringList m_tlsErrors; // why the last attempt's server certificate was refused

    EnrollmentQuery m_query;
    int m_run = 0;
    std::unique_ptr<RetryPolicy> m_retryPolicy;
    int m_heldQuota = 0; // this load's share of the retry quota
    AwsCredentials m_credentials;
    qint64 m_clockSkewMs = 0;
    std::optional<QSslConfiguration> m_sslConfiguration; // with the CA bundle, read once per load

    QString m_currentToken;
    int m_attempt = 0;
    bool m_skewRetried = false;
    bool m_credentialsRefreshed = false;
    QSet<QString> m_tokensSeen;
    QSet<QString> m_accountIdsSeen;
    FetchProgress m_progress;
};
