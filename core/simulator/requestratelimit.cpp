#include "simulator/requestratelimit.h"

#include <algorithm>

void RequestRateLimit::setRequestsPerSecond(double perSecond)
{
    m_perSecond = std::max(0.0, perSecond);
    m_started = false;
}

bool RequestRateLimit::admit(qint64 nowMs)
{
    if (!isLimited())
        return true;
    const double capacity = std::max(1.0, m_perSecond);
    if (!m_started) {
        m_started = true;
        m_tokens = capacity;
        m_lastMs = nowMs;
    }
    const qint64 elapsedMs = std::max<qint64>(0, nowMs - m_lastMs);
    m_tokens = std::min(capacity, m_tokens + double(elapsedMs) * m_perSecond / 1000.0);
    m_lastMs = std::max(m_lastMs, nowMs);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}
