// Faults aimed at one operation, the same fault kinds from STS and the IAM Identity Center portal,
// and server clocks run ahead or behind, each answer carrying exactly one Date header.
#include "simulatorclient.h"

#include "simulator/enrollmentsimulator.h"
#include "simulator/ssoportalsimulator.h"
#include "simulator/stssimulator.h"

#include <QTcpSocket>
#include <QTest>

#include "client/clockskew.h"

namespace {

const AwsCredentials credentials{QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                                 {}, std::nullopt};

const QByteArray listAccountsTarget = "AWSOrganizationsV20161128.ListAccounts";
const QByteArray assumeRoleBody = "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333"
                                  "%3Arole%2FAudit&RoleSessionName=simulator-test";

CallOptions listAccounts()
{
    CallOptions options;
    options.target = listAccountsTarget;
    options.contentType = "application/x-amz-json-1.1";
    options.service = QStringLiteral("organizations");
    return options;
}

CallOptions sts()
{
    CallOptions options;
    options.contentType = "application/x-www-form-urlencoded";
    options.service = QStringLiteral("sts");
    return options;
}

qint64 bodyShortfall(const QByteArray &wire)
{
    const qsizetype headerEnd = wire.indexOf("\r\n\r\n");
    const QByteArray head = wire.left(headerEnd).toLower();
    const qsizetype at = head.indexOf("content-length: ");
    const qint64 promised = head.mid(at + 16, head.indexOf("\r\n", at) - at - 16).toLongLong();
    return promised - (wire.size() - headerEnd - 4);
}

// Sends raw bytes and keeps what comes back until one whole answer is in or the server closes (or 5 s pass).
QByteArray exchange(const QUrl &url, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QByteArray received;
    (void)QTest::qWaitFor([&] {
        received += socket.readAll();
        if (received.contains("\r\n\r\n") && bodyShortfall(received) <= 0)
            return true;
        return socket.state() == QAbstractSocket::UnconnectedState;
    }, 5000);
    return received + socket.readAll();
}

QByteArray formPost(const QByteArray &body)
{
    return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
           "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray portalRequest(const QString &accessToken)
{
    return "GET /federation/credentials?role_name=Audit&account_id=111122223333 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
           "x-amz-sso_bearer_token: " + accessToken.toUtf8() + "\r\nConnection: close\r\n\r\n";
}

int dateHeaders(const QByteArray &wire)
{
    const QByteArray head = wire.left(wire.indexOf("\r\n\r\n")).toLower();
    return int(head.count("\r\ndate: "));
}

QDateTime dateOf(const CallResult &result)
{
    return parseHttpDate(result.header("Date"));
}

} // namespace

class TestSimulatorOperationFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldAimAFaultAtListAccountsOnly()
    {
        EnrollmentSimulator simulator(SimulatedOrganization::generate(30));
        simulator.addCredentials(credentials.accessKeyId, credentials.secretAccessKey);
        QVERIFY(simulator.listen());
        simulator.addFault(FaultRule{SimulatorFault::Throttling400, 1, 1, "ListAccounts"});
        SimulatorClient client(simulator.endpointUrl(), credentials);

        const CallResult throttled = client.call("{}", listAccounts());
        QCOMPARE(throttled.httpStatus, 400);
        QCOMPARE(throttled.errorCode(), QStringLiteral("TooManyRequestsException"));
        QCOMPARE(client.call("{}", listAccounts()).httpStatus, 200);
        QCOMPARE(client.call("{}").httpStatus, 200); // the page operation is left alone
        QCOMPARE(simulator.listAccountsRequestCount(), 2);
    }

    void shouldAimAFaultAtGetEnrollmentStatusOnly()
    {
        EnrollmentSimulator simulator(SimulatedOrganization::generate(30));
        simulator.addCredentials(credentials.accessKeyId, credentials.secretAccessKey);
        QVERIFY(simulator.listen());
        simulator.addFault(FaultRule{SimulatorFault::InternalError500, 2, 1, "GetEnrollmentStatus"});
        SimulatorClient client(simulator.endpointUrl(), credentials);
        CallOptions status;
        status.target = statusTarget;

        QCOMPARE(client.call("{}", status).httpStatus, 200);
        const CallResult failed = client.call("{}", status);
        QCOMPARE(failed.httpStatus, 500);
        QCOMPARE(failed.errorCode(), QStringLiteral("InternalServerException"));
        QCOMPARE(client.call("{}", status).httpStatus, 200);
        QCOMPARE(client.call("{}").httpStatus, 200);
        QCOMPARE(simulator.enrollmentStatusRequestCount(), 3);
    }

    void shouldCutOffAListAccountsPage()
    {
        EnrollmentSimulator simulator(SimulatedOrganization::generate(30));
        simulator.setRequireSignature(false);
        QVERIFY(simulator.listen());
        simulator.addFault(FaultRule{SimulatorFault::TruncatedBody, 1, 1, "ListAccounts"});
        const QByteArray body = "{}";
        const QByteArray wire = exchange(simulator.endpointUrl(),
                                         "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
                                         "X-Amz-Target: " + listAccountsTarget + "\r\nContent-Length: 2\r\n\r\n" + body);
        QVERIFY2(wire.startsWith("HTTP/1.1 200 OK\r\n"), wire.constData());
        QVERIFY(bodyShortfall(wire) > 0);
    }

    void shouldThrottleAssumeRoleInStsWords_data()
    {
        QTest::addColumn<SimulatorFault>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("throttling") << SimulatorFault::Throttling400 << 400 << QByteArray("<Code>Throttling</Code>");
        QTest::newRow("503") << SimulatorFault::Unavailable503 << 503 << QByteArray("<Code>ServiceUnavailable</Code>");
        QTest::newRow("expired") << SimulatorFault::ExpiredToken << 400 << QByteArray("<Code>ExpiredToken</Code>");
    }

    void shouldThrottleAssumeRoleInStsWords()
    {
        QFETCH(SimulatorFault, fault);
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        StsSimulator simulator;
        QVERIFY(simulator.listen());
        simulator.addFault(FaultRule{fault, 2, 1, "AssumeRole"});
        SimulatorClient client(simulator.url(), credentials);

        QVERIFY(client.call(assumeRoleBody, sts()).httpStatus != status); // not the chosen request
        const CallResult refused = client.call(assumeRoleBody, sts());
        QCOMPARE(refused.httpStatus, status);
        QVERIFY2(refused.body.contains(code), refused.body.constData());
        QCOMPARE(refused.header("Content-Type"), QByteArray("text/xml"));
    }

    void shouldResetAndCutOffStsAnswers()
    {
        StsSimulator simulator;
        simulator.addSourceCredentials(credentials.accessKeyId, credentials.secretAccessKey);
        simulator.addRole(QStringLiteral("arn:aws:iam::111122223333:role/Audit"));
        QVERIFY(simulator.listen());
        simulator.addFault(FaultRule{SimulatorFault::ConnectionReset, 1, 1});
        simulator.addFault(FaultRule{SimulatorFault::TruncatedBody, 2, 1});
        QCOMPARE(exchange(simulator.url(), formPost(assumeRoleBody)), QByteArray());
        SimulatorClient client(simulator.url(), credentials);
        const CallResult cut = client.call(assumeRoleBody, sts());
        QVERIFY(cut.error != QNetworkReply::NoError);
        QVERIFY(cut.body.size() < cut.header("Content-Length").toInt());
        QCOMPARE(client.call(assumeRoleBody, sts()).httpStatus, 200);
        QCOMPARE(simulator.receivedRequests().size(), 3);
    }

    void shouldServeThePortalsFaults_data()
    {
        QTest::addColumn<SimulatorFault>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("errorType");
        QTest::newRow("throttling, 429") << SimulatorFault::Throttling429 << 429 << QByteArray("TooManyRequestsException");
        QTest::newRow("500") << SimulatorFault::InternalError500 << 500 << QByteArray("InternalServerException");
        QTest::newRow("expired") << SimulatorFault::ExpiredToken << 401 << QByteArray("UnauthorizedException");
    }

    void shouldServeThePortalsFaults()
    {
        QFETCH(SimulatorFault, fault);
        QFETCH(int, status);
        QFETCH(QByteArray, errorType);
        SsoPortalSimulator portal;
        portal.acceptAccessToken(QStringLiteral("token"));
        portal.addRole(QStringLiteral("111122223333"), QStringLiteral("Audit"));
        QVERIFY(portal.listen());
        portal.addFault(FaultRule{fault, 1, 1, "GetRoleCredentials"});

        const QByteArray refused = exchange(portal.url(), portalRequest(QStringLiteral("token")));
        const QByteArray statusLine = "HTTP/1.1 " + QByteArray::number(status) + ' ';
        const QByteArray errorTypeHeader = "x-amzn-ErrorType: " + errorType + ':';
        QVERIFY2(refused.startsWith(statusLine), refused.constData());
        QVERIFY(refused.contains(errorTypeHeader));
        QVERIFY(exchange(portal.url(), portalRequest(QStringLiteral("token"))).startsWith("HTTP/1.1 200 OK\r\n"));
    }

    void shouldResetStallAndCutOffThePortalsAnswers()
    {
        SsoPortalSimulator portal;
        portal.acceptAccessToken(QStringLiteral("token"));
        portal.addRole(QStringLiteral("111122223333"), QStringLiteral("Audit"));
        QVERIFY(portal.listen());
        portal.addFault(FaultRule{SimulatorFault::ConnectionReset, 1, 1});
        portal.addFault(FaultRule{SimulatorFault::TruncatedBody, 2, 1});
        portal.addFault(FaultRule{SimulatorFault::Stall, 3, 1});
        QCOMPARE(exchange(portal.url(), portalRequest(QStringLiteral("token"))), QByteArray());
        const QByteArray cut = exchange(portal.url(), portalRequest(QStringLiteral("token")));
        QVERIFY2(cut.startsWith("HTTP/1.1 200 OK\r\n"), cut.constData());
        QVERIFY(bodyShortfall(cut) > 0);

        QTcpSocket stalled;
        stalled.connectToHost(QHostAddress::LocalHost, quint16(portal.url().port()));
        QVERIFY(stalled.waitForConnected(5000));
        stalled.write(portalRequest(QStringLiteral("token")));
        QTRY_COMPARE(portal.receivedRequests().size(), 3);
        QVERIFY(!stalled.waitForReadyRead(300));
        QVERIFY(exchange(portal.url(), portalRequest(QStringLiteral("token"))).startsWith("HTTP/1.1 200 OK\r\n"));
    }

    void shouldJudgeSignaturesByItsOwnClock_data()
    {
        QTest::addColumn<qint64>("offsetSeconds");
        QTest::addColumn<QString>("refusal");
        QTest::newRow("15 minutes ahead") << qint64(900) << QStringLiteral("Signature expired");
        QTest::newRow("15 minutes behind") << qint64(-900) << QStringLiteral("Signature not yet current");
    }

    void shouldJudgeSignaturesByItsOwnClock()
    {
        QFETCH(qint64, offsetSeconds);
        QFETCH(QString, refusal);
        StsSimulator simulator;
        simulator.addSourceCredentials(credentials.accessKeyId, credentials.secretAccessKey);
        simulator.addRole(QStringLiteral("arn:aws:iam::111122223333:role/Audit"));
        simulator.setClockOffsetSeconds(offsetSeconds);
        QVERIFY(simulator.listen());
        SimulatorClient client(simulator.url(), credentials);

        const CallResult skewed = client.call(assumeRoleBody, sts());
        QCOMPARE(skewed.httpStatus, 403);
        QVERIFY2(skewed.body.contains("<Code>SignatureDoesNotMatch</Code>"), skewed.body.constData());
        QVERIFY2(skewed.body.contains(refusal.toUtf8()), skewed.body.constData());
        const qint64 dateOffset = QDateTime::currentDateTimeUtc().secsTo(dateOf(skewed));
        QVERIFY2(qAbs(dateOffset - offsetSeconds) <= 2, qPrintable(QString::number(dateOffset)));

        CallOptions onServerTime = sts();
        onServerTime.signingClockOffsetSeconds = offsetSeconds;
        QCOMPARE(client.call(assumeRoleBody, onServerTime).httpStatus, 200);
    }

    void shouldSendExactlyOneDateHeader_data()
    {
        QTest::addColumn<int>("server");
        QTest::newRow("Compute Optimizer and Organizations") << 0;
        QTest::newRow("STS") << 1;
        QTest::newRow("IAM Identity Center portal") << 2;
    }

    void shouldSendExactlyOneDateHeader()
    {
        QFETCH(int, server);
        EnrollmentSimulator enrollment(SimulatedOrganization::generate(5));
        enrollment.setClockOffsetSeconds(-900);
        StsSimulator stsSimulator;
        stsSimulator.setClockOffsetSeconds(900);
        SsoPortalSimulator portal;
        portal.setClockOffsetSeconds(900);
        portal.acceptAccessToken(QStringLiteral("token"));
        portal.addRole(QStringLiteral("111122223333"), QStringLiteral("Audit"));
        QVERIFY(enrollment.listen() && stsSimulator.listen() && portal.listen());

        QByteArray wire;
        if (server == 0)
            wire = exchange(enrollment.endpointUrl(),
                            SimulatorClient::signedRequestBytes(enrollment.endpointUrl(), credentials, "{}"));
        else if (server == 1)
            wire = exchange(stsSimulator.url(), formPost(assumeRoleBody));
        else
            wire = exchange(portal.url(), portalRequest(QStringLiteral("token")));
        QVERIFY2(wire.startsWith("HTTP/1.1 "), wire.constData());
        QCOMPARE(dateHeaders(wire), 1);
    }

    void shouldLeaveTheServersOwnHeadersToTheWire()
    {
        HttpResponse response;
        response.setHeader("Date", "Thu, 01 Jan 1970 00:00:00 GMT");
        response.setHeader("Content-Length", "999");
        response.body = "{}";
        const QByteArray wire = response.toWire(QDateTime::currentDateTimeUtc(), true);
        QCOMPARE(dateHeaders(wire), 1);
        QVERIFY(!wire.contains("1970"));
        QVERIFY(wire.contains("Content-Length: 2\r\n"));
        QVERIFY(!wire.contains("999"));
    }
};

QTEST_GUILESS_MAIN(TestSimulatorOperationFaults)
#include "test_simulator_operation_faults.moc"
