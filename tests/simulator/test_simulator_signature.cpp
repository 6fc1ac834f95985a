#include "simulatorclient.h"

#include "simulator/enrollmentsimulator.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTest>

namespace {

const AwsCredentials credentials{QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                                 {}, std::nullopt};

QDateTime parseHttpDate(const QByteArray &value)
{
    return QLocale::c().toDateTime(QString::fromLatin1(value), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toUTC();
}

QDateTime fromAmzTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    time.setTimeSpec(Qt::UTC);
    return time;
}

} // namespace

class TestSimulatorSignature : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_simulator = new EnrollmentSimulator(SimulatedOrganization::generate(20), this);
        m_simulator->addCredentials(credentials.accessKeyId, credentials.secretAccessKey);
        QVERIFY(m_simulator->listen());
        m_client = std::make_unique<SimulatorClient>(m_simulator->endpointUrl(), credentials);
    }

    void cleanup()
    {
        m_client.reset();
        delete m_simulator;
    }

    void shouldAcceptARequestSignedWithARegisteredKey()
    {
        const CallResult result = m_client->call("{}");
        QCOMPARE(result.httpStatus, 200);
    }

    void shouldRejectRequestsThatAreNotSignedCorrectly_data()
    {
        QTest::addColumn<CallOptions>("options");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QString>("errorCode");
        QTest::addColumn<QString>("message");

        CallOptions unsigned_;
        unsigned_.sign = false;
        QTest::newRow("no signature") << unsigned_ << 403 << QStringLiteral("MissingAuthenticationToken")
                                      << QStringLiteral("Missing Authentication Token");

        CallOptions unknownKey;
        unknownKey.credentials = AwsCredentials{QStringLiteral("AKIDUNKNOWN"), credentials.secretAccessKey, {}, {}};
        QTest::newRow("unknown access key") << unknownKey << 400 << QStringLiteral("UnrecognizedClientException")
                                            << QStringLiteral("The security token included in the request is invalid.");

        const QString mismatch = QStringLiteral(
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret "
            "Access Key and signing method. Consult the service documentation for details.");
        CallOptions wrongSecret;
        wrongSecret.credentials = AwsCredentials{credentials.accessKeyId, QStringLiteral("not-the-secret"), {}, {}};
        QTest::newRow("wrong secret") << wrongSecret << 400 << QStringLiteral("InvalidSignatureException") << mismatch;

        CallOptions tampered;
        tampered.changeBodyAfterSigning = true;
        QTest::newRow("body changed after signing") << tampered << 400 << QStringLiteral("InvalidSignatureException")
                                                    << mismatch;

        CallOptions otherRegion;
        otherRegion.region = QStringLiteral("eu-west-1");
        QTest::newRow("signed for another region") << otherRegion << 400 << QStringLiteral("InvalidSignatureException")
                                                   << QStringLiteral("Credential should be scoped to a valid region.");

        CallOptions otherService;
        otherService.service = QStringLiteral("organizations");
        QTest::newRow("signed for another service")
            << otherService << 400 << QStringLiteral("InvalidSignatureException")
            << QStringLiteral("Credential should be scoped to correct service: 'compute-optimizer'.");
    }

    void shouldRejectRequestsThatAreNotSignedCorrectly()
    {
        QFETCH(CallOptions, options);
        QFETCH(int, httpStatus);
        QFETCH(QString, errorCode);
        QFETCH(QString, message);
        const CallResult result = m_client->call("{}", options);
        QCOMPARE(result.httpStatus, httpStatus);
        QCOMPARE(result.errorCode(), errorCode);
        QCOMPARE(result.message(), message);
        QCOMPARE(QString::fromLatin1(result.header("X-Amzn-Errortype").split(':').first()), errorCode);
        QVERIFY(parseHttpDate(result.header("Date")).isValid());
        QCOMPARE(m_simulator->pageRequestCount(), 1);
    }

    void shouldRejectAnIncompleteAuthorizationHeader()
    {
        QNetworkAccessManager network;
        QNetworkRequest request(m_simulator->endpointUrl());
        request.setRawHeader("Content-Type", "application/x-amz-json-1.0");
        request.setRawHeader("X-Amz-Target", pageTarget);
        request.setRawHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/compute-optimizer/aws4_request");
        QNetworkReply *reply = network.post(request, QByteArray("{}"));
        const CallResult result = collect(reply, 10000);
        delete reply;
        QCOMPARE(result.httpStatus, 400);
        QCOMPARE(result.errorCode(), QStringLiteral("IncompleteSignatureException"));
    }

    void shouldRejectRequestsSignedTooFarFromTheServerClock_data()
    {
        QTest::addColumn<qint64>("clientOffsetSeconds");
        QTest::addColumn<qint64>("serverOffsetSeconds");
        QTest::addColumn<QString>("pattern");
        const QString expired = QStringLiteral("^Signature expired: (\\d{8}T\\d{6}Z) is now earlier than (\\d{8}T\\d{6}Z) "
                                               "\\((\\d{8}T\\d{6}Z) - 5 min\\.\\)$");
        const QString notYet = QStringLiteral("^Signature not yet current: (\\d{8}T\\d{6}Z) is still later than "
                                              "(\\d{8}T\\d{6}Z) \\((\\d{8}T\\d{6}Z) \\+ 5 min\\.\\)$");
        QTest::newRow("client clock 6 minutes slow") << qint64(-360) << qint64(0) << expired;
        QTest::newRow("client clock 6 minutes fast") << qint64(360) << qint64(0) << notYet;
        QTest::newRow("server clock an hour ahead") << qint64(0) << qint64(3600) << expired;
        QTest::newRow("server clock a day behind") << qint64(0) << qint64(-86400) << notYet;
    }

    void shouldRejectRequestsSignedTooFarFromTheServerClock()
    {
        QFETCH(qint64, clientOffsetSeconds);
        QFETCH(qint64, serverOffsetSeconds);
        QFETCH(QString, pattern);
        m_simulator->setClockOffsetSeconds(serverOffsetSeconds);
        CallOptions options;
        options.signingClockOffsetSeconds = clientOffsetSeconds;
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const CallResult result = m_client->call("{}", options);

        QCOMPARE(result.httpStatus, 400);
        QCOMPARE(result.errorCode(), QStringLiteral("InvalidSignatureException"));
        const QRegularExpressionMatch match = QRegularExpression(pattern).match(result.message());
        QVERIFY2(match.hasMatch(), qPrintable(result.message()));
        const QDateTime signedAt = fromAmzTime(match.captured(1));
        const QDateTime limit = fromAmzTime(match.captured(2));
        const QDateTime serverNow = fromAmzTime(match.captured(3));
        QVERIFY(qAbs(signedAt.secsTo(before.addSecs(clientOffsetSeconds))) <= 5);
        QVERIFY(qAbs(serverNow.secsTo(before.addSecs(serverOffsetSeconds))) <= 5);
        QCOMPARE(qAbs(limit.secsTo(serverNow)), 300);

        // The Date header carries the server's clock, so a client can correct its skew from it.
        const QDateTime date = parseHttpDate(result.header("Date"));
        QVERIFY2(date.isValid(), result.header("Date").constData());
        QVERIFY(qAbs(date.secsTo(serverNow)) <= 2);
    }

    void shouldAcceptRequestsWithinFiveMinutesOfTheServerClock_data()
    {
        QTest::addColumn<qint64>("clientOffsetSeconds");
        QTest::addColumn<qint64>("serverOffsetSeconds");
        QTest::newRow("client 4 minutes slow") << qint64(-240) << qint64(0);
        QTest::newRow("client 4 minutes fast") << qint64(240) << qint64(0);
        QTest::newRow("both an hour ahead") << qint64(3600) << qint64(3600);
    }

    void shouldAcceptRequestsWithinFiveMinutesOfTheServerClock()
    {
        QFETCH(qint64, clientOffsetSeconds);
        QFETCH(qint64, serverOffsetSeconds);
        m_simulator->setClockOffsetSeconds(serverOffsetSeconds);
        CallOptions options;
        options.signingClockOffsetSeconds = clientOffsetSeconds;
        QCOMPARE(m_client->call("{}", options).httpStatus, 200);
    }

    void shouldCheckTheConfiguredRegion()
    {
        m_simulator->setRegion(QStringLiteral("eu-central-1"));
        CallOptions options;
        QCOMPARE(m_client->call("{}", options).httpStatus, 400);
        options.region = QStringLiteral("eu-central-1");
        QCOMPARE(m_client->call("{}", options).httpStatus, 200);
    }

    void shouldRequireTheSessionTokenRegisteredWithTheKey_data()
    {
        QTest::addColumn<QString>("sessionToken");
        QTest::addColumn<int>("httpStatus");
        QTest::newRow("the registered token") << QStringLiteral("FwoGZXIvYXdzEXAMPLETOKEN") << 200;
        QTest::newRow("no token") << QString() << 400;
        QTest::newRow("another token") << QStringLiteral("FwoGZXIvYXdzOTHERTOKEN") << 400;
    }

    void shouldRequireTheSessionTokenRegisteredWithTheKey()
    {
        QFETCH(QString, sessionToken);
        QFETCH(int, httpStatus);
        m_simulator->addCredentials(QStringLiteral("ASIATEMPORARY"), QStringLiteral("temporary-secret"),
                                    QStringLiteral("FwoGZXIvYXdzEXAMPLETOKEN"));
        CallOptions options;
        options.credentials = AwsCredentials{QStringLiteral("ASIATEMPORARY"), QStringLiteral("temporary-secret"),
                                             sessionToken, std::nullopt};
        const CallResult result = m_client->call("{}", options);
        QCOMPARE(result.httpStatus, httpStatus);
        if (httpStatus != 200)
            QCOMPARE(result.errorCode(), QStringLiteral("UnrecognizedClientException"));
    }

    void shouldRejectASessionTokenForAKeyThatHasNone()
    {
        CallOptions options;
        options.credentials = credentials;
        options.credentials->sessionToken = QStringLiteral("unexpected");
        QCOMPARE(m_client->call("{}", options).errorCode(), QStringLiteral("UnrecognizedClientException"));
    }

    void shouldServeUnsignedRequestsWhenSignaturesAreNotRequired()
    {
        m_simulator->setRequireSignature(false);
        CallOptions options;
        options.sign = false;
        QCOMPARE(m_client->call("{}", options).httpStatus, 200);
    }

    void shouldCheckSignaturesOfGetEnrollmentStatusToo()
    {
        CallOptions options;
        options.target = statusTarget;
        options.sign = false;
        QCOMPARE(m_client->call("{}", options).errorCode(), QStringLiteral("MissingAuthenticationToken"));
    }

private:
    EnrollmentSimulator *m_simulator = nullptr;
    std::unique_ptr<SimulatorClient> m_client;
};

QTEST_GUILESS_MAIN(TestSimulatorSignature)
#include "test_simulator_signature.moc"
