#include "simulatorclient.h"

#include "simulator/enrollmentsimulator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

namespace {

const AwsCredentials credentials{QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                                 {}, std::nullopt};

QByteArray tokenOf(const CallResult &result)
{
    return result.json().value(QLatin1String("nextToken")).toString().toLatin1();
}

QByteArray withToken(const QByteArray &token)
{
    return token.isEmpty() ? QByteArray("{\"maxResults\":10}") : "{\"maxResults\":10,\"nextToken\":\"" + token + "\"}";
}

} // namespace

class TestSimulatorFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_simulator = new EnrollmentSimulator(SimulatedOrganization::generate(100), this);
        m_simulator->addCredentials(credentials.accessKeyId, credentials.secretAccessKey);
        QVERIFY(m_simulator->listen());
        m_client = std::make_unique<SimulatorClient>(m_simulator->endpointUrl(), credentials);
    }

    void cleanup()
    {
        m_client.reset();
        delete m_simulator;
    }

    void shouldAnswerTheChosenPageWithTheServiceError_data()
    {
        QTest::addColumn<SimulatorFault>("fault");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        QTest::newRow("throttling, 400") << SimulatorFault::Throttling400 << 400
                                         << QStringLiteral("com.amazon.coral.availability#ThrottlingException")
                                         << QStringLiteral("Rate exceeded");
        QTest::newRow("throttling, 429") << SimulatorFault::Throttling429 << 429
                                         << QStringLiteral("com.amazonaws.computeoptimizer#ThrottlingException")
                                         << QStringLiteral("Rate exceeded");
        QTest::newRow("internal error") << SimulatorFault::InternalError500 << 500
                                        << QStringLiteral("com.amazonaws.computeoptimizer#InternalServerException")
                                        << QStringLiteral("An internal error has occurred. Try your call again.");
        QTest::newRow("unavailable") << SimulatorFault::Unavailable503 << 503
                                     << QStringLiteral("com.amazonaws.computeoptimizer#ServiceUnavailableException")
                                     << QStringLiteral("The request has failed due to a temporary failure of the server.");
        QTest::newRow("expired token") << SimulatorFault::ExpiredToken << 400
                                       << QStringLiteral("com.amazon.coral.service#ExpiredTokenException")
                                       << QStringLiteral("The security token included in the request is expired");
        QTest::newRow("access denied")
            << SimulatorFault::AccessDenied << 400 << QStringLiteral("com.amazon.coral.service#AccessDeniedException")
            << QStringLiteral("User: arn:aws:sts::111122223333:assumed-role/ReadOnly/enrollment-desk is not authorized "
                              "to perform: compute-optimizer:GetEnrollmentStatusesForOrganization because no "
                              "identity-based policy allows the compute-optimizer:GetEnrollmentStatusesForOrganization "
                              "action");
        QTest::newRow("invalid parameter")
            << SimulatorFault::InvalidParameter << 400
            << QStringLiteral("com.amazonaws.computeoptimizer#InvalidParameterValueException")
            << QStringLiteral("The value supplied for the input parameter is out of range or not valid.");
    }

    void shouldAnswerTheChosenPageWithTheServiceError()
    {
        QFETCH(SimulatorFault, fault);
        QFETCH(int, httpStatus);
        QFETCH(QString, type);
        QFETCH(QString, message);
        m_simulator->addFault(FaultRule{fault, 2, 1});

        const CallResult first = m_client->call(withToken({}));
        QCOMPARE(first.httpStatus, 200);
        const CallResult second = m_client->call(withToken(tokenOf(first)));
        QCOMPARE(second.httpStatus, httpStatus);
        QCOMPARE(second.header("Content-Type"), QByteArray("application/x-amz-json-1.0"));
        QCOMPARE(second.json().value(QLatin1String("__type")).toString(), type);
        QCOMPARE(second.message(), message);
        const QByteArray code = type.section(u'#', 1).toLatin1();
        QVERIFY(second.header("X-Amzn-Errortype").startsWith(QByteArray(code + ":http://internal.amazon.com/coral/")));
        QVERIFY(!second.header("x-amzn-RequestId").isEmpty());
        QVERIFY(!second.header("Date").isEmpty());

        // The retry of the same page succeeds and continues where the first page ended.
        const CallResult retry = m_client->call(withToken(tokenOf(first)));
        QCOMPARE(retry.httpStatus, 200);
        QCOMPARE(m_simulator->pageRequestCount(), 3);
    }

    void shouldWriteAccessDeniedMessageWithCapitalM()
    {
        m_simulator->addFault(FaultRule{SimulatorFault::AccessDenied});
        const QJsonObject error = m_client->call("{}").json();
        QVERIFY(error.contains(QLatin1String("Message")));
        QVERIFY(!error.contains(QLatin1String("message")));
    }

    void shouldHitEveryRequestWhenThePageIsZero()
    {
        m_simulator->addFault(FaultRule{SimulatorFault::Throttling429, 0});
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_client->call("{}").httpStatus, 429);
    }

    void shouldHitConsecutiveRequestsForTheGivenTimes()
    {
        m_simulator->addFault(FaultRule{SimulatorFault::Unavailable503, 2, 3});
        QList<int> statuses;
        for (int i = 0; i < 6; ++i)
            statuses.append(m_client->call("{}").httpStatus);
        QCOMPARE(statuses, (QList<int>{200, 503, 503, 503, 200, 200}));
    }

    void shouldStopFaultingAfterClearFaults()
    {
        m_simulator->addFault(FaultRule{SimulatorFault::InternalError500, 0});
        QCOMPARE(m_client->call("{}").httpStatus, 500);
        m_simulator->clearFaults();
        QCOMPARE(m_client->call("{}").httpStatus, 200);
    }

    void shouldApplyAFaultAddedWhenTheRequestArrives()
    {
        connect(m_simulator, &EnrollmentSimulator::pageRequestReceived, this, [this](int number) {
            if (number == 2)
                m_simulator->addFault(FaultRule{SimulatorFault::Throttling400, 2});
        });
        QCOMPARE(m_client->call("{}").httpStatus, 200);
        QCOMPARE(m_client->call("{}").errorCode(), QStringLiteral("ThrottlingException"));
    }

    void shouldNotFaultGetEnrollmentStatus()
    {
        m_simulator->addFault(FaultRule{SimulatorFault::InternalError500, 0});
        CallOptions options;
        options.target = statusTarget;
        QCOMPARE(m_client->call("{}", options).httpStatus, 200);
        QCOMPARE(m_simulator->pageRequestCount(), 0);
    }

    void shouldResetTheConnectionWithoutAnswering()
    {
        m_simulator->addFault(FaultRule{SimulatorFault::ConnectionReset, 1});
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_simulator->endpointUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(SimulatorClient::signedRequestBytes(m_simulator->endpointUrl(), credentials, "{}"));
        QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(socket.readAll(), QByteArray());
        QCOMPARE(m_simulator->pageRequestCount(), 1);
    }

    // QNetworkAccessManager quietly sends a request again once when the connection drops before any
    // answer, so a single reset never reaches its caller; two in a row do.
    void shouldMakeQNetworkAccessManagerReportResetConnections_data()
    {
        QTest::addColumn<int>("times");
        QTest::addColumn<QNetworkReply::NetworkError>("error");
        QTest::addColumn<int>("pageRequests");
        QTest::newRow("one reset, resent by Qt") << 1 << QNetworkReply::NoError << 2;
        QTest::newRow("two resets") << 2 << QNetworkReply::RemoteHostClosedError << 2;
    }

    void shouldMakeQNetworkAccessManagerReportResetConnections()
    {
        QFETCH(int, times);
        QFETCH(QNetworkReply::NetworkError, error);
        QFETCH(int, pageRequests);
        m_simulator->addFault(FaultRule{SimulatorFault::ConnectionReset, 1, times});
        const CallResult result = m_client->call("{}");
        QVERIFY(result.finished);
        QCOMPARE(result.error, error);
        QCOMPARE(m_simulator->pageRequestCount(), pageRequests);
    }

    void shouldSendHalfTheBodyAndClose()
    {
        m_simulator->addFault(FaultRule{SimulatorFault::TruncatedBody, 1});
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_simulator->endpointUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(SimulatorClient::signedRequestBytes(m_simulator->endpointUrl(), credentials, "{}"));
        QByteArray received;
        QTRY_VERIFY((received += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState));
        received += socket.readAll();

        const qsizetype headerEnd = received.indexOf("\r\n\r\n");
        QVERIFY(headerEnd > 0);
        QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
        const QByteArray head = received.left(headerEnd);
        const qsizetype lengthAt = head.indexOf("Content-Length: ");
        QVERIFY(lengthAt > 0);
        const qsizetype promised = head.mid(lengthAt + 16, head.indexOf("\r\n", lengthAt) - lengthAt - 16).toLongLong();
        const qsizetype sent = received.size() - headerEnd - 4;
        QVERIFY(promised > 1000);
        QCOMPARE(sent, promised / 2);
    }

    void shouldMakeQNetworkAccessManagerReportATruncatedBody()
    {
        m_simulator->addFault(FaultRule{SimulatorFault::TruncatedBody, 1});
        const CallResult result = m_client->call("{}");
        QVERIFY(result.finished);
        QVERIFY(result.error != QNetworkReply::NoError);
        QVERIFY(result.body.size() < result.header("Content-Length").toInt());
    }

    void shouldAnswerWithABodyThatIsNotJson()
    {
        m_simulator->addFault(FaultRule{SimulatorFault::InvalidJson200, 1});
        const CallResult result = m_client->call("{}");
        QCOMPARE(result.httpStatus, 200);
        QCOMPARE(result.header("Content-Type"), QByteArray("application/x-amz-json-1.0"));
        QJsonParseError parseError;
        QJsonDocument::fromJson(result.body, &parseError);
        QVERIFY(parseError.error != QJsonParseError::NoError);
    }

    void shouldAnswerWithAnHtmlPage()
    {
        m_simulator->addFault(FaultRule{SimulatorFault::WrongContentType200, 1});
        const CallResult result = m_client->call("{}");
        QCOMPARE(result.httpStatus, 200);
        QVERIFY(result.header("Content-Type").startsWith("text/html"));
        QVERIFY(result.body.startsWith("<!DOCTYPE html>"));
    }

    void shouldHandOutATokenAgainToMakeACycle()
    {
        m_simulator->addFault(FaultRule{SimulatorFault::RepeatedToken, 3});
        QByteArrayList handedOut;
        QByteArray token;
        for (int page = 0; page < 4; ++page) {
            const CallResult result = m_client->call(withToken(token));
            QCOMPARE(result.httpStatus, 200);
            token = tokenOf(result);
            handedOut.append(token);
        }
        // A, B, A, B: a client that does not notice would go round for ever.
        QCOMPARE(handedOut.size(), 4);
        QVERIFY(handedOut[0] != handedOut[1]);
        QCOMPARE(handedOut[2], handedOut[0]);
        QCOMPARE(handedOut[3], handedOut[1]);
        QCOMPARE(m_simulator->receivedNextTokens(), (QByteArrayList{{}, handedOut[0], handedOut[1], handedOut[2]}));
    }

    void shouldRepeatTheOnlyTokenWhenOnlyOneWasHandedOut()
    {
        m_simulator->addFault(FaultRule{SimulatorFault::RepeatedToken, 2});
        const QByteArray first = tokenOf(m_client->call(withToken({})));
        QCOMPARE(tokenOf(m_client->call(withToken(first))), first);
    }

    void shouldStallUntilTheClientGivesUpAndStillServeOthers()
    {
        m_simulator->addFault(FaultRule{SimulatorFault::Stall, 1});
        CallOptions options;
        options.transferTimeoutMs = 300;
        QElapsedTimer timer;
        timer.start();
        const CallResult stalled = m_client->call("{}", options);
        QVERIFY(stalled.finished);
        QVERIFY2(stalled.error == QNetworkReply::OperationCanceledError || stalled.error == QNetworkReply::TimeoutError,
                 qPrintable(QString::number(stalled.error)));
        QVERIFY(timer.elapsed() >= 250);

        const CallResult next = m_client->call("{}");
        QCOMPARE(next.httpStatus, 200);
        QCOMPARE(m_simulator->pageRequestCount(), 2);
    }

    void shouldServeOtherConnectionsWhileOneStalls()
    {
        m_simulator->addFault(FaultRule{SimulatorFault::Stall, 1});
        QTcpSocket stalled;
        stalled.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_simulator->endpointUrl().port()));
        QVERIFY(stalled.waitForConnected(5000));
        stalled.write(SimulatorClient::signedRequestBytes(m_simulator->endpointUrl(), credentials, "{}"));
        QTRY_COMPARE(m_simulator->pageRequestCount(), 1);

        QCOMPARE(m_client->call("{}").httpStatus, 200);
        QCOMPARE(stalled.bytesAvailable(), 0);
        QCOMPARE(stalled.state(), QAbstractSocket::ConnectedState);
    }

    void shouldDelayEachPageByTheLatency()
    {
        m_simulator->setPageLatencyMs(150);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(m_client->call(withToken({})).httpStatus, 200);
        QCOMPARE(m_client->call(withToken({})).httpStatus, 200);
        QVERIFY2(timer.elapsed() >= 300, qPrintable(QString::number(timer.elapsed())));
    }

    void shouldKeepOrderOnOneConnectionWhileAPageIsDelayed()
    {
        m_simulator->setPageLatencyMs(100);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_simulator->endpointUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        const QUrl url = m_simulator->endpointUrl();
        socket.write(SimulatorClient::signedRequestBytes(url, credentials, "{\"maxResults\":1}")
                     + SimulatorClient::signedRequestBytes(url, credentials, "{}", statusTarget));
        QByteArray received;
        QTRY_VERIFY((received += socket.readAll(), received.count("HTTP/1.1 200 OK") == 2));
        QVERIFY(received.indexOf("accountEnrollmentStatuses") < received.indexOf("memberAccountsEnrolled"));
    }

    void shouldThrottleEveryPageAtProbabilityOne()
    {
        m_simulator->setRandomThrottling(1.0, 3);
        QCOMPARE(m_client->call("{}").errorCode(), QStringLiteral("ThrottlingException"));
    }

    void shouldThrottleSomePagesRepeatablyForASeed()
    {
        const auto pattern = [this](quint32 seed) {
            m_simulator->setRandomThrottling(0.3, seed);
            QList<int> statuses;
            for (int i = 0; i < 30; ++i)
                statuses.append(m_client->call("{}").httpStatus);
            return statuses;
        };
        const QList<int> first = pattern(17);
        QVERIFY(first.contains(200));
        QVERIFY(first.contains(400));
        QCOMPARE(pattern(17), first);
    }

private:
    EnrollmentSimulator *m_simulator = nullptr;
    std::unique_ptr<SimulatorClient> m_client;
};

QTEST_GUILESS_MAIN(TestSimulatorFaults)
#include "test_simulator_faults.moc"
