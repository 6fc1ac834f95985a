#pragma once

#include "client/attemptfailure.h"
#include "client/clientratelimiter.h"
#include "client/retrymode.h"

#include <QtGlobal>

#include <functional>

// The retry rules of one AWS service in one Region, shared by every caller of that service for a
// whole load, as the SDKs share them. Use it from one thread.
//  - standard: throttling, transient and connection errors are retried with full-jitter
//    exponential backoff capped at 20 s, drawing on a retry quota so that a service that is down
//    is not hammered;
//  - adaptive: standard, plus a client-side rate limiter that slows down when throttled;
//  - legacy: botocore's legacy rules (data/_retry.json): fewer errors retried, backoff without a
//    cap, no quota.
// A call's own share of the quota (heldQuota) lives with the call.
class RetryPolicy
{
public:
    static constexpr int MaxBackoffMs = 20'000;
    static constexpr int InitialQuota = 500;
    static constexpr int RetryCost = 5;
    static constexpr int TimeoutRetryCost = 10;
    static constexpr int NoRetryIncrement = 1;

    // random() returns a value in [0, 1); injected so tests can pin the jitter.
    RetryPolicy(RetryMode mode, int maxAttempts, std::function<double()> random = {});

    static bool isThrottling(const AttemptFailure &failure);
    bool isRetryable(const AttemptFailure &failure) const;

    // Decides whether attempt number `attempt` (1-based) may be followed by another. Yes: returns
    // the delay in ms and adds what it took from the shared quota to heldQuota. No: returns -1.
    int retryDelayMs(const AttemptFailure &failure, int attempt, int &heldQuota);
    // A call succeeded: give back what its retries held, or a little when it needed none.
    // A call that fails for good simply drops its heldQuota: that stays spent.
    void recordSuccess(int heldQuota);

    // Adaptive mode, or once limitRate() was called; otherwise acquireSendMs returns 0 and
    // recordResponse does nothing.
    qint64 acquireSendMs(qint64 nowMs);
    void recordResponse(qint64 nowMs, bool throttled, qint64 sentAtMs = -1);

    // Turns the rate limiter on in any mode (it still never delays before the first throttle),
    // with the steady probing of a service with a low quota.
    void limitRate()
    {
        m_rateLimited = true;
        m_rateLimiter.setProbing(ClientRateLimiter::Probing::Steady);
    }
    bool isRateLimited() const { return m_rateLimited || m_mode == RetryMode::Adaptive; }

    RetryMode mode() const { return m_mode; }
    int maxAttempts() const { return m_maxAttempts; }
    int availableQuota() const { return m_quota; }
    const ClientRateLimiter &rateLimiter() const { return m_rateLimiter; }

private:
    RetryMode m_mode;
    int m_maxAttempts;
    std::function<double()> m_random;
    int m_quota = InitialQuota;
    bool m_rateLimited = false;
    ClientRateLimiter m_rateLimiter;
};
