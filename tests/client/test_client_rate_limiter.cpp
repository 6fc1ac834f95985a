#include "client/clientratelimiter.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

namespace {

// Relative tolerance for comparing with botocore's doubles: the same formulas in another order.
bool isClose(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-9 * std::max(1.0, std::abs(expected));
}

// Callers all asking at `now`, each asking again when told to wait, the earliest first: how long
// after `now` each gets to send.
QList<qint64> sendMomentsOfCallersAskingAtOnce(ClientRateLimiter &limiter, qint64 now, int callers)
{
    QList<qint64> askAt(callers, now);
    QList<qint64> sentAfter;
    while (!askAt.isEmpty()) {
        const auto earliest = std::min_element(askAt.begin(), askAt.end());
        const qint64 wait = limiter.acquireSendMs(*earliest);
        if (wait == 0) {
            sentAfter.append(*earliest - now);
            askAt.erase(earliest);
        } else {
            *earliest += wait;
        }
    }
    return sentAfter;
}

} // namespace

class ClientRateLimiterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldNeverDelayBeforeTheFirstThrottle();
    void shouldFollowBotocore_data();
    void shouldFollowBotocore();
    void shouldLetCallersAskingAtOnceSendOneTokenApart();
    void shouldLetAWaitingCallerSendOnceItsWaitIsOver();
    void shouldHoldBackAWaitingCallerLongerAfterAThrottle();
    void shouldNotFallBelowHalfARequestPerSecond();
};

void ClientRateLimiterTest::shouldNeverDelayBeforeTheFirstThrottle()
{
    ClientRateLimiter limiter;
    for (qint64 now = 0; now < 2000; now += 10) {
        QCOMPARE(limiter.acquireSendMs(now), 0);
        QCOMPARE(limiter.acquireSendMs(now), 0);
        limiter.recordResponse(now, false);
    }
    QVERIFY(!limiter.isEnabled());
    limiter.recordResponse(2000, true);
    QVERIFY(limiter.isEnabled());
}

// Rows printed by tests/client/botocore_adaptive_reference.py: one answer every stepMs from
// startMs, the listed ones throttled; then the bucket's rate, the measured rate and when each of
// five callers asking at once gets a token.
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
    const QList<qint64> sent = sendMomentsOfCallersAskingAtOnce(limiter, now, int(waits.size()));
    for (qsizetype i = 0; i < waits.size(); ++i) {
        QVERIFY2(std::abs(sent[i] - waits[i]) <= 1,
                 qPrintable(QStringLiteral("caller %1 sent after %2 ms, not %3").arg(i).arg(sent[i]).arg(waits[i])));
    }
}

void ClientRateLimiterTest::shouldLetCallersAskingAtOnceSendOneTokenApart()
{
    ClientRateLimiter limiter;
    for (int i = 0; i < 40; ++i)
        limiter.recordResponse(1000 + i * 25, i >= 20 && i % 2 == 0);
    const double rate = limiter.currentRate();
    const QList<qint64> sent = sendMomentsOfCallersAskingAtOnce(limiter, 2000, 8);
    for (int caller = 1; caller < 8; ++caller) {
        QVERIFY(sent[caller] >= sent[caller - 1]);
        if (sent[caller - 1] == 0)
            continue; // tokens left in the bucket: the wait depends on how many
        // Once the bucket is empty each further caller sends one token later: 1/rate seconds.
        QVERIFY2(std::abs(sent[caller] - sent[caller - 1] - 1000.0 / rate) <= 1.0,
                 qPrintable(QStringLiteral("caller %1 sent after %2 ms, %3 ms after the one before, at %4/s")
                                .arg(caller)
                                .arg(sent[caller])
                                .arg(sent[caller - 1])
                                .arg(rate)));
    }
    QVERIFY(sent.last() > 0);
}

void ClientRateLimiterTest::shouldLetAWaitingCallerSendOnceItsWaitIsOver()
{
    ClientRateLimiter limiter;
    for (int i = 0; i < 30; ++i)
        limiter.recordResponse(1000 + i * 50, i >= 10);
    qint64 now = 2500;
    while (limiter.acquireSendMs(now) == 0) { } // drain the bucket
    const qint64 wait = limiter.acquireSendMs(now);
    QVERIFY(wait > 0);
    QCOMPARE(limiter.acquireSendMs(now), wait); // asking did not take a token
    now += wait;
    QCOMPARE(limiter.acquireSendMs(now), 0);
    const qint64 next = limiter.acquireSendMs(now);
    QVERIFY2(std::abs(next - 1000.0 / limiter.currentRate()) <= 1.0, qPrintable(QString::number(next)));
}

// A throttle while a caller waits lowers the rate for it too: when it asks again it is told to
// wait on, instead of sending at the rate that was just throttled.
void ClientRateLimiterTest::shouldHoldBackAWaitingCallerLongerAfterAThrottle()
{
    ClientRateLimiter limiter;
    qint64 now = 1000;
    for (int i = 0; i < 40; ++i, now += 50)
        limiter.recordResponse(now, i == 20);
    while (limiter.acquireSendMs(now) == 0) { }
    const double rateBefore = limiter.currentRate();
    const qint64 wait = limiter.acquireSendMs(now);
    QVERIFY(wait > 0);
    ClientRateLimiter unthrottled = limiter;
    QCOMPARE(unthrottled.acquireSendMs(now + wait), 0);
    limiter.recordResponse(now + 1, true);
    QVERIFY(limiter.currentRate() < rateBefore);
    QVERIFY(limiter.acquireSendMs(now + wait) > 0);
}

void ClientRateLimiterTest::shouldNotFallBelowHalfARequestPerSecond()
{
    ClientRateLimiter limiter;
    for (int i = 0; i < 400; ++i)
        limiter.recordResponse(1000 + i * 10, true);
    QCOMPARE(limiter.currentRate(), 0.5);
    qint64 now = 5000;
    while (limiter.acquireSendMs(now) == 0) { }
    now += limiter.acquireSendMs(now);
    QCOMPARE(limiter.acquireSendMs(now), 0);
    QCOMPARE(limiter.acquireSendMs(now), 2000);
}

QTEST_GUILESS_MAIN(ClientRateLimiterTest)
#include "test_client_rate_limiter.moc"
