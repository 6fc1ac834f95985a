#pragma once

#include "enrollment/accountname.h"
#include "network/enrollmentquery.h"
#include "client/retrypolicy.h"
#include "signing/awscredentials.h"

#include <QObject>
#include <QPointer>
#include <QSslConfiguration>

#include <optional>

#include <memory>

class Clock;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// Pages through Organizations ListAccounts beside the enrollment list, on the same worker thread.
// It never holds the enrollment list back: when the caller may not list accounts, it says so once
// and stops.
class AccountNamesFetcher : public QObject
{
    Q_OBJECT

public:
    explicit AccountNamesFetcher(std::shared_ptr<const Clock> clock, QObject *parent = nullptr);

public Q_SLOTS:
    void start(const EnrollmentQuery &query, int run);
    void cancel();

Q_SIGNALS:
    void namesReceived(const AccountNames &names, int run);
    void finished(int run);
    // accessDenied: the caller is not allowed to list accounts (not the management account or a
    // delegated administrator for Organizations); otherwise the reason is a failure worth retrying.
    void unavailable(const QString &reason, bool accessDenied, int run);

private:
    void sendAttempt();
    void sendSigned(const AwsCredentials &credentials);
    void handleReply(QNetworkReply *reply);
    void retryOrGiveUp(const AttemptFailure &failure, const QString &reason, bool accessDenied);

    std::shared_ptr<const Clock> m_clock;
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_retryTimer = nullptr;
    QPointer<QNetworkReply> m_reply;
    EnrollmentQuery m_query;
    std::unique_ptr<RetryPolicy> m_retryPolicy;
    int m_heldQuota = 0; // this load's share of the retry quota
    QString m_nextToken;
    int m_attempt = 0;
    int m_run = 0;
    // Answers from a credential source for an earlier run are dropped.
    int m_generation = 0;
    std::optional<QSslConfiguration> m_ssl; // with the CA bundle, read once per load
};
