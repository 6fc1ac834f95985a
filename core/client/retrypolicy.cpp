#include "client/retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace {

bool isOneOf(const QString &code, std::initializer_list<QStringView> codes)
{
    return std::any_of(codes.begin(), codes.end(), [&](QStringView c) { return code == c; });
}

} // namespace

RetryPolicy::RetryPolicy(RetryMode mode, int maxAttempts, std::function<double()> random)
    : m_maxAttempts(std::max(1, maxAttempts))
    , m_random(random ? std::move(random) : [] { return QRandomGenerator::global()->generateDouble(); })
    , m_mode(mode)
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

bool RetryPolicy::isRetryable(const AttemptFailure &failure)
{
    if (failure.kind != AttemptFailure::Kind::ServiceError)
        return true;
    if (isThrottling(failure))
        return true;
    if (isOneOf(failure.errorCode, {u"RequestTimeout", u"RequestTimeoutException", u"PriorRequestNotComplete",
                                    u"InternalServerException", u"ServiceUnavailableException"}))
        return true;
    return failure.httpStatus == 500 || failure.httpStatus == 502 || failure.httpStatus == 503
        || failure.httpStatus == 504;
}

int RetryPolicy::retryDelayMs(const AttemptFailure &failure, int attempt, int &heldQuota)
{
    if (attempt >= m_maxAttempts || !isRetryable(failure))
        return -1;
    const int cost = failure.kind == AttemptFailure::Kind::Timeout ? TimeoutRetryCost : RetryCost;
    if (cost > m_quota)
        return -1;
    m_quota -= cost;
    heldQuota += cost;

    const double ceilingMs = std::min<double>(MaxBackoffMs, 1000.0 * std::pow(2.0, attempt - 1));
    return int(std::floor(m_random() * ceilingMs));
}

void RetryPolicy::recordSuccess(int heldQuota)
{
    m_quota = std::min(InitialQuota, m_quota + (heldQuota > 0 ? heldQuota : 1));
}

qint64 RetryPolicy::reserveSendMs(qint64)
{
    return 0;
}

void RetryPolicy::recordResponse(qint64, bool)
{
}
