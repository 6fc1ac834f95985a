#include "client/clientratelimiter.h"

#include <algorithm>
#include <cmath>

namespace {

// The constants of botocore's adaptive mode (retries/bucket.py, throttling.py, adaptive.py).
constexpr double MinFillRate = 0.5;
constexpr double CubicScale = 0.4;
constexpr double CubicBeta = 0.7;
constexpr double MaxRateOverMeasured = 2.0;
constexpr double Smoothing = 0.8;
constexpr double BucketSeconds = 0.5;
// Steady probing.
constexpr double SuccessWindowSeconds = 2.0;
constexpr double RestRequests = 20.0;
constexpr double MaxRestSeconds = 4.0;
// Fewer successes than this in the window (the first throttles of a load) say nothing about the
// rate the service allows: botocore's rules apply to that throttle.
constexpr std::size_t MinSuccessesForARate = 4;

double seconds(qint64 ms)
{
    return double(ms) / 1000.0;
}

double recoverySeconds(double rateAtThrottle)
{
    return std::cbrt(rateAtThrottle * (1.0 - CubicBeta) / CubicScale);
}

} // namespace

void ClientRateLimiter::startAt(double now)
{
    if (m_started)
        return;
    m_started = true;
    m_lastRefill = now;
    m_lastThrottle = now;
    m_lastBucket = std::floor(now);
}

void ClientRateLimiter::refill(double now)
{
    const double elapsed = std::max(0.0, now - m_lastRefill);
    m_capacity = std::min(m_maxCapacity, m_capacity + elapsed * m_fillRate);
    m_lastRefill = std::max(m_lastRefill, now);
}

void ClientRateLimiter::setMaxRate(double now, double rate)
{
    refill(now);
    m_fillRate = std::max(rate, MinFillRate);
    m_maxCapacity = std::max(rate, 1.0);
    m_capacity = std::min(m_capacity, m_maxCapacity);
}

double ClientRateLimiter::measureAnswer(double now)
{
    const double bucket = std::floor(now / BucketSeconds) * BucketSeconds;
    ++m_answersInBucket;
    if (bucket > m_lastBucket) {
        const double rate = m_answersInBucket / (bucket - m_lastBucket);
        m_measuredRate = rate * Smoothing + m_measuredRate * (1.0 - Smoothing);
        m_answersInBucket = 0;
        m_lastBucket = bucket;
    }
    return m_measuredRate;
}

qint64 ClientRateLimiter::acquireSendMs(qint64 nowMs)
{
    const double now = seconds(nowMs);
    startAt(now);
    if (!m_enabled)
        return 0;
    refill(now);
    if (m_capacity >= 1.0) {
        m_capacity -= 1.0;
        return 0;
    }
    return std::max<qint64>(1, qint64(std::ceil((1.0 - m_capacity) / m_fillRate * 1000.0)));
}

void ClientRateLimiter::countSuccess(double now, bool succeeded)
{
    if (m_probing != Probing::Steady)
        return;
    if (succeeded)
        m_successes.push_back(now);
    while (!m_successes.empty() && m_successes.front() <= now - SuccessWindowSeconds)
        m_successes.pop_front();
}

double ClientRateLimiter::rateAtThrottle(double measured) const
{
    const double sent = m_restsAfterThrottle ? double(m_successes.size()) / SuccessWindowSeconds : measured;
    // Before the bucket is in use its rate means nothing; the measured rate is what was sent.
    return m_enabled ? std::min(sent, m_fillRate) : sent;
}

double ClientRateLimiter::restAfterRecovery() const
{
    return m_restsAfterThrottle ? std::min(MaxRestSeconds, RestRequests / std::max(m_rateAtThrottle, 1.0)) : 0.0;
}

void ClientRateLimiter::recordResponse(qint64 nowMs, bool throttled, qint64 sentAtMs)
{
    const double now = seconds(nowMs);
    startAt(now);
    const double measured = measureAnswer(now);
    countSuccess(now, !throttled);
    double newRate = 0.0;
    if (throttled) {
        if (m_probing == Probing::Steady && m_enabled && sentAtMs >= 0 && seconds(sentAtMs) < m_lastThrottle)
            return;
        m_restsAfterThrottle = m_probing == Probing::Steady && m_successes.size() >= MinSuccessesForARate;
        m_rateAtThrottle = rateAtThrottle(measured);
        m_recoverySeconds = recoverySeconds(m_rateAtThrottle);
        m_lastThrottle = now;
        newRate = m_rateAtThrottle * CubicBeta;
        m_enabled = true;
    } else {
        double sinceRecovery = now - m_lastThrottle - m_recoverySeconds;
        if (sinceRecovery > 0.0)
            sinceRecovery = std::max(0.0, sinceRecovery - restAfterRecovery());
        newRate = CubicScale * std::pow(sinceRecovery, 3.0) + m_rateAtThrottle;
    }
    setMaxRate(now, std::min(newRate, MaxRateOverMeasured * measured));
}
