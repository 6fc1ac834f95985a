#include "client/clientratelimiter.h"

#include <QtTest>

#include <cmath>

namespace {

// Successful answers every stepMs in [fromMs, toMs).
void answer(ClientRateLimiter &limiter, qint64 fromMs, qint64 toMs, int stepMs)
{
    for (qint64 now = fromMs; now < toMs; now += stepMs)
        limiter.recordResponse(now, false, now - 50);
}

ClientRateLimiter limiterProbing(ClientRateLimiter::Probing probing)
{
    ClientRateLimiter limiter;
    limiter.setProbing(probing);
    return limiter;
}

// 10 answers a second for two seconds, then 5 a second for two: the service let 5 a second
// through just before the throttle at 5 s.
ClientRateLimiter throttledAfterSlowingDown(ClientRateLimiter::Probing probing)
{
    ClientRateLimiter limiter = limiterProbing(probing);
    answer(limiter, 1000, 3000, 100);
    answer(limiter, 3000, 5001, 200);
    limiter.recordResponse(5000, true, 4950);
    return limiter;
}

} // namespace

class SteadyProbingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldCutToSeventyPercentOfTheSuccessesOfTheLastTwoSeconds();
    void shouldCutOnceForThrottlesOfRequestsSentBeforeTheCut();
    void shouldRestAtTheThrottledRateForTwentyRequestsBeforeProbingHigher();
    void shouldLeaveBotocoreProbingAsItWas();
    void shouldProbeAsBotocoreUntilFourRequestsGotThrough();
};

void SteadyProbingTest::shouldCutToSeventyPercentOfTheSuccessesOfTheLastTwoSeconds()
{
    const ClientRateLimiter steady = throttledAfterSlowingDown(ClientRateLimiter::Probing::Steady);
    QVERIFY(steady.isEnabled());
    QVERIFY2(qFuzzyCompare(steady.currentRate(), 0.7 * 5.0), qPrintable(QString::number(steady.currentRate())));
    // botocore's smoothed half-second counts of every answer land elsewhere.
    const ClientRateLimiter botocore = throttledAfterSlowingDown(ClientRateLimiter::Probing::Botocore);
    QVERIFY2(std::abs(botocore.currentRate() - 0.7 * 5.0) > 0.2, qPrintable(QString::number(botocore.currentRate())));
}

void SteadyProbingTest::shouldCutOnceForThrottlesOfRequestsSentBeforeTheCut()
{
    ClientRateLimiter limiter = throttledAfterSlowingDown(ClientRateLimiter::Probing::Steady);
    const double afterCut = limiter.currentRate();
    limiter.recordResponse(5020, true, 4970); // in flight when the first throttle came back
    limiter.recordResponse(5030, true, 4999);
    QCOMPARE(limiter.currentRate(), afterCut);
    limiter.recordResponse(5100, true, 5050); // sent at the lowered rate, throttled still
    QVERIFY2(limiter.currentRate() < afterCut, qPrintable(QString::number(limiter.currentRate())));
    ClientRateLimiter unknownSendTime = throttledAfterSlowingDown(ClientRateLimiter::Probing::Steady);
    unknownSendTime.recordResponse(5020, true, -1);
    QVERIFY(unknownSendTime.currentRate() < afterCut);
}

void SteadyProbingTest::shouldRestAtTheThrottledRateForTwentyRequestsBeforeProbingHigher()
{
    // Throttled at 5 a second: CUBIC is back at 5 after cbrt(5 * 0.3 / 0.4) = 1.55 s; 20 requests
    // at 5 a second take 4 s more.
    const double recoveryMs = std::cbrt(5.0 * 0.3 / 0.4) * 1000.0;
    ClientRateLimiter steady = throttledAfterSlowingDown(ClientRateLimiter::Probing::Steady);
    ClientRateLimiter botocore = throttledAfterSlowingDown(ClientRateLimiter::Probing::Botocore);
    const qint64 resting = 5000 + qint64(recoveryMs) + 3000;
    answer(steady, 5200, resting, 200);
    answer(botocore, 5200, resting, 200);
    steady.recordResponse(resting, false, resting - 50);
    botocore.recordResponse(resting, false, resting - 50);
    QVERIFY2(std::abs(steady.currentRate() - 5.0) < 0.01, qPrintable(QString::number(steady.currentRate())));
    QVERIFY2(botocore.currentRate() > 7.0, qPrintable(QString::number(botocore.currentRate())));

    const qint64 probing = 5000 + qint64(recoveryMs) + 4000 + 1000;
    answer(steady, resting + 200, probing, 200);
    steady.recordResponse(probing, false, probing - 50);
    // One second past the rest: 0.4 * 1^3 above the throttled rate.
    QVERIFY2(std::abs(steady.currentRate() - 5.4) < 0.01, qPrintable(QString::number(steady.currentRate())));
}

void SteadyProbingTest::shouldLeaveBotocoreProbingAsItWas()
{
    ClientRateLimiter limiter;
    QCOMPARE(limiter.probing(), ClientRateLimiter::Probing::Botocore);
    // The sending time changes nothing in botocore's mode: throttles in flight cut again.
    ClientRateLimiter botocore = throttledAfterSlowingDown(ClientRateLimiter::Probing::Botocore);
    const double afterCut = botocore.currentRate();
    botocore.recordResponse(5020, true, 4970);
    QVERIFY(botocore.currentRate() < afterCut);
}

// The first throttle of a load, after three answers: no rate to rest at, so no twenty-second rest
// at half a request a second.
void SteadyProbingTest::shouldProbeAsBotocoreUntilFourRequestsGotThrough()
{
    ClientRateLimiter steady = limiterProbing(ClientRateLimiter::Probing::Steady);
    ClientRateLimiter botocore = limiterProbing(ClientRateLimiter::Probing::Botocore);
    for (ClientRateLimiter *limiter : {&steady, &botocore}) {
        answer(*limiter, 1000, 1150, 50);
        limiter->recordResponse(1200, true, 1150);
        answer(*limiter, 1300, 4000, 100);
    }
    QCOMPARE(steady.currentRate(), botocore.currentRate());
    QVERIFY2(steady.currentRate() > 1.0, qPrintable(QString::number(steady.currentRate())));
}

QTEST_GUILESS_MAIN(SteadyProbingTest)
#include "test_steady_probing.moc"
