#pragma once

#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"
#include "enrollment/organizationtree.h"
#include "network/enrollmentquery.h"
#include "network/fetchprogress.h"
#include "network/optincheck.h"
#include "network/optinrequest.h"
#include "network/ownenrollment.h"

#include <QObject>

#include <functional>
#include <memory>

class AccountNamesFetcher;
class AwsClient;
class Clock;
class EnrollmentFetcher;

// The worker-thread side of a load: one AwsClient for the whole load, with the list, the names and
// the caller's own enrollment on top of it. A new load gets a new client, so no retry quota, rate
// limit or clock correction leaks from one profile to the next.
class LoadWorker : public QObject
{
    Q_OBJECT

public:
    explicit LoadWorker(std::shared_ptr<const Clock> clock);
    ~LoadWorker() override;

    // Test hook: pins the jitter of every backoff, from the next load on.
    void setRandomSource(std::function<double()> random) { m_random = std::move(random); }
    void start(const EnrollmentQuery &query, int run, int namesRun);
    // The list again through the client the load has (its retry quota and rate limit carry on).
    void reread(const EnrollmentQuery &query, int run);
    void checkOptIn(const EnrollmentQuery &query, int run);
    void optIn(const EnrollmentQuery &query, bool includeMembers, int run);
    void resume(int run);
    void cancel();
    void fetchOwnEnrollment(const EnrollmentQuery &query, int run);

Q_SIGNALS:
    void pageReceived(const QList<AccountEnrollment> &accounts, int run);
    void progressChanged(const FetchProgress &progress, int run);
    void finished(int run);
    void failed(const FetchFailure &failure, int run);
    void namesReceived(const AccountNames &names, int run);
    void namesFinished(int run);
    void namesUnavailable(const QString &reason, bool accessDenied, int run);
    void organizationTreeReceived(const OrganizationTree &tree, int run);
    void organizationTreeUnavailable(const QString &reason, int run);
    void ownEnrollmentReceived(const OwnEnrollment &own, int run);
    void ownEnrollmentFailed(const QString &message, int run);
    void optInChecked(const OptInCheck &check, int run);
    void optInAccepted(const OptInAccepted &accepted, int run);
    void optInRefused(const OptInRefused &refused, int run);

private:
    AwsClient *clientFor(const EnrollmentQuery &query);

    std::shared_ptr<const Clock> m_clock;
    std::function<double()> m_random;
    AwsClient *m_client = nullptr;
    EnrollmentFetcher *m_fetcher = nullptr;
    AccountNamesFetcher *m_names = nullptr;
    int m_optInRun = -1; // an opt-in in flight on m_client
};
