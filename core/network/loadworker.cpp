#include "network/loadworker.h"

#include "client/awsclient.h"
#include "network/accountnamesfetcher.h"
#include "network/enrollmentfetcher.h"

#include <utility>

LoadWorker::LoadWorker(std::shared_ptr<const Clock> clock)
    : m_clock(std::move(clock))
{
}

LoadWorker::~LoadWorker() = default;

AwsClient *LoadWorker::clientFor(const EnrollmentQuery &query)
{
    // With the old client go its fetchers and every call still in flight. An opt-in among them
    // never gets its answer, and AWS may have acted on it: say so rather than leave it hanging.
    if (m_optInRun >= 0)
        Q_EMIT optInRefused({QStringLiteral("A new load started before AWS answered the opt-in, so its answer was "
                                            "lost. It may have taken effect: look at the statuses once the list has "
                                            "loaded, and opt in again if they have not changed."),
                             false},
                            std::exchange(m_optInRun, -1));
    delete m_client;
    m_client = new AwsClient(query.client, m_clock, this);
    if (m_random)
        m_client->setRandomSource(m_random);

    m_fetcher = new EnrollmentFetcher(m_client, m_client);
    connect(m_fetcher, &EnrollmentFetcher::pageReceived, this, &LoadWorker::pageReceived);
    connect(m_fetcher, &EnrollmentFetcher::progressChanged, this, &LoadWorker::progressChanged);
    connect(m_fetcher, &EnrollmentFetcher::finished, this, &LoadWorker::finished);
    connect(m_fetcher, &EnrollmentFetcher::failed, this, &LoadWorker::failed);

    m_names = new AccountNamesFetcher(m_client, m_client);
    connect(m_names, &AccountNamesFetcher::namesReceived, this, &LoadWorker::namesReceived);
    connect(m_names, &AccountNamesFetcher::finished, this, &LoadWorker::namesFinished);
    connect(m_names, &AccountNamesFetcher::unavailable, this, &LoadWorker::namesUnavailable);
    connect(m_names, &AccountNamesFetcher::organizationTreeReceived, this, &LoadWorker::organizationTreeReceived);
    connect(m_names, &AccountNamesFetcher::organizationTreeUnavailable, this,
            &LoadWorker::organizationTreeUnavailable);
    return m_client;
}

void LoadWorker::start(const EnrollmentQuery &query, int run, int namesRun)
{
    clientFor(query);
    m_fetcher->start(query, run);
    if (query.includeAccountNames && query.organizations.isValid())
        m_names->start(query, namesRun);
}

void LoadWorker::resume(int run)
{
    if (m_fetcher)
        m_fetcher->resume(run);
}

void LoadWorker::cancel()
{
    if (m_fetcher)
        m_fetcher->cancel();
    if (m_names)
        m_names->cancel();
}

void LoadWorker::fetchOwnEnrollment(const EnrollmentQuery &query, int run)
{
    if (!m_client)
        clientFor(query);
    ::fetchOwnEnrollment(*m_client, query, [this, run](const Expected<OwnEnrollment> &own) {
        if (own)
            Q_EMIT ownEnrollmentReceived(own.value(), run);
        else
            Q_EMIT ownEnrollmentFailed(own.error(), run);
    });
}

void LoadWorker::reread(const EnrollmentQuery &query, int run)
{
    if (!m_client)
        clientFor(query);
    m_fetcher->start(query, run);
}

void LoadWorker::checkOptIn(const EnrollmentQuery &query, int run)
{
    if (!m_client)
        clientFor(query);
    ::checkOptIn(*m_client, query, [this, run](const OptInCheck &check) { Q_EMIT optInChecked(check, run); });
}

void LoadWorker::optIn(const EnrollmentQuery &query, bool includeMembers, int run)
{
    if (!m_client)
        clientFor(query);
    m_optInRun = run;
    requestOptIn(*m_client, query, includeMembers, [this, run](const Expected<OptInAccepted, OptInRefused> &result) {
        m_optInRun = -1;
        if (result)
            Q_EMIT optInAccepted(result.value(), run);
        else
            Q_EMIT optInRefused(result.error(), run);
    });
}
