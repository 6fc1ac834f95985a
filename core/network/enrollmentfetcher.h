#pragma once

#include "enrollment/accountenrollment.h"
#include "network/enrollmentquery.h"
#include "network/fetchprogress.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <atomic>

class AwsCall;
class AwsClient;

// Pages through GetEnrollmentStatusesForOrganization: refuses token loops and never passes an
// account on twice. Signing, retries and clock skew are the client's. Lives on the load's worker
// thread, beside its client.
class EnrollmentFetcher : public QObject
{
    Q_OBJECT

public:
    explicit EnrollmentFetcher(AwsClient *client, QObject *parent = nullptr);
    ~EnrollmentFetcher() override;

    // Thread-safe: the next step of the worker sees it and stops.
    void requestCancel() { m_cancelRequested.store(true); }

public Q_SLOTS:
    void start(const EnrollmentQuery &query, int run);
    // After a failure: ask again for the page that failed, keeping every account already passed on.
    void resume(int run);
    void cancel();

Q_SIGNALS:
    void pageReceived(const QList<AccountEnrollment> &accounts, int run);
    void progressChanged(const FetchProgress &progress, int run);
    void finished(int run);
    void failed(const FetchFailure &failure, int run);

private:
    void requestPage();
    void handlePage(QList<AccountEnrollment> accounts, const QString &next);
    void fail(FetchFailure failure);

    AwsClient *m_client;
    QPointer<AwsCall> m_call;
    std::atomic_bool m_cancelRequested{false};
    bool m_started = false;

    EnrollmentQuery m_query;
    int m_run = 0;
    QString m_currentToken;
    QSet<QString> m_tokensSeen;
    QSet<QString> m_accountIdsSeen;
    FetchProgress m_progress;
};
