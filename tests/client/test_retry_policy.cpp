#include "client/retrypolicy.h"

#include <QtTest>

namespace {

AttemptFailure serviceError(int status, const QString &code)
{
    AttemptFailure failure;
    failure.httpStatus = status;
    failure.errorCode = code;
    return failure;
}

AttemptFailure transportFailure(AttemptFailure::Kind kind)
{
    AttemptFailure failure;
    failure.kind = kind;
    return failure;
}

AttemptFailure connectionError()
{
    return transportFailure(AttemptFailure::Kind::ConnectionError);
}

} // namespace

class RetryPolicyTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldNameEveryMode_data();
    void shouldNameEveryMode();
    void shouldRefuseUnknownModeNames();
    void shouldClassifyErrorsAsEachModeDoes_data();
    void shouldClassifyErrorsAsEachModeDoes();
    void shouldRetryTransportFailuresInEveryMode();
    void shouldStopAfterMaxAttempts_data();
    void shouldStopAfterMaxAttempts();
    void shouldBackOffWithFullJitterCappedAtTwentySeconds();
    void shouldBackOffWithoutCapInLegacyMode();
    void shouldStopRetryingWhenTheQuotaIsSpent();
    void shouldNeverSpendQuotaInLegacyMode();
    void shouldRefillTheQuotaOnSuccess();
    void shouldShareOneQuotaBetweenParallelCalls();
    void shouldLimitTheSendRateOnlyInAdaptiveMode_data();
    void shouldLimitTheSendRateOnlyInAdaptiveMode();
};

void RetryPolicyTest::shouldNameEveryMode_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<RetryMode>("mode");
    QTest::addColumn<int>("attempts");
    // AWS CLI v2 defaults max_attempts to 3 and refuses legacy; botocore's legacy mode makes 5.
    QTest::newRow("legacy") << QStringLiteral("legacy") << RetryMode::Legacy << 5;
    QTest::newRow("standard") << QStringLiteral("standard") << RetryMode::Standard << 3;
    QTest::newRow("adaptive") << QStringLiteral("adaptive") << RetryMode::Adaptive << 3;
}

void RetryPolicyTest::shouldNameEveryMode()
{
    QFETCH(QString, name);
    QFETCH(RetryMode, mode);
    QFETCH(int, attempts);
    QCOMPARE(retryModeFromName(name), std::optional<RetryMode>(mode));
    QCOMPARE(retryModeName(mode), name);
    QCOMPARE(defaultMaxAttempts(mode), attempts);
}

void RetryPolicyTest::shouldRefuseUnknownModeNames()
{
    QVERIFY(!retryModeFromName(u"Standard"));
    QVERIFY(!retryModeFromName(u"fast"));
    QVERIFY(!retryModeFromName(u""));
}

void RetryPolicyTest::shouldClassifyErrorsAsEachModeDoes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("throttling");
    QTest::addColumn<bool>("standardRetries");
    QTest::addColumn<bool>("legacyRetries");
    const auto row = [](const char *name, int status, const char *code, bool throttling, bool standard, bool legacy) {
        QTest::newRow(name) << status << QString::fromLatin1(code) << throttling << standard << legacy;
    };
    row("ThrottlingException as 400", 400, "ThrottlingException", true, true, true);
    row("ThrottlingException as 429", 429, "ThrottlingException", true, true, true);
    row("bare 429", 429, "", true, true, true);
    row("STS Throttling", 400, "Throttling", true, true, true);
    row("Organizations TooManyRequestsException", 400, "TooManyRequestsException", true, true, true);
    row("SSO portal TooManyRequestsException", 429, "TooManyRequestsException", true, true, true);
    row("RequestLimitExceeded is throttling, but not in legacy", 400, "RequestLimitExceeded", true, true, false);
    row("500", 500, "InternalServerException", false, true, true);
    row("502", 502, "", false, true, true);
    row("503", 503, "ServiceUnavailableException", false, true, true);
    row("504", 504, "", false, true, true);
    row("509 only in legacy", 509, "", false, false, true);
    row("RequestTimeout, not in legacy", 400, "RequestTimeout", false, true, false);
    row("STS IDPCommunicationError only in legacy", 400, "IDPCommunicationError", false, false, true);
    row("access denied is final", 400, "AccessDeniedException", false, false, false);
    row("bad parameter is final", 400, "InvalidParameterValueException", false, false, false);
    row("bad signature is final", 403, "InvalidSignatureException", false, false, false);
}

void RetryPolicyTest::shouldClassifyErrorsAsEachModeDoes()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(bool, throttling);
    QFETCH(bool, standardRetries);
    QFETCH(bool, legacyRetries);
    const AttemptFailure failure = serviceError(status, code);
    QCOMPARE(RetryPolicy::isThrottling(failure), throttling);
    QCOMPARE(RetryPolicy(RetryMode::Standard, 3).isRetryable(failure), standardRetries);
    QCOMPARE(RetryPolicy(RetryMode::Adaptive, 3).isRetryable(failure), standardRetries);
    QCOMPARE(RetryPolicy(RetryMode::Legacy, 5).isRetryable(failure), legacyRetries);
}

void RetryPolicyTest::shouldRetryTransportFailuresInEveryMode()
{
    for (RetryMode mode : {RetryMode::Legacy, RetryMode::Standard, RetryMode::Adaptive}) {
        const RetryPolicy policy(mode, 3);
        for (auto kind : {AttemptFailure::Kind::ConnectionError, AttemptFailure::Kind::Timeout,
                          AttemptFailure::Kind::TruncatedResponse})
            QVERIFY2(policy.isRetryable(transportFailure(kind)), qPrintable(retryModeName(mode)));
    }
}

void RetryPolicyTest::shouldStopAfterMaxAttempts_data()
{
    QTest::addColumn<RetryMode>("mode");
    QTest::newRow("legacy") << RetryMode::Legacy;
    QTest::newRow("standard") << RetryMode::Standard;
    QTest::newRow("adaptive") << RetryMode::Adaptive;
}

void RetryPolicyTest::shouldStopAfterMaxAttempts()
{
    QFETCH(RetryMode, mode);
    RetryPolicy policy(mode, defaultMaxAttempts(mode), [] { return 0.5; });
    const AttemptFailure throttled = serviceError(400, QStringLiteral("ThrottlingException"));
    int held = 0;
    int attempt = 1;
    while (policy.retryDelayMs(throttled, attempt, held) >= 0)
        ++attempt;
    QCOMPARE(attempt, defaultMaxAttempts(mode));
    QCOMPARE(RetryPolicy(mode, 1).retryDelayMs(throttled, 1, held), -1);
}

void RetryPolicyTest::shouldBackOffWithFullJitterCappedAtTwentySeconds()
{
    double draw = 0.999;
    RetryPolicy policy(RetryMode::Standard, 50, [&] { return draw; });
    const AttemptFailure failure = connectionError();
    int held = 0;
    QCOMPARE(policy.retryDelayMs(failure, 1, held), 999);    // rand * 2^0 s
    QCOMPARE(policy.retryDelayMs(failure, 2, held), 1998);   // rand * 2^1 s
    QCOMPARE(policy.retryDelayMs(failure, 4, held), 7992);   // rand * 2^3 s
    QCOMPARE(policy.retryDelayMs(failure, 10, held), 19980); // capped at 20 s
    draw = 0.0;
    QCOMPARE(policy.retryDelayMs(failure, 10, held), 0);
}

void RetryPolicyTest::shouldBackOffWithoutCapInLegacyMode()
{
    RetryPolicy policy(RetryMode::Legacy, 50, [] { return 0.5; });
    const AttemptFailure failure = serviceError(503, QString());
    int held = 0;
    QCOMPARE(policy.retryDelayMs(failure, 1, held), 500);
    QCOMPARE(policy.retryDelayMs(failure, 4, held), 4000);
    QCOMPARE(policy.retryDelayMs(failure, 7, held), 32000); // standard would stop at 20 s
    QCOMPARE(policy.retryDelayMs(failure, 49, held), std::numeric_limits<int>::max());
    QCOMPARE(held, 0);
}

void RetryPolicyTest::shouldStopRetryingWhenTheQuotaIsSpent()
{
    RetryPolicy policy(RetryMode::Standard, 1000, [] { return 0.0; });
    const AttemptFailure failure = serviceError(503, QString());
    int held = 0;
    int retries = 0;
    while (policy.retryDelayMs(failure, 1, held) >= 0)
        ++retries;
    QCOMPARE(retries, RetryPolicy::InitialQuota / RetryPolicy::RetryCost);
    QCOMPARE(policy.availableQuota(), 0);
    QCOMPARE(held, RetryPolicy::InitialQuota);

    RetryPolicy timeouts(RetryMode::Adaptive, 1000, [] { return 0.0; });
    held = 0;
    retries = 0;
    while (timeouts.retryDelayMs(transportFailure(AttemptFailure::Kind::Timeout), 1, held) >= 0)
        ++retries;
    QCOMPARE(retries, RetryPolicy::InitialQuota / RetryPolicy::TimeoutRetryCost);
}

void RetryPolicyTest::shouldNeverSpendQuotaInLegacyMode()
{
    RetryPolicy policy(RetryMode::Legacy, 1000, [] { return 0.0; });
    const AttemptFailure failure = serviceError(503, QString());
    int held = 0;
    for (int i = 0; i < 2 * RetryPolicy::InitialQuota; ++i)
        QCOMPARE(policy.retryDelayMs(failure, 1, held), 0);
    QCOMPARE(held, 0);
    QCOMPARE(policy.availableQuota(), RetryPolicy::InitialQuota);
}

void RetryPolicyTest::shouldRefillTheQuotaOnSuccess()
{
    RetryPolicy policy(RetryMode::Standard, 3, [] { return 0.0; });
    const AttemptFailure failure = serviceError(500, QString());
    int held = 0;
    QVERIFY(policy.retryDelayMs(failure, 1, held) >= 0);
    QCOMPARE(held, RetryPolicy::RetryCost);
    QCOMPARE(policy.availableQuota(), RetryPolicy::InitialQuota - RetryPolicy::RetryCost);
    policy.recordSuccess(held);
    QCOMPARE(policy.availableQuota(), RetryPolicy::InitialQuota);

    held = 0;
    QVERIFY(policy.retryDelayMs(failure, 1, held) >= 0); // this call then fails for good: held is dropped
    policy.recordSuccess(0); // a clean success refunds only its own small increment
    QCOMPARE(policy.availableQuota(), RetryPolicy::InitialQuota - RetryPolicy::RetryCost + 1);
}

void RetryPolicyTest::shouldShareOneQuotaBetweenParallelCalls()
{
    RetryPolicy policy(RetryMode::Adaptive, 1000, [] { return 0.0; });
    const AttemptFailure failure = serviceError(503, QString());
    int heldByFirst = 0;
    int heldBySecond = 0;
    for (int i = 0; i < 30; ++i)
        QVERIFY(policy.retryDelayMs(failure, 1, heldByFirst) >= 0);
    QCOMPARE(heldByFirst, 30 * RetryPolicy::RetryCost);
    QCOMPARE(policy.availableQuota(), RetryPolicy::InitialQuota - 30 * RetryPolicy::RetryCost);

    // The second call finds only what the first left, and stops when that is gone.
    int retries = 0;
    while (policy.retryDelayMs(failure, 1, heldBySecond) >= 0)
        ++retries;
    QCOMPARE(retries, 70);
    QCOMPARE(policy.availableQuota(), 0);

    // The first call succeeding gives back exactly its share; the second one's stays spent.
    policy.recordSuccess(heldByFirst);
    QCOMPARE(policy.availableQuota(), 30 * RetryPolicy::RetryCost);
    int heldByThird = 0;
    QVERIFY(policy.retryDelayMs(failure, 1, heldByThird) >= 0);
    QCOMPARE(heldByThird, RetryPolicy::RetryCost);
}

void RetryPolicyTest::shouldLimitTheSendRateOnlyInAdaptiveMode_data()
{
    QTest::addColumn<RetryMode>("mode");
    QTest::addColumn<bool>("limits");
    QTest::newRow("legacy") << RetryMode::Legacy << false;
    QTest::newRow("standard") << RetryMode::Standard << false;
    QTest::newRow("adaptive") << RetryMode::Adaptive << true;
}

void RetryPolicyTest::shouldLimitTheSendRateOnlyInAdaptiveMode()
{
    QFETCH(RetryMode, mode);
    QFETCH(bool, limits);
    RetryPolicy policy(mode, 3);
    QCOMPARE(policy.mode(), mode);
    // A throttle storm at 20 answers a second, then eight callers asking at once.
    qint64 now = 10'000;
    for (int i = 0; i < 60; ++i, now += 50)
        policy.recordResponse(now, i >= 20);
    QCOMPARE(policy.rateLimiter().isEnabled(), limits);
    qint64 longestWait = 0;
    for (int caller = 0; caller < 8; ++caller)
        longestWait = std::max(longestWait, policy.acquireSendMs(now));
    QCOMPARE(longestWait > 0, limits);
}

QTEST_GUILESS_MAIN(RetryPolicyTest)
#include "test_retry_policy.moc"
