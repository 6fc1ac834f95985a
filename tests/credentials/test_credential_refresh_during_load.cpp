// Temporary credentials that run out during a long load: the fetcher asks its provider again
// before they expire, and again when Compute Optimizer says ExpiredTokenException; the provider
// then really fetches new ones (AssumeRole again, GetRoleCredentials again), and no page is lost
// or delivered twice.
#include "loadrecorder.h"
#include "awsfilesfixture.h"
#include "network/loadsession.h"
#include "network/enrollmentqueryresolver.h"
#include "offsetclock.h"
#include "profiles/clientsettings.h"
#include "simulator/enrollmentsimulator.h"
#include "simulator/ssoportalsimulator.h"
#include "simulator/stssimulator.h"
#include "sso/ssotokencache.h"

#include <QTest>
#include <QTimer>

namespace {

constexpr int AccountCount = 1050; // 11 pages
const QString BaseKey = QStringLiteral("AKIDLONGLOAD");
const QString BaseSecret = QStringLiteral("long-load-secret");
const QString Role = QStringLiteral("arn:aws:iam::111122223333:role/EnrollmentAudit");

QStringList expectedIds(const SimulatedOrganization &organization)
{
    QStringList ids;
    for (const SimulatedAccount &account : organization.accounts)
        ids.append(account.accountId);
    return ids;
}

} // namespace

class CredentialRefreshDuringLoadTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shouldAssumeTheRoleAgainBeforeItsCredentialsExpire();
    void shouldAssumeTheRoleAgainWhenComputeOptimizerCallsThemExpired();
    void shouldGetNewRoleCredentialsFromIamIdentityCenterDuringTheLoad();

private:
    Expected<EnrollmentQuery> roleQuery();
    void passTimeWhilePageIsOnItsWay(int minutes);

    SimulatedOrganization m_organization = SimulatedOrganization::generate(AccountCount, 5);
    std::shared_ptr<OffsetClock> m_clock;
    EnrollmentSimulator *m_computeOptimizer = nullptr;
    StsSimulator *m_sts = nullptr;
    std::unique_ptr<AwsFilesFixture> m_files;
};

void CredentialRefreshDuringLoadTest::init()
{
    m_clock = std::make_shared<OffsetClock>();
    m_computeOptimizer = new EnrollmentSimulator(m_organization, this);
    // Each page takes a moment, so that time can pass while no request waits to be checked.
    m_computeOptimizer->setPageLatencyMs(100);
    QVERIFY(m_computeOptimizer->listen());
    m_sts = new StsSimulator(this);
    m_sts->setClock(m_clock);
    m_sts->addSourceCredentials(BaseKey, BaseSecret);
    m_sts->addRole(Role);
    connect(m_sts, &StsSimulator::credentialsIssued, m_computeOptimizer,
            [this](const AwsCredentials &issued, const QString &) {
                m_computeOptimizer->addCredentials(issued.accessKeyId, issued.secretAccessKey, issued.sessionToken);
            });
    QVERIFY(m_sts->listen());
    m_files = std::make_unique<AwsFilesFixture>();
}

void CredentialRefreshDuringLoadTest::cleanup()
{
    delete m_computeOptimizer;
    delete m_sts;
    m_computeOptimizer = nullptr;
    m_sts = nullptr;
}

// Called as a page request arrives: once the simulator has checked it (and before its answer
// leaves), every clock moves on together.
void CredentialRefreshDuringLoadTest::passTimeWhilePageIsOnItsWay(int minutes)
{
    QTimer::singleShot(0, this, [this, minutes] {
        m_clock->advance(qint64(minutes) * 60 * 1000);
        m_computeOptimizer->setClockOffsetSeconds(m_clock->offsetMs() / 1000);
    });
}

Expected<EnrollmentQuery> CredentialRefreshDuringLoadTest::roleQuery()
{
    if (!m_files->writeConfig(
            QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = base\n").arg(Role))
        || !m_files->writeCredentials(
            QStringLiteral("[base]\naws_access_key_id = %1\naws_secret_access_key = %2\n").arg(BaseKey, BaseSecret)))
        return Unexpected{QStringLiteral("could not write the AWS files")};
    ClientSettingsRequest request;
    request.profileOption = QStringLiteral("audit");
    request.environment = m_files->environment(
        {QStringLiteral("AWS_ENDPOINT_URL_STS=") + m_sts->url().toString(),
         QStringLiteral("AWS_ENDPOINT_URL_COMPUTE_OPTIMIZER=") + m_computeOptimizer->endpointUrl().toString()});
    request.homeDirectory = m_files->home();
    request.clock = m_clock;
    return resolveEnrollmentQuery(request);
}

void CredentialRefreshDuringLoadTest::shouldAssumeTheRoleAgainBeforeItsCredentialsExpire()
{
    const Expected<EnrollmentQuery> query = roleQuery();
    QVERIFY2(query, query ? "" : qPrintable(query.error()));

    // While page 4 is on its way back, 56 minutes pass: the hour-long role credentials have 4 left.
    QList<int> assumeRolesBeforePage;
    connect(m_computeOptimizer, &EnrollmentSimulator::pageRequestReceived, this, [this, &assumeRolesBeforePage](int page) {
        assumeRolesBeforePage.append(int(m_sts->receivedRequests().size()));
        if (page == 4)
            passTimeWhilePageIsOnItsWay(56);
    });

    LoadSession loader(m_clock);
    LoadRecorder recorder(&loader);
    loader.start(query.value());
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 30'000);
    QVERIFY2(recorder.outcome == LoadRecorder::Outcome::Finished, qPrintable(recorder.failure.message));
    QCOMPARE(recorder.accountIds, expectedIds(m_organization));
    QCOMPARE(m_sts->receivedRequests().size(), 2);
    // Pages 1 to 4 went out with the first credentials, page 5 on with the second.
    QCOMPARE(assumeRolesBeforePage.mid(0, 5), (QList<int>{1, 1, 1, 1, 2}));
    QCOMPARE(recorder.progress.retries, 0);
}

void CredentialRefreshDuringLoadTest::shouldAssumeTheRoleAgainWhenComputeOptimizerCallsThemExpired()
{
    const Expected<EnrollmentQuery> query = roleQuery();
    QVERIFY2(query, query ? "" : qPrintable(query.error()));
    m_computeOptimizer->addFault(FaultRule{SimulatorFault::ExpiredToken, 6, 1});

    LoadSession loader(m_clock);
    LoadRecorder recorder(&loader);
    loader.start(query.value());
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 30'000);
    QVERIFY2(recorder.outcome == LoadRecorder::Outcome::Finished, qPrintable(recorder.failure.message));
    QCOMPARE(recorder.accountIds, expectedIds(m_organization)); // page 6 asked again, not lost, not doubled
    QCOMPARE(m_sts->receivedRequests().size(), 2);
    QCOMPARE(m_computeOptimizer->pageRequestCount(), 12);
}

void CredentialRefreshDuringLoadTest::shouldGetNewRoleCredentialsFromIamIdentityCenterDuringTheLoad()
{
    SsoPortalSimulator portal;
    portal.setClock(m_clock);
    portal.acceptAccessToken(QStringLiteral("aoa-long-load"));
    portal.addRole(QStringLiteral("111122223333"), QStringLiteral("ReadOnly"));
    connect(&portal, &SsoPortalSimulator::credentialsIssued, m_computeOptimizer, [this](const AwsCredentials &issued) {
        m_computeOptimizer->addCredentials(issued.accessKeyId, issued.secretAccessKey, issued.sessionToken);
    });
    QVERIFY(portal.listen());

    SsoToken token;
    token.startUrl = QStringLiteral("https://d-1.awsapps.com/start");
    token.region = QStringLiteral("us-east-1");
    token.accessToken = QStringLiteral("aoa-long-load");
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(8 * 3600);
    QVERIFY(!SsoTokenCache(SsoTokenCache::directoryUnder(m_files->home())).write(QStringLiteral("corp"), token));
    QVERIFY(m_files->writeConfig(QStringLiteral("[profile dev]\nregion = us-east-1\nsso_session = corp\nsso_account_id = "
                                                "111122223333\nsso_role_name = ReadOnly\n[sso-session corp]\n"
                                                "sso_region = us-east-1\nsso_start_url = https://d-1.awsapps.com/start\n")));
    ClientSettingsRequest request;
    request.profileOption = QStringLiteral("dev");
    request.environment = m_files->environment(
        {QStringLiteral("AWS_ENDPOINT_URL_SSO=") + portal.url().toString(),
         QStringLiteral("AWS_ENDPOINT_URL_COMPUTE_OPTIMIZER=") + m_computeOptimizer->endpointUrl().toString()});
    request.homeDirectory = m_files->home();
    request.clock = m_clock;
    const Expected<EnrollmentQuery> query = resolveEnrollmentQuery(request);
    QVERIFY2(query, query ? "" : qPrintable(query.error()));

    connect(m_computeOptimizer, &EnrollmentSimulator::pageRequestReceived, this, [this](int page) {
        if (page == 3)
            passTimeWhilePageIsOnItsWay(57);
    });
    m_computeOptimizer->addFault(FaultRule{SimulatorFault::ExpiredToken, 8, 1});

    LoadSession loader(m_clock);
    LoadRecorder recorder(&loader);
    loader.start(query.value());
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 30'000);
    QVERIFY2(recorder.outcome == LoadRecorder::Outcome::Finished, qPrintable(recorder.failure.message));
    QCOMPARE(recorder.accountIds, expectedIds(m_organization));
    // Once at the start, once before expiry, once after ExpiredTokenException.
    QCOMPARE(portal.receivedRequests().size(), 3);
}

QTEST_GUILESS_MAIN(CredentialRefreshDuringLoadTest)
#include "test_credential_refresh_during_load.moc"
