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

AttemptFailure connectionError()
{
    AttemptFailure failure;
    failure.kind = AttemptFailure::Kind::ConnectionError;
    return failure;
}

} // namespace

class RetryPolicyTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldClassifyErrorsAsAwsStandardModeDoes_data();
    void shouldClassifyErrorsAsAwsStandardModeDoes();
    void shouldStopAfterMaxAttempts();
    void shouldBackOffWithFullJitterCappedAtTwentySeconds();
    void shouldStopRetryingWhenTheQuotaIsSpent();
    void shouldRefillTheQuotaOnSuccess();
};

void RetryPolicyTest::shouldClassifyErrorsAsAwsStandardModeDoes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<bool>("throttling");
    QTest::newRow("ThrottlingException as 400") << 400 << QStringLiteral("ThrottlingException") << true << true;
    QTest::newRow("ThrottlingException as 429") << 429 << QStringLiteral("ThrottlingException") << true << true;
    QTest::newRow("bare 429") << 429 << QString() << true << true;
    QTest::newRow("500") << 500 << QStringLiteral("InternalServerException") << true << false;
    QTest::newRow("502") << 502 << QString() << true << false;
    QTest::newRow("503") << 503 << QStringLiteral("ServiceUnavailableException") << true << false;
    QTest::newRow("504") << 504 << QString() << true << false;
    QTest::newRow("RequestTimeout") << 400 << QStringLiteral("RequestTimeout") << true << false;
    QTest::newRow("access denied is final") << 400 << QStringLiteral("AccessDeniedException") << false << false;
    QTest::newRow("bad parameter is final") << 400 << QStringLiteral("InvalidParameterValueException") << false
                                            << false;
    QTest::newRow("bad signature is final") << 403 << QStringLiteral("InvalidSignatureException") << false << false;
}

void RetryPolicyTest::shouldClassifyErrorsAsAwsStandardModeDoes()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(bool, retryable);
    QFETCH(bool, throttling);
    QCOMPARE(RetryPolicy::isRetryable(serviceError(status, code)), retryable);
    QCOMPARE(RetryPolicy::isThrottling(serviceError(status, code)), throttling);
    QVERIFY(RetryPolicy::isRetryable(connectionError()));
}

void RetryPolicyTest::shouldStopAfterMaxAttempts()
{
    RetryPolicy policy(3, [] { return 0.5; });
    const AttemptFailure throttled = serviceError(400, QStringLiteral("ThrottlingException"));
    QVERIFY(policy.retryDelayMs(throttled, 1) >= 0);
    QVERIFY(policy.retryDelayMs(throttled, 2) >= 0);
    QCOMPARE(policy.retryDelayMs(throttled, 3), -1);
    QCOMPARE(RetryPolicy(1).retryDelayMs(throttled, 1), -1);
}

void RetryPolicyTest::shouldBackOffWithFullJitterCappedAtTwentySeconds()
{
    double draw = 0.999;
    RetryPolicy policy(50, [&] { return draw; });
    const AttemptFailure failure = connectionError();
    QCOMPARE(policy.retryDelayMs(failure, 1), 999);   // rand * 2^0 s
    QCOMPARE(policy.retryDelayMs(failure, 2), 1998);  // rand * 2^1 s
    QCOMPARE(policy.retryDelayMs(failure, 4), 7992);  // rand * 2^3 s
    QCOMPARE(policy.retryDelayMs(failure, 10), 19980); // capped at 20 s
    draw = 0.0;
    QCOMPARE(policy.retryDelayMs(failure, 10), 0);
}

void RetryPolicyTest::shouldStopRetryingWhenTheQuotaIsSpent()
{
    RetryPolicy policy(1000, [] { return 0.0; });
    const AttemptFailure failure = serviceError(503, QString());
    int retries = 0;
    while (policy.retryDelayMs(failure, 1) >= 0)
        ++retries;
    QCOMPARE(retries, RetryPolicy::InitialQuota / RetryPolicy::RetryCost);
    QCOMPARE(policy.availableQuota(), 0);

    AttemptFailure timeout;
    timeout.kind = AttemptFailure::Kind::Timeout;
    RetryPolicy timeouts(1000, [] { return 0.0; });
    retries = 0;
    while (timeouts.retryDelayMs(timeout, 1) >= 0)
        ++retries;
    QCOMPARE(retries, RetryPolicy::InitialQuota / RetryPolicy::TimeoutRetryCost);
}

void RetryPolicyTest::shouldRefillTheQuotaOnSuccess()
{
    RetryPolicy policy(3, [] { return 0.0; });
    const AttemptFailure failure = serviceError(500, QString());
    QVERIFY(policy.retryDelayMs(failure, 1) >= 0);
    QCOMPARE(policy.availableQuota(), RetryPolicy::InitialQuota - RetryPolicy::RetryCost);
    policy.recordSuccess();
    QCOMPARE(policy.availableQuota(), RetryPolicy::InitialQuota);

    QVERIFY(policy.retryDelayMs(failure, 1) >= 0);
    policy.recordFailure();
    policy.recordSuccess(); // a clean success refunds only its own small increment
    QCOMPARE(policy.availableQuota(), RetryPolicy::InitialQuota - RetryPolicy::RetryCost + 1);
}

QTEST_GUILESS_MAIN(RetryPolicyTest)
#include "test_retry_policy.moc"
