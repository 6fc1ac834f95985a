#pragma once

#include <QtGlobal>

// The client-side rate limiter of AWS's adaptive retry mode: a token bucket whose fill rate
// drops by a factor on every throttled answer and recovers along a CUBIC curve, never above
// twice the rate the client is measured to send at. Time is passed in; there is no clock and
// no lock. The limiter's clock starts at the first call it gets.
class ClientRateLimiter
{
public:
    // 0: a token is taken, send now. Otherwise nothing is taken: ask again after that many ms,
    // when a token should be there at the current rate. As in botocore, a waiting caller holds no
    // token, so a throttle that lowers the rate slows the callers already waiting too. Before the
    // first throttle it never delays.
    qint64 acquireSendMs(qint64 nowMs);
    // Every answer (throttled or not) updates the measured rate and CUBIC.
    void recordResponse(qint64 nowMs, bool throttled);
    double currentRate() const { return m_fillRate; } // tokens/s the bucket allows now
    double measuredRate() const { return m_measuredRate; } // answers/s, smoothed
    bool isEnabled() const { return m_enabled; }       // true after the first throttle

private:
    void startAt(double now);
    void refill(double now);
    void setMaxRate(double now, double rate);
    double measureAnswer(double now);

    bool m_started = false;
    bool m_enabled = false;

    // Token bucket.
    double m_fillRate = 1.0;
    double m_maxCapacity = 1.0;
    double m_capacity = 0.0;
    double m_lastRefill = 0.0;

    // CUBIC: the rate at the last throttle, when the curve returns to it, and when that was.
    double m_rateAtThrottle = 0.0;
    double m_recoverySeconds = 0.0;
    double m_lastThrottle = 0.0;

    // Measured send rate, counted in half-second buckets and smoothed.
    double m_measuredRate = 0.0;
    double m_lastBucket = 0.0;
    int m_answersInBucket = 0;
};
