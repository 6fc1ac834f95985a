#pragma once

#include <QtGlobal>

#include <deque>

// The client-side rate limiter of AWS's adaptive retry mode: a token bucket whose fill rate
// drops by a factor on every throttled answer and recovers along a CUBIC curve, never above
// twice the rate the client is measured to send at. Time is passed in; there is no clock and
// no lock. The limiter's clock starts at the first call it gets.
class ClientRateLimiter
{
public:
    enum class Probing {
        // botocore's adaptive mode, constant for constant.
        Botocore,
        // For a service with a quota of a few requests a second (Organizations). botocore's curve
        // probes above the rate it was throttled at about every two seconds, a throttle every ten
        // requests at 5 a second, and its half-second count of all answers swings by a quarter
        // at that rate. Here the rate at a throttle is the successful answers of the last two
        // seconds, throttles of requests sent before the last cut are the same event and cut
        // nothing more, and the curve rests at that rate for as long as 20 requests take before
        // probing higher (4 s at most). Until the service has let 4 requests through in those two
        // seconds, a throttle is handled as botocore does.
        Steady,
    };
    void setProbing(Probing probing) { m_probing = probing; }
    Probing probing() const { return m_probing; }

    // 0: a token is taken, send now. Otherwise nothing is taken: ask again after that many ms,
    // when a token should be there at the current rate. As in botocore, a waiting caller holds no
    // token, so a throttle that lowers the rate slows the callers already waiting too. Before the
    // first throttle it never delays.
    qint64 acquireSendMs(qint64 nowMs);
    // Every answer (throttled or not) updates the measured rate and CUBIC. sentAtMs: when the
    // request was sent, on the same clock; -1 when unknown.
    void recordResponse(qint64 nowMs, bool throttled, qint64 sentAtMs = -1);
    double currentRate() const { return m_fillRate; } // tokens/s the bucket allows now
    double measuredRate() const { return m_measuredRate; } // answers/s, smoothed
    bool isEnabled() const { return m_enabled; }       // true after the first throttle

private:
    void startAt(double now);
    void refill(double now);
    void setMaxRate(double now, double rate);
    double measureAnswer(double now);
    // Steady: the successful answers of the last two seconds, kept up to date at every answer.
    void countSuccess(double now, bool succeeded);
    double rateAtThrottle(double measured) const;
    double restAfterRecovery() const;

    Probing m_probing = Probing::Botocore;
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

    // Steady: when the successful answers of the last two seconds came.
    std::deque<double> m_successes;
    bool m_restsAfterThrottle = false; // the last throttle came with a measured rate to rest at
};
