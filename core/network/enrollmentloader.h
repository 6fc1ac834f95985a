#pragma once

#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"
#include "network/enrollmentquery.h"
#include "network/fetchprogress.h"
#include "network/ownenrollment.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <memory>

class Clock;
class AccountNamesFetcher;
class EnrollmentFetcher;

// Owns the fetcher's worker thread and speaks for it on the caller's thread. Cancel takes effect
// at once: whatever the worker still sends from a cancelled run is dropped here.
class EnrollmentLoader : public QObject
{
    Q_OBJECT

public:
    explicit EnrollmentLoader(QObject *parent = nullptr);
    EnrollmentLoader(std::shared_ptr<const Clock> clock, QObject *parent = nullptr);
    ~EnrollmentLoader() override;

    void start(const EnrollmentQuery &query);
    // Asks again for the page that failed; the accounts already delivered stay delivered.
    void resume();
    void cancel();
    // The caller's own enrollment (GetEnrollmentStatus), fetched on the worker thread.
    void fetchOwnEnrollment(const EnrollmentQuery &query);

    bool isLoading() const { return m_loading; }
    bool canResume() const { return m_canResume; }
    qint64 elapsedMs() const { return m_elapsed.isValid() ? m_elapsed.elapsed() : 0; }
    EnrollmentFetcher *fetcher() const { return m_fetcher; }

Q_SIGNALS:
    void started();
    void pageReceived(const QList<AccountEnrollment> &accounts);
    void progressChanged(const FetchProgress &progress);
    void finished();
    void failed(const FetchFailure &failure);
    void cancelled();
    void ownEnrollmentReceived(const OwnEnrollment &own);
    void ownEnrollmentFailed(const QString &message);
    // Account names arrive beside the list, when the query asks for them; they never hold it back.
    void accountNamesReceived(const AccountNames &names);
    void accountNamesFinished();
    void accountNamesUnavailable(const QString &reason, bool accessDenied);

private:
    void onPage(const QList<AccountEnrollment> &accounts, int run);
    void onProgress(const FetchProgress &progress, int run);
    void onFinished(int run);
    void onFailed(const FetchFailure &failure, int run);

    QThread m_thread;
    EnrollmentFetcher *m_fetcher = nullptr;
    AccountNamesFetcher *m_namesFetcher = nullptr;
    int m_namesRun = 0;
    int m_run = 0;
    int m_ownRun = 0;
    bool m_loading = false;
    bool m_canResume = false;
    QElapsedTimer m_elapsed;
};
