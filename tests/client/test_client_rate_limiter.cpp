#include "client/clientratelimiter.h"

#include <QtTest>

#include <cmath>

namespace {

// Relative tolerance for comparing with botocore's doubles: the same formulas in another order.
bool isClose(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-9 * std::max(1.0, std::abs(expected));
}

} // namespace

class ClientRateLimiterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldNeverDelayBeforeTheFirstThrottle();
    void shouldFollowBotocore_data();
    void shouldFollowBotocore();
    void shouldGiveCallersAskingAtOnceDifferentWaits();
    void shouldLetAWaitingCallerSendOnceItsWaitIsOver();
    void shouldNotFallBelowHalfARequestPerSecond();
};

void ClientRateLimiterTest::shouldNeverDelayBeforeTheFirstThrottle()
{
    ClientRateLimiter limiter;
    for (qint64 now = 0; now < 2000; now += 10) {
        QCOMPARE(limiter.reserveSendMs(now), 0);
        QCOMPARE(limiter.reserveSendMs(now), 0);
        limiter.recordResponse(now, false);
    }
    QVERIFY(!limiter.isEnabled());
    limiter.recordResponse(2000, true);
    QVERIFY(limiter.isEnabled());
}

// Rows printed by tests/client/botocore_adaptive_reference.py: one answer every stepMs from
// startMs, the listed ones throttled; then the bucket's rate, the measured rate and the waits of
// five callers asking at once.
void ClientRateLimiterTest::shouldFollowBotocore_data()
{
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<int>("stepMs");
    QTest::addColumn<int>("answers");
    QTest::addColumn<QList<int>>("throttled");
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("measuredRate");
    QTest::addColumn<QList<qint64>>("waits");

    QTest::newRow("steady 10 a second, no throttle") << qint64(1000000) << 100 << 30 << QList<int>{} << 9.755599999999772 << 9.99936 << QList<qint64>{0, 0, 0, 0, 0};
    QTest::newRow("one throttle after two seconds at 10 a second") << qint64(1000000) << 100 << 21 << QList<int>{20} << 6.9977599999999995 << 9.9968 << QList<qint64>{0, 19, 162, 304, 447};
    QTest::newRow("one throttle, then a second of recovery") << qint64(1000000) << 100 << 31 << QList<int>{20} << 9.645965659524988 << 9.999872 << QList<qint64>{0, 0, 0, 0, 0};
    QTest::newRow("one throttle, then five seconds of recovery") << qint64(1000000) << 100 << 71 << QList<int>{20} << 19.999999999344638 << 9.999999999672319 << QList<qint64>{0, 0, 0, 0, 0};
    QTest::newRow("three throttles in quick succession at 20 a second") << qint64(1000000) << 50 << 31 << QList<int>{20, 25, 30} << 8.113105305918902 << 19.904 << QList<qint64>{0, 0, 0, 0, 0};
    QTest::newRow("a throttle storm at 40 a second") << qint64(1000000) << 25 << 120 << QList<int>{40, 44, 48, 52, 56, 60, 64, 68, 72, 76, 80, 84, 88, 92, 96, 100, 104, 108, 112, 116} << 0.5 << 39.98976 << QList<qint64>{0, 2000, 4000, 6000, 8000};
    QTest::newRow("throttles half a second apart, then recovery") << qint64(5000250) << 100 << 80 << QList<int>{20, 25, 30, 35} << 14.354641511832249 << 9.999999999882034 << QList<qint64>{0, 0, 0, 0, 0};
}

void ClientRateLimiterTest::shouldFollowBotocore()
{
    QFETCH(qint64, startMs);
    QFETCH(int, stepMs);
    QFETCH(int, answers);
    QFETCH(QList<int>, throttled);
    QFETCH(double, rate);
    QFETCH(double, measuredRate);
    QFETCH(QList<qint64>, waits);

    ClientRateLimiter limiter;
    qint64 now = startMs;
    for (int i = 0; i < answers; ++i) {
        now = startMs + qint64(i) * stepMs;
        limiter.recordResponse(now, throttled.contains(i));
    }
    QVERIFY2(isClose(limiter.currentRate(), rate), qPrintable(QString::number(limiter.currentRate(), 'g', 17)));
    QVERIFY2(isClose(limiter.measuredRate(), measuredRate),
             qPrintable(QString::number(limiter.measuredRate(), 'g', 17)));
    QCOMPARE(limiter.isEnabled(), !throttled.isEmpty());
    for (qint64 expected : waits) {
        const qint64 wait = limiter.reserveSendMs(now);
        QVERIFY2(std::abs(wait - expected) <= 1, qPrintable(QStringLiteral("%1 ms, not %2").arg(wait).arg(expected)));
    }
}

void ClientRateLimiterTest::shouldGiveCallersAskingAtOnceDifferentWaits()
{
    ClientRateLimiter limiter;
    for (int i = 0; i < 40; ++i)
        limiter.recordResponse(1000 + i * 25, i >= 20 && i % 2 == 0);
    const qint64 now = 2000;
    const double rate = limiter.currentRate();
    QList<qint64> waits;
    for (int caller = 0; caller < 8; ++caller)
        waits.append(limiter.reserveSendMs(now));
    for (int caller = 1; caller < 8; ++caller) {
        QVERIFY(waits[caller] > waits[caller - 1] || waits[caller] == 0);
        if (waits[caller - 1] == 0)
            continue; // tokens left in the bucket: the wait depends on how many
        // Once the bucket is empty each further caller waits one token longer: 1/rate seconds.
        QVERIFY2(std::abs(waits[caller] - waits[caller - 1] - 1000.0 / rate) <= 1.0,
                 qPrintable(QStringLiteral("caller %1 waits %2 ms after %3 ms at %4/s")
                                .arg(caller)
                                .arg(waits[caller])
                                .arg(waits[caller - 1])
                                .arg(rate)));
    }
    QVERIFY(waits.last() > 0);
}

void ClientRateLimiterTest::shouldLetAWaitingCallerSendOnceItsWaitIsOver()
{
    ClientRateLimiter limiter;
    for (int i = 0; i < 30; ++i)
        limiter.recordResponse(1000 + i * 50, i >= 10);
    qint64 now = 2500;
    while (limiter.reserveSendMs(now) == 0) { } // drain the bucket
    const qint64 wait = limiter.reserveSendMs(now);
    QVERIFY(wait > 0);
    // Reserving again at the promised moment is one token later, not two.
    now += wait;
    const qint64 next = limiter.reserveSendMs(now);
    QVERIFY2(std::abs(next - 1000.0 / limiter.currentRate()) <= 1.0, qPrintable(QString::number(next)));
}

void ClientRateLimiterTest::shouldNotFallBelowHalfARequestPerSecond()
{
    ClientRateLimiter limiter;
    for (int i = 0; i < 400; ++i)
        limiter.recordResponse(1000 + i * 10, true);
    QCOMPARE(limiter.currentRate(), 0.5);
    limiter.reserveSendMs(5000);
    QCOMPARE(limiter.reserveSendMs(5000), 2000);
}

QTEST_GUILESS_MAIN(ClientRateLimiterTest)
#include "test_client_rate_limiter.moc"
