#include "network/optinpoll.h"

#include <algorithm>

OptInPoll::OptInPoll(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        ++m_round;
        Q_EMIT rereadDue(m_round);
    });
}

void OptInPoll::start()
{
    m_running = true;
    m_round = 0;
    m_quietRounds = 0;
    m_quietMs = 0;
    m_last.clear();
    m_delayMs = m_settings.firstDelayMs;
    m_timer.start(m_delayMs);
}

void OptInPoll::stop()
{
    if (m_running)
        finish(StopReason::Stopped);
}

void OptInPoll::observe(const QList<int> &fingerprint, int stillMoving)
{
    if (!m_running)
        return;
    const bool moved = m_last.isEmpty() || fingerprint != m_last;
    m_last = fingerprint;
    if (stillMoving == 0) {
        finish(StopReason::Settled);
        return;
    }
    scheduleNext(moved);
}

void OptInPoll::observeFailure()
{
    if (m_running)
        scheduleNext(false);
}

void OptInPoll::scheduleNext(bool moved)
{
    if (moved) {
        m_quietRounds = 0;
        m_quietMs = 0;
        m_delayMs = m_settings.firstDelayMs; // things are moving: look again soon
    } else {
        ++m_quietRounds;
        m_quietMs += m_delayMs;
        m_delayMs = std::min(m_settings.longestDelayMs, int(m_delayMs * m_settings.backoff));
    }
    if (m_quietRounds >= m_settings.quietRounds) {
        finish(StopReason::NothingMoved);
        return;
    }
    if (m_round >= m_settings.maxRounds) {
        finish(StopReason::TooManyRounds);
        return;
    }
    m_timer.start(m_delayMs);
}

void OptInPoll::finish(StopReason reason)
{
    m_timer.stop();
    m_running = false;
    Q_EMIT stopped(reason);
}
