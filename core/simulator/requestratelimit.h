#pragma once

#include <QtGlobal>

// The services the simulator answers for, each with its own rate limit.
enum class SimulatedService { ComputeOptimizer, Organizations };

// At most `perSecond` requests a second of one service, as an AWS API rate limit allows them: a
// token bucket holding one second's worth, so a quiet client may burst that many at once. Time is
// passed in, in ms from any fixed start.
class RequestRateLimit
{
public:
    void setRequestsPerSecond(double perSecond); // 0 or less: no limit (the default)
    bool isLimited() const { return m_perSecond > 0.0; }
    // Takes a token when there is one; false means the request is to be throttled.
    bool admit(qint64 nowMs);

private:
    double m_perSecond = 0.0;
    double m_tokens = 0.0;
    qint64 m_lastMs = 0;
    bool m_started = false;
};
