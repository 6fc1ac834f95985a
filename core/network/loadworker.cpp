#include "network/loadworker.h"

#include "client/awsclient.h"
#include "network/accountnamesfetcher.h"
#include "network/enrollmentfetcher.h"

LoadWorker::LoadWorker(std::shared_ptr<const Clock> clock)
    : m_clock(std::move(clock))
{
}

LoadWorker::~LoadWorker() = default;

AwsClient *LoadWorker::clientFor(const EnrollmentQuery &query)
{
    // With the old client go its fetchers and every call still in flight.
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
