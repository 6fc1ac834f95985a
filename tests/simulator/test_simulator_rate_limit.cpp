#include "simulator/enrollmentsimulator.h"
#include "simulator/requestratelimit.h"
#include "simulatorclient.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpSocket>
#include <QtTest>

#include <cmath>
#include <memory>

namespace {

const AwsCredentials credentials{QStringLiteral("AKIDRATELIMIT"), QStringLiteral("rate-limit-secret"), {}, std::nullopt};

CallOptions listAccountsCall()
{
    CallOptions options;
    options.target = "AWSOrganizationsV20161128.ListAccounts";
    options.contentType = "application/x-amz-json-1.1";
    options.service = QStringLiteral("organizations");
    return options;
}

struct Burst
{
    int answered = 0;
    int throttled = 0;
    QString throttleCode;
    qint64 elapsedMs = 0;
};

// Sends every request at once, then waits for every answer.
Burst sendBurst(SimulatorClient &client, int requests, const CallOptions &options, const QByteArray &body)
{
    QElapsedTimer timer;
    timer.start();
    QList<QNetworkReply *> replies;
    for (int i = 0; i < requests; ++i)
        replies.append(client.send(body, options));
    Burst burst;
    for (QNetworkReply *reply : std::as_const(replies)) {
        const CallResult result = collect(reply, 10000);
        reply->deleteLater();
        if (!result.finished)
            continue;
        ++burst.answered;
        if (result.httpStatus == 400) {
            ++burst.throttled;
            burst.throttleCode = result.errorCode();
        }
    }
    burst.elapsedMs = timer.elapsed();
    return burst;
}

// Of `requests` sent within elapsedMs, a limit of perSecond with a one-second burst must throttle
// at least all but the burst and what refilled meanwhile, and at most all but the burst.
void verifyThrottledShare(const Burst &burst, int requests, int perSecond)
{
    QCOMPARE(burst.answered, requests);
    const int refilled = int(std::floor(double(burst.elapsedMs) * perSecond / 1000.0));
    QVERIFY2(burst.throttled <= requests - perSecond, qPrintable(QString::number(burst.throttled)));
    QVERIFY2(burst.throttled >= requests - perSecond - refilled,
             qPrintable(QStringLiteral("%1 throttled in %2 ms").arg(burst.throttled).arg(burst.elapsedMs)));
}

} // namespace

class TestSimulatorRateLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_simulator = std::make_unique<EnrollmentSimulator>(SimulatedOrganization::generate(60, 3));
        m_simulator->addCredentials(credentials.accessKeyId, credentials.secretAccessKey);
        QVERIFY(m_simulator->listen());
        m_client = std::make_unique<SimulatorClient>(m_simulator->endpointUrl(), credentials);
    }

    void cleanup()
    {
        m_client.reset();
        m_simulator.reset();
    }

    void shouldAdmitABurstOfOneSecondsWorthThenRefillAtTheRate()
    {
        RequestRateLimit limit;
        limit.setRequestsPerSecond(4);
        for (int i = 0; i < 4; ++i)
            QVERIFY(limit.admit(1000));
        QVERIFY(!limit.admit(1000));
        QVERIFY(!limit.admit(1200));
        QVERIFY(limit.admit(1250)); // a quarter second brings one token
        QVERIFY(!limit.admit(1250));
        int admittedAfterAQuietMinute = 0;
        for (int i = 0; i < 10; ++i)
            admittedAfterAQuietMinute += limit.admit(61'250) ? 1 : 0;
        QCOMPARE(admittedAfterAQuietMinute, 4); // tokens do not pile up beyond one second's worth
    }

    void shouldAdmitEverythingWithoutALimit()
    {
        RequestRateLimit limit;
        for (int i = 0; i < 1000; ++i)
            QVERIFY(limit.admit(5));
        limit.setRequestsPerSecond(0.5);
        QVERIFY(limit.admit(5)); // below one a second, still one at a time
        QVERIFY(!limit.admit(5));
        QVERIFY(limit.admit(2005));
    }

    void shouldThrottleOrganizationsAboveTheLimitWithTooManyRequests()
    {
        m_simulator->setRateLimit(SimulatedService::Organizations, 5);
        const Burst burst = sendBurst(*m_client, 20, listAccountsCall(), "{}");
        verifyThrottledShare(burst, 20, 5);
        QCOMPARE(burst.throttleCode, QStringLiteral("TooManyRequestsException"));
        QCOMPARE(m_simulator->rateLimitedCount(), burst.throttled);
        QCOMPARE(m_simulator->listAccountsRequestCount(), 20);
    }

    void shouldThrottleComputeOptimizerAboveTheLimitWithThrottlingException()
    {
        m_simulator->setRateLimit(SimulatedService::ComputeOptimizer, 3);
        const Burst burst = sendBurst(*m_client, 12, CallOptions{}, "{\"maxResults\":10}");
        verifyThrottledShare(burst, 12, 3);
        QCOMPARE(burst.throttleCode, QStringLiteral("ThrottlingException"));
        QCOMPARE(m_simulator->rateLimitedCount(), burst.throttled);
    }

    void shouldKeepEachServicesLimitToItself()
    {
        m_simulator->setRateLimit(SimulatedService::Organizations, 1);
        const Burst pages = sendBurst(*m_client, 10, CallOptions{}, "{\"maxResults\":10}");
        QCOMPARE(pages.answered, 10);
        QCOMPARE(pages.throttled, 0);
        QCOMPARE(m_client->call("{}", listAccountsCall()).httpStatus, 200);
        QCOMPARE(m_simulator->rateLimitedCount(), 0);
    }

    void shouldSendOneDateHeaderWithAThrottledAnswer()
    {
        m_simulator->setRateLimit(SimulatedService::ComputeOptimizer, 1);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_simulator->endpointUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray request = SimulatorClient::signedRequestBytes(m_simulator->endpointUrl(), credentials, "{}");
        socket.write(request + request);
        QByteArray received;
        QTRY_VERIFY((received += socket.readAll(), received.count("HTTP/1.1 ") == 2));
        const qsizetype throttled = received.indexOf("HTTP/1.1 400 Bad Request\r\n");
        QVERIFY2(throttled > 0, received.constData());
        const QByteArray throttledAnswer = received.mid(throttled);
        QVERIFY(throttledAnswer.contains("ThrottlingException"));
        QCOMPARE(throttledAnswer.count("\r\nDate: "), 1);
    }

    void shouldDelayEveryAnswerByTheResponseLatency()
    {
        m_simulator->setResponseLatencyMs(150);
        m_simulator->setRateLimit(SimulatedService::Organizations, 1);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(m_client->call("{}", listAccountsCall()).httpStatus, 200);
        QVERIFY2(timer.elapsed() >= 150, qPrintable(QString::number(timer.elapsed())));
        timer.restart();
        QCOMPARE(m_client->call("{}", listAccountsCall()).errorCode(), QStringLiteral("TooManyRequestsException"));
        QVERIFY2(timer.elapsed() >= 150, qPrintable(QString::number(timer.elapsed())));
        timer.restart();
        CallOptions status;
        status.target = statusTarget;
        QCOMPARE(m_client->call("{}", status).httpStatus, 200);
        QVERIFY2(timer.elapsed() >= 150, qPrintable(QString::number(timer.elapsed())));
    }

    // The delay is a timer, not a sleep: while one answer waits, another connection is read.
    void shouldReadOtherConnectionsWhileAnAnswerIsDelayed()
    {
        m_simulator->setResponseLatencyMs(60'000);
        std::unique_ptr<QNetworkReply> first(m_client->send("{}", listAccountsCall()));
        QTRY_COMPARE(m_simulator->listAccountsRequestCount(), 1);
        std::unique_ptr<QNetworkReply> second(m_client->send("{}", listAccountsCall()));
        QTRY_COMPARE(m_simulator->listAccountsRequestCount(), 2);
        QVERIFY(!first->isFinished());
        QVERIFY(!second->isFinished());
        first->abort();
        second->abort();
    }

private:
    std::unique_ptr<EnrollmentSimulator> m_simulator;
    std::unique_ptr<SimulatorClient> m_client;
};

QTEST_GUILESS_MAIN(TestSimulatorRateLimit)
#include "test_simulator_rate_limit.moc"
