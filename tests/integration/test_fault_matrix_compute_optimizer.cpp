// The fault matrix for the calls beside the enrollment list, against the loopback simulator:
// Organizations ListAccounts pages (account names, fetched during a load) and Compute Optimizer
// GetEnrollmentStatus (the caller's own enrollment). Each call completes, or ends with a clear
// error while the rows already loaded are kept.
#include "faultmatrix.h"
#include "loadrecorder.h"
#include "network/loadsession.h"
#include "rotatingcredentialprovider.h"
#include "simulator/enrollmentsimulator.h"

#include <QSignalSpy>
#include <QtTest>

using namespace FaultMatrix;

namespace {

constexpr int AccountCount = 245; // 13 ListAccounts pages of 20, 3 enrollment pages of 100
constexpr int NamePages = (AccountCount + 19) / 20;
constexpr int FaultyNamePage = 3;

AwsCredentials temporaryCredentials(int generation)
{
    AwsCredentials credentials;
    credentials.accessKeyId = QStringLiteral("ASIAMATRIX%1").arg(generation);
    credentials.secretAccessKey = QStringLiteral("matrix-secret-%1").arg(generation);
    credentials.sessionToken = QStringLiteral("matrix-session-token-%1").arg(generation);
    return credentials;
}

} // namespace

class FaultMatrixComputeOptimizerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void accountNamesShouldCompleteOrExplainWithTheListKept_data() { addRows(); }
    void accountNamesShouldCompleteOrExplainWithTheListKept();
    void ownEnrollmentShouldCompleteOrExplain_data() { addRows(); }
    void ownEnrollmentShouldCompleteOrExplain();

private:
    EnrollmentQuery query() const;
    void applyRow(const QByteArray &operation, int onRequest);

    SimulatedOrganization m_organization = SimulatedOrganization::generate(AccountCount, 23);
    EnrollmentSimulator *m_simulator = nullptr;
    std::shared_ptr<RotatingCredentialProvider> m_credentials;
};

void FaultMatrixComputeOptimizerTest::init()
{
    m_simulator = new EnrollmentSimulator(m_organization, this);
    for (int generation : {1, 2}) {
        const AwsCredentials credentials = temporaryCredentials(generation);
        m_simulator->addCredentials(credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken);
    }
    QVERIFY(m_simulator->listen());
    m_credentials = std::make_shared<RotatingCredentialProvider>(
        QList<Expected<AwsCredentials>>{temporaryCredentials(1), temporaryCredentials(2)});
}

void FaultMatrixComputeOptimizerTest::cleanup()
{
    delete m_simulator;
    m_simulator = nullptr;
}

EnrollmentQuery FaultMatrixComputeOptimizerTest::query() const
{
    EnrollmentQuery query;
    query.endpoint = m_simulator->endpointUrl();
    query.signingRegion = QStringLiteral("us-east-1");
    query.credentials = m_credentials;
    query.client.network.timeoutMs = 2'000;
    query.client.maxAttempts = MaxAttempts;
    query.includeAccountNames = true;
    query.organizations = ServiceEndpoint{m_simulator->endpointUrl(), QStringLiteral("us-east-1"),
                                          QStringLiteral("organizations")};
    return query;
}

void FaultMatrixComputeOptimizerTest::applyRow(const QByteArray &operation, int onRequest)
{
    QFETCH(bool, faulty);
    QFETCH(SimulatorFault, fault);
    QFETCH(int, times);
    QFETCH(qint64, clockOffsetSeconds);
    if (faulty)
        m_simulator->addFault(FaultRule{fault, onRequest, times, operation});
    m_simulator->setClockOffsetSeconds(clockOffsetSeconds);
}

void FaultMatrixComputeOptimizerTest::accountNamesShouldCompleteOrExplainWithTheListKept()
{
    QFETCH(bool, faulty);
    QFETCH(SimulatorFault, fault);
    QFETCH(int, times);
    QFETCH(qint64, clockOffsetSeconds);
    QFETCH(int, ending);
    applyRow("ListAccounts", FaultyNamePage);

    LoadSession loader;
    loader.setRandomSource([] { return 0.01; });
    LoadRecorder recorder(&loader);
    AccountNames names;
    connect(&loader, &LoadSession::accountNamesReceived, this, [&](const AccountNames &page) { names.insert(page); });
    QSignalSpy unavailable(&loader, &LoadSession::accountNamesUnavailable);
    loader.start(query());
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 20'000);

    // The enrollment list never waits on names, whatever happens to them.
    QVERIFY2(recorder.outcome == LoadRecorder::Outcome::Finished, qPrintable(recorder.failure.message));
    QCOMPARE(recorder.distinctAccounts(), AccountCount);
    if (Ending(ending) == Ending::Completes) {
        QVERIFY2(unavailable.isEmpty(), unavailable.isEmpty() ? "" : qPrintable(unavailable.at(0).at(0).toString()));
        QCOMPARE(names.size(), AccountCount + 1); // and the management account
        for (const SimulatedAccount &account : std::as_const(m_organization.accounts))
            QCOMPARE(names.value(account.accountId).name, account.name);
        QCOMPARE(m_simulator->listAccountsRequestCount(), NamePages + extraRequests(faulty, times, clockOffsetSeconds));
    } else {
        QCOMPARE(unavailable.size(), 1);
        const QString reason = unavailable.at(0).at(0).toString();
        QVERIFY2(isClear(reason, fault), qPrintable(reason));
        QCOMPARE(unavailable.at(0).at(1).toBool(), false);
        QCOMPARE(recorder.ended_.namesWarning, reason);
        QCOMPARE(names.size(), (FaultyNamePage - 1) * 20); // the names already in are kept
    }
    if (fault == SimulatorFault::ExpiredToken && faulty)
        QCOMPARE(m_credentials->calls(), 2); // renewed once, never in a loop
}

void FaultMatrixComputeOptimizerTest::ownEnrollmentShouldCompleteOrExplain()
{
    QFETCH(bool, faulty);
    QFETCH(SimulatorFault, fault);
    QFETCH(int, times);
    QFETCH(qint64, clockOffsetSeconds);
    QFETCH(int, ending);
    applyRow("GetEnrollmentStatus", 1);

    LoadSession loader;
    loader.setRandomSource([] { return 0.01; });
    QSignalSpy received(&loader, &LoadSession::ownEnrollmentReceived);
    QSignalSpy failed(&loader, &LoadSession::ownEnrollmentFailed);
    loader.fetchOwnEnrollment(query());
    QTRY_VERIFY_WITH_TIMEOUT(received.size() + failed.size() == 1, 20'000);

    if (Ending(ending) == Ending::Completes) {
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(received.at(0).at(0).value<OwnEnrollment>().status, QStringLiteral("Active"));
        QCOMPARE(m_simulator->enrollmentStatusRequestCount(), 1 + extraRequests(faulty, times, clockOffsetSeconds));
    } else {
        QCOMPARE(received.size(), 0);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(isClear(message, fault), qPrintable(message));
        QVERIFY(!message.contains(temporaryCredentials(1).secretAccessKey));
    }
    if (fault == SimulatorFault::ExpiredToken && faulty)
        QCOMPARE(m_credentials->calls(), 2);
}

QTEST_GUILESS_MAIN(FaultMatrixComputeOptimizerTest)
#include "test_fault_matrix_compute_optimizer.moc"
