#pragma once

#include "client/attemptfailure.h"
#include "client/retrymode.h"

#include <QString>

#include <functional>


// AWS "standard" retry mode: throttling, transient and connection errors are retried with
// full-jitter exponential backoff capped at 20 s, drawing on a shared retry quota so that a
// service that is down is not hammered.
class RetryPolicy
{
public:
    static constexpr int DefaultMaxAttempts = 3;
    static constexpr int MaxBackoffMs = 20'000;
    static constexpr int InitialQuota = 500;
    static constexpr int RetryCost = 5;
    static constexpr int TimeoutRetryCost = 10;

    // random() returns a value in [0, 1); injected so tests can pin the jitter.
    RetryPolicy(RetryMode mode, int maxAttempts, std::function<double()> random = {});

    static bool isThrottling(const AttemptFailure &failure);
    static bool isRetryable(const AttemptFailure &failure);

    // Decides whether attempt number `attempt` (1-based) may be followed by another. On yes,
    // takes the quota and returns the delay; on no, returns -1.
    int retryDelayMs(const AttemptFailure &failure, int attempt, int &heldQuota);
    // A request succeeded: give back what its retries took, or a little when it needed none.
    void recordSuccess(int heldQuota);
    qint64 reserveSendMs(qint64 nowMs);
    void recordResponse(qint64 nowMs, bool throttled);
    RetryMode mode() const { return m_mode; }

    int maxAttempts() const { return m_maxAttempts; }
    int availableQuota() const { return m_quota; }

private:
    int m_maxAttempts;
    std::function<double()> m_random;
    int m_quota = InitialQuota;
    RetryMode m_mode;
};
