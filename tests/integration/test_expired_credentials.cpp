// Temporary credentials that expire in the middle of a load: the fetcher asks its CredentialProvider
// for fresh ones and asks again for the page in flight, so no page is lost and none is repeated;
// when no fresh credentials come, it stops with a clear error and keeps the rows it has.
#include "loadrecorder.h"
#include "rotatingcredentialprovider.h"
#include "network/enrollmentfetcher.h"
#include "network/loadsession.h"
#include "simulator/enrollmentsimulator.h"

#include <QtTest>

namespace {

constexpr int AccountCount = 1050; // 11 pages of 100
constexpr int ExpiresAtRequest = 5;

AwsCredentials temporaryCredentials(int generation)
{
    AwsCredentials credentials;
    credentials.accessKeyId = QStringLiteral("ASIAROTATION%1").arg(generation);
    credentials.secretAccessKey = QStringLiteral("rotation-secret-%1").arg(generation);
    credentials.sessionToken = QStringLiteral("rotation-session-token-%1").arg(generation);
    return credentials;
}

QStringList idsOf(const SimulatedOrganization &organization)
{
    QStringList ids;
    for (const SimulatedAccount &account : organization.accounts)
        ids.append(account.accountId);
    return ids;
}

} // namespace

class ExpiredCredentialsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shouldRefreshCredentialsAndAskAgainForThePageInFlight();
    void shouldStopWithRowsKeptWhenTheProviderHasNothingNewer();
    void shouldStopWithRowsKeptWhenTheProviderCannotRefresh();
    void shouldStopWithRowsKeptWhenTheFreshCredentialsHaveExpiredToo();

private:
    EnrollmentQuery queryWith(std::shared_ptr<CredentialProvider> provider) const;
    void expireFirstTokenAtRequest(int number);

    SimulatedOrganization m_organization = SimulatedOrganization::generate(AccountCount, 11);
    EnrollmentSimulator *m_simulator = nullptr;
};

void ExpiredCredentialsTest::init()
{
    m_simulator = new EnrollmentSimulator(m_organization, this);
    for (int generation : {1, 2}) {
        const AwsCredentials credentials = temporaryCredentials(generation);
        m_simulator->addCredentials(credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken);
    }
    QVERIFY(m_simulator->listen());
}

void ExpiredCredentialsTest::cleanup()
{
    delete m_simulator;
    m_simulator = nullptr;
}

EnrollmentQuery ExpiredCredentialsTest::queryWith(std::shared_ptr<CredentialProvider> provider) const
{
    EnrollmentQuery query;
    query.endpoint = m_simulator->endpointUrl();
    query.signingRegion = QStringLiteral("us-east-1");
    query.credentials = std::move(provider);
    query.client.network.timeoutMs = 5'000;
    return query;
}

void ExpiredCredentialsTest::expireFirstTokenAtRequest(int number)
{
    // The simulator lives on this thread: the token expires before request `number` is judged.
    connect(m_simulator, &EnrollmentSimulator::pageRequestReceived, this, [this, number](int received) {
        if (received == number)
            m_simulator->expireSessionToken(temporaryCredentials(1).sessionToken);
    });
}

void ExpiredCredentialsTest::shouldRefreshCredentialsAndAskAgainForThePageInFlight()
{
    expireFirstTokenAtRequest(ExpiresAtRequest);
    auto provider = std::make_shared<RotatingCredentialProvider>(
        QList<Expected<AwsCredentials>>{temporaryCredentials(1), temporaryCredentials(2)});
    LoadSession loader;
    LoadRecorder recorder(&loader);
    loader.start(queryWith(provider));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 20'000);

    QVERIFY2(recorder.outcome == LoadRecorder::Outcome::Finished, qPrintable(recorder.failure.message));
    QCOMPARE(recorder.accountIds, idsOf(m_organization));
    QCOMPARE(recorder.distinctAccounts(), AccountCount);
    QCOMPARE(provider->calls(), 2);
    // One refused request, asked again at once with the same token: not a retry, not a new page.
    QCOMPARE(m_simulator->pageRequestCount(), 11 + 1);
    QCOMPARE(recorder.progress.retries, 0);
    const QList<QByteArray> tokens = m_simulator->receivedNextTokens();
    QCOMPARE(tokens.at(ExpiresAtRequest), tokens.at(ExpiresAtRequest - 1));
    QCOMPARE(QSet<QByteArray>(tokens.cbegin(), tokens.cend()).size(), 11);
}

void ExpiredCredentialsTest::shouldStopWithRowsKeptWhenTheProviderHasNothingNewer()
{
    expireFirstTokenAtRequest(ExpiresAtRequest);
    auto provider = std::make_shared<RotatingCredentialProvider>(
        QList<Expected<AwsCredentials>>{temporaryCredentials(1)});
    LoadSession loader;
    LoadRecorder recorder(&loader);
    loader.start(queryWith(provider));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 20'000);

    QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Failed);
    QCOMPARE(recorder.failure.errorCode, QStringLiteral("ExpiredTokenException"));
    QVERIFY2(recorder.failure.message.contains(QStringLiteral("Sign in again")), qPrintable(recorder.failure.message));
    QCOMPARE(recorder.accountIds, idsOf(m_organization).mid(0, 400));
    QCOMPARE(recorder.failure.accountsLoaded, 400);
    QVERIFY(loader.canResume());
    // Expired credentials are not retried: the same token would only be refused again.
    QCOMPARE(m_simulator->pageRequestCount(), ExpiresAtRequest);
}

void ExpiredCredentialsTest::shouldStopWithRowsKeptWhenTheProviderCannotRefresh()
{
    expireFirstTokenAtRequest(ExpiresAtRequest);
    const QString advice = QStringLiteral("The SSO session has expired. Run 'aws sso login' and retry.");
    auto provider = std::make_shared<RotatingCredentialProvider>(
        QList<Expected<AwsCredentials>>{temporaryCredentials(1), Unexpected{advice}});
    LoadSession loader;
    LoadRecorder recorder(&loader);
    loader.start(queryWith(provider));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 20'000);

    QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Failed);
    QCOMPARE(recorder.failure.kind, FetchFailure::Kind::Credentials);
    QCOMPARE(recorder.failure.message, advice);
    QCOMPARE(recorder.accountIds, idsOf(m_organization).mid(0, 400));
    QCOMPARE(recorder.failure.accountsLoaded, 400);
}

void ExpiredCredentialsTest::shouldStopWithRowsKeptWhenTheFreshCredentialsHaveExpiredToo()
{
    expireFirstTokenAtRequest(ExpiresAtRequest);
    connect(m_simulator, &EnrollmentSimulator::pageRequestReceived, this, [this](int received) {
        if (received == ExpiresAtRequest)
            m_simulator->expireSessionToken(temporaryCredentials(2).sessionToken);
    });
    auto provider = std::make_shared<RotatingCredentialProvider>(
        QList<Expected<AwsCredentials>>{temporaryCredentials(1), temporaryCredentials(2)});
    LoadSession loader;
    LoadRecorder recorder(&loader);
    loader.start(queryWith(provider));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 20'000);

    QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Failed);
    QCOMPARE(recorder.failure.errorCode, QStringLiteral("ExpiredTokenException"));
    QCOMPARE(recorder.accountIds, idsOf(m_organization).mid(0, 400));
    // One refresh per page, never a loop of them.
    QCOMPARE(provider->calls(), 2);
    QCOMPARE(m_simulator->pageRequestCount(), ExpiresAtRequest + 1);
}

QTEST_GUILESS_MAIN(ExpiredCredentialsTest)
#include "test_expired_credentials.moc"
