#include "loadtracker.h"

#include "network/loadsession.h"
#include "pagequeue.h"

LoadTracker::LoadTracker(LoadSession *session, PageQueue *pages, QObject *parent)
    : QObject(parent)
    , m_pages(pages)
{
    connect(session, &LoadSession::ended, this, &LoadTracker::onEnded);
    connect(m_pages, &PageQueue::drained, this, &LoadTracker::onDrained);
}

void LoadTracker::start(const QString &profileText, const QString &region)
{
    m_status = LoadStatus{};
    m_status.profileText = profileText;
    m_status.region = region;
    m_stateAfterPages = LoadStatus::State::Loading;
    setState(LoadStatus::State::Loading);
}

void LoadTracker::failQuery(const QString &profileText, const QString &region, const QString &error)
{
    m_status = LoadStatus{};
    m_status.profileText = profileText;
    m_status.region = region;
    m_status.queryError = error;
    m_stateAfterPages = LoadStatus::State::Loading;
    setState(LoadStatus::State::QueryFailed);
}

void LoadTracker::resume()
{
    if (m_status.state != LoadStatus::State::Failed)
        return;
    m_status.failure = {};
    m_status.canResume = false;
    setState(LoadStatus::State::Loading);
}

void LoadTracker::onEnded(const LoadOutcome &outcome)
{
    if (m_status.state != LoadStatus::State::Loading)
        return;
    switch (outcome.state) {
    case LoadOutcome::State::Complete:
        m_stateAfterPages = LoadStatus::State::Loaded;
        break;
    case LoadOutcome::State::Incomplete:
        m_status.failure = outcome.failure;
        m_status.canResume = outcome.canResume;
        m_stateAfterPages = LoadStatus::State::Failed;
        break;
    case LoadOutcome::State::Cancelled:
        // Stop means stop: pages that arrived but are not in the table yet are dropped with the rest.
        m_pages->clear();
        m_stateAfterPages = LoadStatus::State::Loading;
        setState(LoadStatus::State::Cancelled);
        return;
    }
    if (m_pages->isEmpty())
        endLoad();
}

void LoadTracker::onDrained()
{
    if (m_status.state == LoadStatus::State::Loading && m_stateAfterPages != LoadStatus::State::Loading)
        endLoad();
}

void LoadTracker::endLoad()
{
    const LoadStatus::State state = m_stateAfterPages;
    m_stateAfterPages = LoadStatus::State::Loading;
    if (state == LoadStatus::State::Loaded)
        m_status.loadedAt = QDateTime::currentDateTime();
    setState(state);
}

void LoadTracker::setState(LoadStatus::State state)
{
    m_status.state = state;
    Q_EMIT changed();
}
