#include "simulatorclient.h"

#include "simulator/enrollmentsimulator.h"
#include "simulator/simulatorhost.h"

#include <QTcpServer>
#include <QTest>
#include <QThread>

namespace {

const AwsCredentials credentials{QStringLiteral("AKIDDEMO"), QStringLiteral("demo-secret"), {}, std::nullopt};

} // namespace

class TestSimulatorHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldServeFromItsOwnNamedThread()
    {
        QString threadName;
        bool onCallingThread = true;
        SimulatorHost host(SimulatedOrganization::generate(450), [&](EnrollmentSimulator &simulator) {
            threadName = QThread::currentThread()->objectName();
            onCallingThread = QThread::currentThread() == qApp->thread();
            simulator.addCredentials(credentials.accessKeyId, credentials.secretAccessKey);
            simulator.setPageLatencyMs(5);
        });
        const QUrl endpoint = host.start();
        QVERIFY2(endpoint.isValid(), qPrintable(host.errorString()));
        QCOMPARE(endpoint, host.endpointUrl());
        QCOMPARE(endpoint.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(threadName, QStringLiteral("EnrollmentSimulator"));
        QVERIFY(!onCallingThread);

        SimulatorClient client(endpoint, credentials);
        const SimulatorClient::Listing listing = client.listAll();
        QVERIFY(!listing.failed);
        QCOMPARE(listing.accounts.size(), 450);
        QCOMPARE(listing.pages, 5);
    }

    void shouldStopServingWhenDestroyed()
    {
        QUrl endpoint;
        {
            SimulatorHost host(SimulatedOrganization::generate(10),
                               [](EnrollmentSimulator &simulator) { simulator.setRequireSignature(false); });
            endpoint = host.start();
            QVERIFY(endpoint.isValid());
            SimulatorClient client(endpoint, credentials);
            QCOMPARE(client.call("{}").httpStatus, 200);
        }
        SimulatorClient client(endpoint, credentials);
        const CallResult result = client.call("{}");
        QVERIFY(result.finished);
        QCOMPARE(result.error, QNetworkReply::ConnectionRefusedError);
    }

    void shouldStopWhileARequestIsStalled()
    {
        QObject receiver;
        int received = 0;
        SimulatorClient *client = nullptr;
        QNetworkReply *reply = nullptr;
        {
            SimulatorHost host(SimulatedOrganization::generate(10), [&](EnrollmentSimulator &simulator) {
                simulator.setRequireSignature(false);
                simulator.addFault(FaultRule{SimulatorFault::Stall, 0});
                // Queued to this thread: the simulator emits on its own.
                connect(&simulator, &EnrollmentSimulator::pageRequestReceived, &receiver, [&received] { ++received; });
            });
            client = new SimulatorClient(host.start(), credentials);
            reply = client->send("{}");
            QTRY_VERIFY(received >= 1);
            QVERIFY(!reply->isFinished());
        }
        QTRY_VERIFY(reply->isFinished());
        QVERIFY(reply->error() != QNetworkReply::NoError);
        delete reply;
        delete client;
    }

    void shouldReportAPortThatIsTaken()
    {
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost));
        SimulatorHost host(SimulatedOrganization::generate(1));
        QVERIFY(host.start(occupant.serverPort()).isEmpty());
        QVERIFY(host.errorString().contains(QLatin1String("127.0.0.1")));
    }

    void shouldDestroyAHostThatNeverStarted()
    {
        SimulatorHost host(SimulatedOrganization::generate(1));
        QVERIFY(host.endpointUrl().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSimulatorHost)
#include "test_simulator_host.moc"
