// The fault matrix: the real fetcher on its worker thread against the loopback simulator. Every
// fault ends in one of two ways: every account exactly once, or a clear error with the loaded
// rows kept (and a resume that then completes the list without duplicates).
#include "loadrecorder.h"
#include "network/enrollmentfetcher.h"
#include "network/loadsession.h"
#include "profiles/staticcredentialprovider.h"
#include "simulator/enrollmentsimulator.h"

#include <QtTest>

Q_DECLARE_METATYPE(SimulatorFault)

namespace {

constexpr int AccountCount = 1050; // 11 pages of 100, the last one short
const QString AccessKey = QStringLiteral("AKIDFAULTMATRIX");
const QString SecretKey = QStringLiteral("fault-matrix-secret");

QStringList expectedIds(const SimulatedOrganization &organization)
{
    QStringList ids;
    for (const SimulatedAccount &account : organization.accounts)
        ids.append(account.accountId);
    return ids;
}

} // namespace

class FetcherFaultsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shouldLoadEveryAccountExactlyOnce();
    void shouldRecoverFromTransientFaults_data();
    void shouldRecoverFromTransientFaults();
    void shouldStopWithRowsKeptAndResumeToCompletion_data();
    void shouldStopWithRowsKeptAndResumeToCompletion();
    void shouldRefuseARepeatedNextToken();
    void shouldCorrectClockSkew_data();
    void shouldCorrectClockSkew();
    void shouldExplainAWrongSecretKey();
    void shouldExplainAccessDenied();
    void shouldSendTheStatusFilterToTheServer();
    void shouldKeepRowsWhenCancelledAndDeliverNoMore();
    void shouldFetchTheCallersOwnEnrollment();
    void shouldRefuseACaBundleWithoutCertificates();

private:
    EnrollmentQuery query(int readTimeoutMs = 10'000) const;

    SimulatedOrganization m_organization = SimulatedOrganization::generate(AccountCount, 42);
    EnrollmentSimulator *m_simulator = nullptr;
};

void FetcherFaultsTest::init()
{
    m_simulator = new EnrollmentSimulator(m_organization, this);
    m_simulator->addCredentials(AccessKey, SecretKey);
    QVERIFY(m_simulator->listen());
}

void FetcherFaultsTest::cleanup()
{
    delete m_simulator;
    m_simulator = nullptr;
}

EnrollmentQuery FetcherFaultsTest::query(int readTimeoutMs) const
{
    EnrollmentQuery query;
    query.endpoint = m_simulator->endpointUrl();
    query.signingRegion = QStringLiteral("us-east-1");
    AwsCredentials credentials;
    credentials.accessKeyId = AccessKey;
    credentials.secretAccessKey = SecretKey;
    query.credentials = std::make_shared<StaticCredentialProvider>(credentials, QStringLiteral("test"));
    query.client.network.timeoutMs = readTimeoutMs;
    return query;
}

void FetcherFaultsTest::shouldLoadEveryAccountExactlyOnce()
{
    LoadSession loader;
    LoadRecorder recorder(&loader);
    loader.start(query());
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 20'000);
    QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Finished);
    QCOMPARE(recorder.accountIds, expectedIds(m_organization));
    QCOMPARE(recorder.pages, 11);
    QCOMPARE(recorder.progress.accounts, AccountCount);
    QCOMPARE(m_simulator->pageRequestCount(), 11);
}

void FetcherFaultsTest::shouldRecoverFromTransientFaults_data()
{
    QTest::addColumn<SimulatorFault>("fault");
    QTest::addColumn<int>("times");
    QTest::newRow("throttled as 400") << SimulatorFault::Throttling400 << 2;
    QTest::newRow("throttled as 429") << SimulatorFault::Throttling429 << 2;
    QTest::newRow("500") << SimulatorFault::InternalError500 << 2;
    QTest::newRow("503") << SimulatorFault::Unavailable503 << 2;
    QTest::newRow("connection reset") << SimulatorFault::ConnectionReset << 2;
    QTest::newRow("body truncated mid-way") << SimulatorFault::TruncatedBody << 2;
    QTest::newRow("invalid JSON in a 200") << SimulatorFault::InvalidJson200 << 1;
    QTest::newRow("server stops responding") << SimulatorFault::Stall << 1;
}

void FetcherFaultsTest::shouldRecoverFromTransientFaults()
{
    QFETCH(SimulatorFault, fault);
    QFETCH(int, times);
    m_simulator->addFault({fault, 4, times});

    LoadSession loader;
    loader.setRandomSource([] { return 0.01; });
    LoadRecorder recorder(&loader);
    loader.start(query(1'000));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 30'000);
    QVERIFY2(recorder.outcome == LoadRecorder::Outcome::Finished, qPrintable(recorder.failure.message));
    QCOMPARE(recorder.accountIds, expectedIds(m_organization));
    QCOMPARE(recorder.distinctAccounts(), AccountCount);
    // Qt itself resends once when a kept-alive connection drops before any answer, so a reset
    // may cost the fetcher fewer retries than the server saw faults.
    if (fault == SimulatorFault::ConnectionReset)
        QVERIFY(recorder.progress.retries >= 1 && recorder.progress.retries <= times);
    else
        QCOMPARE(recorder.progress.retries, times);
    QCOMPARE(m_simulator->pageRequestCount(), 11 + times);
}

void FetcherFaultsTest::shouldStopWithRowsKeptAndResumeToCompletion_data()
{
    QTest::addColumn<SimulatorFault>("fault");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("throttling storm") << SimulatorFault::Throttling400 << int(FetchFailure::Kind::Throttled)
                                      << QStringLiteral("throttling");
    QTest::newRow("500 every time") << SimulatorFault::InternalError500 << int(FetchFailure::Kind::Unavailable)
                                    << QStringLiteral("internal error");
    QTest::newRow("503 every time") << SimulatorFault::Unavailable503 << int(FetchFailure::Kind::Unavailable)
                                    << QStringLiteral("unavailable");
    QTest::newRow("resets every time") << SimulatorFault::ConnectionReset << int(FetchFailure::Kind::Network)
                                       << QStringLiteral("retry");
    QTest::newRow("truncated every time") << SimulatorFault::TruncatedBody << int(FetchFailure::Kind::Network)
                                          << QStringLiteral("page 5");
    QTest::newRow("invalid JSON every time") << SimulatorFault::InvalidJson200
                                             << int(FetchFailure::Kind::MalformedPage)
                                             << QStringLiteral("not valid JSON");
    QTest::newRow("wrong content type") << SimulatorFault::WrongContentType200
                                        << int(FetchFailure::Kind::MalformedPage) << QStringLiteral("text/html");
    QTest::newRow("server never answers") << SimulatorFault::Stall << int(FetchFailure::Kind::Network)
                                          << QStringLiteral("did not answer");
    QTest::newRow("expired credentials") << SimulatorFault::ExpiredToken << int(FetchFailure::Kind::Credentials)
                                         << QStringLiteral("expired");
}

void FetcherFaultsTest::shouldStopWithRowsKeptAndResumeToCompletion()
{
    QFETCH(SimulatorFault, fault);
    QFETCH(int, kind);
    QFETCH(QString, mentions);
    m_simulator->addFault({fault, 5, 1000});

    LoadSession loader;
    loader.setRandomSource([] { return 0.01; });
    LoadRecorder recorder(&loader);
    loader.start(query(500));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 30'000);
    QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Failed);
    QCOMPARE(int(recorder.failure.kind), kind);
    QVERIFY2(recorder.failure.message.contains(mentions, Qt::CaseInsensitive), qPrintable(recorder.failure.message));
    QCOMPARE(recorder.accountIds, expectedIds(m_organization).mid(0, 400));
    QCOMPARE(recorder.failure.accountsLoaded, 400);
    QVERIFY(loader.canResume());

    m_simulator->clearFaults();
    loader.resume();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.outcome == LoadRecorder::Outcome::Finished, 20'000);
    QCOMPARE(recorder.accountIds, expectedIds(m_organization));
    QCOMPARE(recorder.distinctAccounts(), AccountCount);
}

void FetcherFaultsTest::shouldRefuseARepeatedNextToken()
{
    m_simulator->addFault({SimulatorFault::RepeatedToken, 3, 1});
    LoadSession loader;
    LoadRecorder recorder(&loader);
    loader.start(query());
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 20'000);
    QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Failed);
    QCOMPARE(recorder.failure.kind, FetchFailure::Kind::TokenLoop);
    QVERIFY(recorder.failure.message.contains(QStringLiteral("already given")));
    QCOMPARE(recorder.distinctAccounts(), recorder.accountIds.size());
    QCOMPARE(recorder.accountIds, expectedIds(m_organization).mid(0, recorder.accountIds.size()));
}

void FetcherFaultsTest::shouldCorrectClockSkew_data()
{
    QTest::addColumn<qint64>("serverOffsetSeconds");
    QTest::newRow("server 10 minutes ahead") << qint64(600);
    QTest::newRow("server 10 minutes behind") << qint64(-600);
}

void FetcherFaultsTest::shouldCorrectClockSkew()
{
    QFETCH(qint64, serverOffsetSeconds);
    m_simulator->setClockOffsetSeconds(serverOffsetSeconds);
    LoadSession loader;
    LoadRecorder recorder(&loader);
    loader.start(query());
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 20'000);
    QVERIFY2(recorder.outcome == LoadRecorder::Outcome::Finished, qPrintable(recorder.failure.message));
    QCOMPARE(recorder.accountIds, expectedIds(m_organization));
    // One rejected request teaches the offset; every later page is signed right the first time.
    QCOMPARE(m_simulator->pageRequestCount(), 12);
    QCOMPARE(recorder.progress.retries, 0);
}

void FetcherFaultsTest::shouldExplainAWrongSecretKey()
{
    EnrollmentQuery wrong = query();
    AwsCredentials credentials;
    credentials.accessKeyId = AccessKey;
    credentials.secretAccessKey = QStringLiteral("not-the-secret");
    wrong.credentials = std::make_shared<StaticCredentialProvider>(credentials, QStringLiteral("test"));
    LoadSession loader;
    LoadRecorder recorder(&loader);
    loader.start(wrong);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 20'000);
    QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Failed);
    QCOMPARE(recorder.failure.errorCode, QStringLiteral("InvalidSignatureException"));
    QVERIFY(recorder.failure.message.contains(QStringLiteral("secret access key")));
    QVERIFY(!recorder.failure.message.contains(QStringLiteral("not-the-secret")));
    QCOMPARE(m_simulator->pageRequestCount(), 1);
}

void FetcherFaultsTest::shouldExplainAccessDenied()
{
    m_simulator->addFault({SimulatorFault::AccessDenied, 1, 1});
    LoadSession loader;
    LoadRecorder recorder(&loader);
    loader.start(query());
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 20'000);
    QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Failed);
    QCOMPARE(recorder.failure.errorCode, QStringLiteral("AccessDeniedException"));
    QVERIFY(recorder.failure.message.contains(QStringLiteral("delegated administrator")));
    QVERIFY(recorder.accountIds.isEmpty());
}

void FetcherFaultsTest::shouldSendTheStatusFilterToTheServer()
{
    EnrollmentQuery failedOnly = query();
    failedOnly.statuses = {QStringLiteral("Failed"), QStringLiteral("Pending")};
    failedOnly.maxResults = 7;
    LoadSession loader;
    LoadRecorder recorder(&loader);
    loader.start(failedOnly);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 20'000);
    QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Finished);
    int expected = 0;
    for (const SimulatedAccount &account : m_organization.accounts)
        expected += account.status == u"Failed" || account.status == u"Pending";
    QVERIFY(expected > 7);
    QCOMPARE(recorder.accountIds.size(), expected);
    for (const QString &status : std::as_const(recorder.statuses))
        QVERIFY(status == u"Failed" || status == u"Pending");
    QCOMPARE(recorder.pages, (expected + 6) / 7);
}

void FetcherFaultsTest::shouldKeepRowsWhenCancelledAndDeliverNoMore()
{
    m_simulator->setPageLatencyMs(100);
    LoadSession loader;
    LoadRecorder recorder(&loader);
    loader.start(query());
    QTRY_VERIFY_WITH_TIMEOUT(recorder.pages >= 2, 20'000);
    loader.cancel();
    QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Cancelled);
    QVERIFY(!loader.isLoading());
    const QStringList kept = recorder.accountIds;
    const int requestsAtCancel = m_simulator->pageRequestCount();
    // Give a late page every chance to sneak through; none may.
    QTest::qWait(400);
    QCOMPARE(recorder.accountIds, kept);
    QVERIFY(m_simulator->pageRequestCount() <= requestsAtCancel + 1);
    QCOMPARE(recorder.accountIds, expectedIds(m_organization).mid(0, kept.size()));
}

void FetcherFaultsTest::shouldFetchTheCallersOwnEnrollment()
{
    LoadSession loader;
    QSignalSpy received(&loader, &LoadSession::ownEnrollmentReceived);
    loader.fetchOwnEnrollment(query());
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10'000);
    const auto own = received.at(0).at(0).value<OwnEnrollment>();
    QCOMPARE(own.status, QStringLiteral("Active"));
    QVERIFY(own.numberOfMemberAccountsOptedIn > 0);
}

void FetcherFaultsTest::shouldRefuseACaBundleWithoutCertificates()
{
    QTemporaryFile bundle;
    QVERIFY(bundle.open());
    bundle.write("this is not a certificate\n");
    bundle.flush();
    EnrollmentQuery https = query();
    https.endpoint = QUrl(QStringLiteral("https://127.0.0.1:1"));
    https.client.network.caBundle = bundle.fileName();
    LoadSession loader;
    LoadRecorder recorder(&loader);
    loader.start(https);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 10'000);
    QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Failed);
    QCOMPARE(recorder.failure.kind, FetchFailure::Kind::Configuration);
    QVERIFY2(recorder.failure.message.contains(QStringLiteral("no readable PEM certificates")),
             qPrintable(recorder.failure.message));
    QVERIFY(!loader.canResume());
}

QTEST_GUILESS_MAIN(FetcherFaultsTest)
#include "test_fetcher_faults.moc"
