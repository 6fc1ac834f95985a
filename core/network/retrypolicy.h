#pragma once

#include <QString>

#include <functional>

// What went wrong with one attempt, in the terms AWS's retry rules use.
struct AttemptFailure
{
    enum class Kind { ServiceError, ConnectionError, Timeout, TruncatedResponse };
    Kind kind = Kind::ServiceError;
    int httpStatus = 0;
    QString errorCode;
};

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
    explicit RetryPolicy(int maxAttempts = DefaultMaxAttempts, std::function<double()> random = {});

    static bool isThrottling(const AttemptFailure &failure);
    static bool isRetryable(const AttemptFailure &failure);

    // Decides whether attempt number `attempt` (1-based) may be followed by another. On yes,
    // takes the quota and returns the delay; on no, returns -1.
    int retryDelayMs(const AttemptFailure &failure, int attempt);
    // A request succeeded: give back what its retries took, or a little when it needed none.
    void recordSuccess();
    // A request failed for good: what its retries took stays spent.
    void recordFailure() { m_heldForCurrentRequest = 0; }

    int maxAttempts() const { return m_maxAttempts; }
    int availableQuota() const { return m_quota; }

private:
    int m_maxAttempts;
    std::function<double()> m_random;
    int m_quota = InitialQuota;
    int m_heldForCurrentRequest = 0;
};
