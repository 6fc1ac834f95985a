// The fault matrix for the calls behind credentials, against the loopback simulators: STS
// AssumeRole (a role_arn profile with a source profile) and the IAM Identity Center portal's
// GetRoleCredentials (an sso-session profile with a cached token). Each completes, or ends with a
// clear error that says what to do.
#include "awsfilesfixture.h"
#include "credentialwait.h"
#include "faultmatrix.h"
#include "profiles/clientsettings.h"
#include "simulator/ssoportalsimulator.h"
#include "simulator/stssimulator.h"
#include "sso/ssotokencache.h"

#include <QtTest>

using namespace FaultMatrix;

namespace {

const QString BaseKey = QStringLiteral("AKIDMATRIXBASE");
const QString BaseSecret = QStringLiteral("matrix-base-secret");
const QString Role = QStringLiteral("arn:aws:iam::111122223333:role/EnrollmentAudit");
const QString AccountId = QStringLiteral("111122223333");
const QString RoleName = QStringLiteral("ComputeOptimizerReadOnly");
const QString AccessToken = QStringLiteral("aoa-matrix-access-token");

const QString RoleConfig =
    QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = base\n").arg(Role);
const QString SsoConfig = QStringLiteral("[profile audit]\nsso_session = matrix\nsso_account_id = %1\n"
                                         "sso_role_name = %2\nregion = us-east-1\n\n[sso-session matrix]\n"
                                         "sso_start_url = https://d-9067642ac7.awsapps.com/start\n"
                                         "sso_region = us-east-1\n")
                              .arg(AccountId, RoleName);

} // namespace

class FaultMatrixCredentialsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void assumeRoleShouldCompleteOrExplain_data() { addRows(); }
    void assumeRoleShouldCompleteOrExplain();
    void roleCredentialsShouldCompleteOrExplain_data() { addRows(); }
    void roleCredentialsShouldCompleteOrExplain();

private:
    std::shared_ptr<CredentialProvider> resolve(const QString &config, const QStringList &environment);
    std::optional<CredentialResult> ask(CredentialProvider &provider);

    std::unique_ptr<AwsFilesFixture> m_files;
    QString m_resolveError;
};

void FaultMatrixCredentialsTest::init()
{
    m_files = std::make_unique<AwsFilesFixture>();
    QVERIFY(m_files->isValid());
    QVERIFY(m_files->writeCredentials(
        QStringLiteral("[base]\naws_access_key_id = %1\naws_secret_access_key = %2\n").arg(BaseKey, BaseSecret)));
}

void FaultMatrixCredentialsTest::cleanup()
{
    m_files.reset();
}

std::shared_ptr<CredentialProvider> FaultMatrixCredentialsTest::resolve(const QString &config,
                                                                       const QStringList &environment)
{
    m_resolveError.clear();
    if (!m_files->writeConfig(config)) {
        m_resolveError = QStringLiteral("could not write the config file");
        return nullptr;
    }
    ClientSettingsRequest request;
    request.profileOption = QStringLiteral("audit");
    request.environment = m_files->environment(environment);
    request.homeDirectory = m_files->home();
    const Expected<ClientSettings> settings = resolveClientSettings(request);
    if (!settings) {
        m_resolveError = settings.error();
        return nullptr;
    }
    return settings->credentials;
}

std::optional<CredentialResult> FaultMatrixCredentialsTest::ask(CredentialProvider &provider)
{
    ClientConfiguration configuration;
    configuration.maxAttempts = MaxAttempts;
    configuration.network.timeoutMs = 2'000;
    AwsClient client(configuration);
    client.setRandomSource([] { return 0.01; });
    return waitForCredentials(provider, client);
}

void FaultMatrixCredentialsTest::assumeRoleShouldCompleteOrExplain()
{
    QFETCH(bool, faulty);
    QFETCH(SimulatorFault, fault);
    QFETCH(int, times);
    QFETCH(qint64, clockOffsetSeconds);
    QFETCH(int, ending);
    StsSimulator sts;
    sts.addSourceCredentials(BaseKey, BaseSecret);
    sts.addRole(Role);
    sts.setClockOffsetSeconds(clockOffsetSeconds);
    if (faulty)
        sts.addFault(FaultRule{fault, 1, times, "AssumeRole"});
    QVERIFY(sts.listen());
    const auto provider = resolve(RoleConfig, {QStringLiteral("AWS_ENDPOINT_URL_STS=") + sts.url().toString()});
    QVERIFY2(provider, qPrintable(m_resolveError));

    const auto result = ask(*provider);
    QVERIFY(result.has_value());
    if (Ending(ending) == Ending::Completes) {
        QVERIFY2(succeeded(result), qPrintable(failureOf(result)));
        QCOMPARE(result->value().accessKeyId, sts.issuedCredentials().last().accessKeyId);
        QCOMPARE(sts.receivedRequests().size(), 1 + extraRequests(faulty, times, clockOffsetSeconds));
    } else {
        QVERIFY(!succeeded(result));
        QVERIFY2(isClear(failureOf(result), fault), qPrintable(failureOf(result)));
        QVERIFY(!failureOf(result).contains(BaseSecret));
    }
    if (fault == SimulatorFault::ExpiredToken && faulty && times == Forever)
        QCOMPARE(sts.receivedRequests().size(), 2); // the source renewed once, never in a loop
}

void FaultMatrixCredentialsTest::roleCredentialsShouldCompleteOrExplain()
{
    QFETCH(bool, faulty);
    QFETCH(SimulatorFault, fault);
    QFETCH(int, times);
    QFETCH(qint64, clockOffsetSeconds);
    QFETCH(int, ending);
    SsoPortalSimulator portal;
    portal.acceptAccessToken(AccessToken);
    portal.addRole(AccountId, RoleName);
    portal.setClockOffsetSeconds(clockOffsetSeconds);
    if (faulty)
        portal.addFault(FaultRule{fault, 1, times, "GetRoleCredentials"});
    QVERIFY(portal.listen());

    SsoToken token;
    token.startUrl = QStringLiteral("https://d-9067642ac7.awsapps.com/start");
    token.region = QStringLiteral("us-east-1");
    token.accessToken = AccessToken;
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(8 * 3600);
    QVERIFY(!SsoTokenCache(SsoTokenCache::directoryUnder(m_files->home())).write(QStringLiteral("matrix"), token));
    const auto provider = resolve(SsoConfig, {QStringLiteral("AWS_ENDPOINT_URL_SSO=") + portal.url().toString()});
    QVERIFY2(provider, qPrintable(m_resolveError));

    // The portal's "expired" is the sign-in itself: only 'aws sso login' renews it, so even once is the end.
    if (fault == SimulatorFault::ExpiredToken && faulty)
        ending = int(Ending::ClearError);
    const auto result = ask(*provider);
    QVERIFY(result.has_value());
    if (Ending(ending) == Ending::Completes) {
        QVERIFY2(succeeded(result), qPrintable(failureOf(result)));
        QCOMPARE(result->value().accessKeyId, portal.issuedCredentials().last().accessKeyId);
        // Not signed, so a skewed clock costs nothing.
        QCOMPARE(portal.receivedRequests().size(), 1 + (faulty ? times : 0));
    } else {
        QVERIFY(!succeeded(result));
        QVERIFY2(isClear(failureOf(result), fault), qPrintable(failureOf(result)));
        QVERIFY(!failureOf(result).contains(AccessToken));
        if (fault == SimulatorFault::ExpiredToken)
            QCOMPARE(result->error().suggestedCommand, QStringLiteral("aws sso login --profile audit"));
    }
}

QTEST_GUILESS_MAIN(FaultMatrixCredentialsTest)
#include "test_fault_matrix_credentials.moc"
