#include "client/retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

bool isOneOf(const QString &code, std::initializer_list<QStringView> codes)
{
    return std::any_of(codes.begin(), codes.end(), [&](QStringView c) { return code == c; });
}

bool isTransportFailure(const AttemptFailure &failure)
{
    return failure.kind != AttemptFailure::Kind::ServiceError;
}

bool isStandardRetryable(const AttemptFailure &failure)
{
    if (isTransportFailure(failure) || RetryPolicy::isThrottling(failure))
        return true;
    if (isOneOf(failure.errorCode, {u"RequestTimeout", u"RequestTimeoutException", u"PriorRequestNotComplete",
                                    u"InternalServerException", u"ServiceUnavailableException"}))
        return true;
    return failure.httpStatus == 500 || failure.httpStatus == 502 || failure.httpStatus == 503
        || failure.httpStatus == 504;
}

bool isLegacyRetryable(const AttemptFailure &failure)
{
    if (isTransportFailure(failure))
        return true;
    const int status = failure.httpStatus;
    if (status == 429 || status == 500 || status == 502 || status == 503 || status == 504 || status == 509)
        return true;
    // botocore's default policies, plus the ones it adds for Organizations (TooManyRequestsException)
    // and STS (IDPCommunicationError), the only services here that send those codes.
    return status == 400
        && isOneOf(failure.errorCode,
                   {u"Throttling", u"ThrottlingException", u"ThrottledException", u"RequestThrottledException",
                    u"ProvisionedThroughputExceededException", u"TooManyRequestsException",
                    u"IDPCommunicationError"});
}

int clampedMs(double ms)
{
    return int(std::min(std::floor(ms), double(std::numeric_limits<int>::max())));
}

} // namespace

RetryPolicy::RetryPolicy(RetryMode mode, int maxAttempts, std::function<double()> random)
    : m_mode(mode)
    , m_maxAttempts(std::max(1, maxAttempts))
    , m_random(random ? std::move(random) : [] { return QRandomGenerator::global()->generateDouble(); })
{
}

bool RetryPolicy::isThrottling(const AttemptFailure &failure)
{
    // botocore's union of throttling codes; the service may send ThrottlingException as 400 or 429.
    return failure.httpStatus == 429
        || isOneOf(failure.errorCode,
                   {u"Throttling", u"ThrottlingException", u"ThrottledException", u"RequestThrottledException",
                    u"TooManyRequestsException", u"ProvisionedThroughputExceededException",
                    u"TransactionInProgressException", u"RequestLimitExceeded", u"BandwidthLimitExceeded",
                    u"LimitExceededException", u"RequestThrottled", u"SlowDown", u"PriorRequestNotComplete",
                    u"EC2ThrottledException"});
}

bool RetryPolicy::isRetryable(const AttemptFailure &failure) const
{
    return m_mode == RetryMode::Legacy ? isLegacyRetryable(failure) : isStandardRetryable(failure);
}

int RetryPolicy::retryDelayMs(const AttemptFailure &failure, int attempt, int &heldQuota)
{
    if (attempt >= m_maxAttempts || !isRetryable(failure))
        return -1;
    // 2^(attempt-1) s, computed in double so that a large attempt number cannot overflow.
    const double exponentialMs = 1000.0 * std::pow(2.0, std::min(attempt - 1, 60));
    if (m_mode == RetryMode::Legacy)
        return clampedMs(m_random() * exponentialMs);

    const int cost = failure.kind == AttemptFailure::Kind::Timeout ? TimeoutRetryCost : RetryCost;
    if (cost > m_quota)
        return -1;
    m_quota -= cost;
    heldQuota += cost;
    return clampedMs(m_random() * std::min<double>(MaxBackoffMs, exponentialMs));
}

void RetryPolicy::recordSuccess(int heldQuota)
{
    if (m_mode == RetryMode::Legacy)
        return;
    m_quota = std::min(InitialQuota, m_quota + (heldQuota > 0 ? heldQuota : NoRetryIncrement));
}

qint64 RetryPolicy::acquireSendMs(qint64 nowMs)
{
    return isRateLimited() ? m_rateLimiter.acquireSendMs(nowMs) : 0;
}

void RetryPolicy::recordResponse(qint64 nowMs, bool throttled, qint64 sentAtMs)
{
    if (isRateLimited())
        m_rateLimiter.recordResponse(nowMs, throttled, sentAtMs);
}
