#pragma once

#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"
#include "enrollment/organizationtree.h"
#include "network/enrollmentquery.h"
#include "network/fetchprogress.h"
#include "network/loadoutcome.h"
#include "network/optincheck.h"
#include "network/optinrequest.h"
#include "network/ownenrollment.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

class Clock;
class LoadWorker;

// One load of the organization: the enrollment list, the account names beside it and the caller's
// own enrollment, run on a worker thread through one AwsClient. It alone decides when the load is
// complete, or incomplete and why (ended); the window and the headless export only observe.
// Cancel takes effect at once: whatever the worker still sends from a cancelled run is dropped here.
class LoadSession : public QObject
{
    Q_OBJECT

public:
    explicit LoadSession(QObject *parent = nullptr);
    LoadSession(std::shared_ptr<const Clock> clock, QObject *parent = nullptr);
    ~LoadSession() override;

    // Test hook, before start: pins the jitter of every backoff.
    void setRandomSource(std::function<double()> random);

    // Starts the list and, when the query asks for them, the names.
    void start(const EnrollmentQuery &query);
    // Asks again for the page that failed; the accounts already delivered stay delivered.
    void resume();
    void cancel();
    // The caller's own enrollment (GetEnrollmentStatus), beside the list, through the same client.
    void fetchOwnEnrollment(const EnrollmentQuery &query);

    // The list again, into the same table (rows update in place), through the load's client; the
    // names are not fetched again. Ends like a load.
    void reread(const EnrollmentQuery &query);
    // Before an opt-in: who the caller is, its organization, trusted access, delegated administrators.
    void checkOptIn(const EnrollmentQuery &query);
    // UpdateEnrollmentStatus(Active). Does nothing and returns false while one is in flight.
    bool optIn(const EnrollmentQuery &query, bool includeMembers);
    bool isOptingIn() const { return m_optingIn; }

    bool isLoading() const { return m_loading; }
    bool canResume() const { return m_outcome.canResume && !m_loading; }
    bool namesExpected() const { return m_namesExpected; }
    const LoadOutcome &lastOutcome() const { return m_outcome; }
    qint64 elapsedMs() const { return m_elapsed.isValid() ? m_elapsed.elapsed() : 0; }

Q_SIGNALS:
    void started();
    void pageReceived(const QList<AccountEnrollment> &accounts);
    void progressChanged(const FetchProgress &progress);
    // Every page is in (names may still be arriving; ended follows when they are).
    void listFinished();
    void accountNamesReceived(const AccountNames &names);
    void accountNamesUnavailable(const QString &reason, bool accessDenied);
    // The organization's roots and OUs, all of them, before ended; or why they could not be listed
    // (the names still come, without their OU).
    void organizationTreeReceived(const OrganizationTree &tree);
    void organizationTreeUnavailable(const QString &reason);
    void ownEnrollmentReceived(const OwnEnrollment &own);
    void ownEnrollmentFailed(const QString &message);
    void optInChecked(const OptInCheck &check);
    void optInAccepted(const OptInAccepted &accepted);
    void optInRefused(const OptInRefused &refused);
    // Once a run: complete, incomplete (with the failure) or cancelled.
    void ended(const LoadOutcome &outcome);

private:
    void onPage(const QList<AccountEnrollment> &accounts, int run);
    void onProgress(const FetchProgress &progress, int run);
    void onListFinished(int run);
    void onListFailed(const FetchFailure &failure, int run);
    void onNamesDone(const QString &warning, bool accessDenied, int run);
    void endWhenComplete();
    void end(LoadOutcome::State state);

    QThread m_thread;
    LoadWorker *m_worker = nullptr;
    int m_run = 0;
    int m_namesRun = 0;
    int m_ownRun = 0;
    int m_checkRun = 0;
    bool m_optingIn = false;
    bool m_loading = false;
    bool m_listDone = false;
    bool m_namesExpected = false;
    bool m_namesDone = true;
    LoadOutcome m_outcome;
    QElapsedTimer m_elapsed;
};
