// AWS_CA_BUNDLE and ca_bundle add an organization's CA to what STS, IAM Identity Center and
// Compute Optimizer calls trust; without it, a certificate from that CA is refused with a
// sentence that says so. Verification is never switched off.
#include "loadrecorder.h"
#include "awsfilesfixture.h"
#include "credentialwait.h"
#include "network/loadsession.h"
#include "network/enrollmentqueryresolver.h"
#include "profiles/clientsettings.h"
#include "profiles/staticcredentialprovider.h"
#include "simulator/enrollmentsimulator.h"
#include "simulator/ssoportalsimulator.h"
#include "simulator/stssimulator.h"
#include "sso/ssotokencache.h"
#include "testcertificates.h"

#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString BaseKey = QStringLiteral("AKIDBEHINDTLS");
const QString BaseSecret = QStringLiteral("behind-tls-secret");
const QString Role = QStringLiteral("arn:aws:iam::111122223333:role/EnrollmentAudit");

} // namespace

class CaBundleTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void shouldRefuseAnStsCertificateFromAnUnknownCa();
    void shouldTrustStsWithTheCaBundle_data();
    void shouldTrustStsWithTheCaBundle();
    void shouldTrustTheSsoPortalWithTheCaBundle();
    void shouldRefuseABundleWithoutCertificates();
    void shouldLoadTheWholeListOnlyWithTheCaBundle_data();
    void shouldLoadTheWholeListOnlyWithTheCaBundle();
    void shouldRefuseAComputeOptimizerCertificateFromAnUnknownCa();

private:
    std::shared_ptr<CredentialProvider> resolveRole(const QStringList &environment, const QString &profileExtra = {});

    QTemporaryDir m_dir;
    std::optional<TestCertificates> m_certificates;
    StsSimulator *m_sts = nullptr;
    std::unique_ptr<AwsFilesFixture> m_files;
    QString m_resolveError;
    ClientConfiguration m_configuration; // of the profile resolveRole read last
};

void CaBundleTest::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend here");
    QVERIFY(m_dir.isValid());
    QString error;
    m_certificates = makeTestCertificates(m_dir.path(), &error);
    QVERIFY2(m_certificates, qPrintable(error));
}

void CaBundleTest::init()
{
    m_sts = new StsSimulator(this);
    m_sts->useTls(m_certificates->server, m_certificates->serverKey);
    m_sts->addSourceCredentials(BaseKey, BaseSecret);
    m_sts->addRole(Role);
    QVERIFY(m_sts->listen());
    QCOMPARE(m_sts->url().scheme(), QStringLiteral("https"));
    m_files = std::make_unique<AwsFilesFixture>();
}

void CaBundleTest::cleanup()
{
    delete m_sts;
    m_sts = nullptr;
}

std::shared_ptr<CredentialProvider> CaBundleTest::resolveRole(const QStringList &environment,
                                                             const QString &profileExtra)
{
    m_resolveError.clear();
    if (!m_files->writeConfig(QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = base\n")
                                  .arg(Role)
                              + profileExtra)
        || !m_files->writeCredentials(
            QStringLiteral("[base]\naws_access_key_id = %1\naws_secret_access_key = %2\n").arg(BaseKey, BaseSecret))) {
        m_resolveError = QStringLiteral("could not write the AWS files");
        return nullptr;
    }
    ClientSettingsRequest request;
    request.profileOption = QStringLiteral("audit");
    request.environment =
        m_files->environment(QStringList{QStringLiteral("AWS_ENDPOINT_URL_STS=") + m_sts->url().toString()} + environment);
    request.homeDirectory = m_files->home();
    const Expected<ClientSettings> settings = resolveClientSettings(request);
    if (!settings) {
        m_resolveError = settings.error();
        return nullptr;
    }
    m_configuration = settings->clientConfiguration();
    return settings->credentials;
}

void CaBundleTest::shouldRefuseAnStsCertificateFromAnUnknownCa()
{
    const auto provider = resolveRole({});
    QVERIFY2(provider, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*provider, m_configuration);
    const QString message = failureOf(result);
    QVERIFY2(message.startsWith(QStringLiteral("The TLS certificate of %1 (AWS STS) is not trusted: ").arg(m_sts->url().toString())),
             qPrintable(message));
    QVERIFY2(message.endsWith(QStringLiteral("If your network inspects TLS traffic, set AWS_CA_BUNDLE or ca_bundle in "
                                             "your profile to a PEM file with your organization's CA certificates.")),
             qPrintable(message));
    QCOMPARE(m_sts->requestCount(), 0);
}

void CaBundleTest::shouldTrustStsWithTheCaBundle_data()
{
    QTest::addColumn<bool>("fromEnvironment");
    QTest::newRow("AWS_CA_BUNDLE") << true;
    QTest::newRow("ca_bundle in the profile") << false;
}

void CaBundleTest::shouldTrustStsWithTheCaBundle()
{
    QFETCH(bool, fromEnvironment);
    const QString bundle = m_certificates->authorityPemPath;
    const auto provider = fromEnvironment ? resolveRole({QStringLiteral("AWS_CA_BUNDLE=") + bundle})
                                          : resolveRole({}, QStringLiteral("ca_bundle = %1\n").arg(bundle));
    QVERIFY2(provider, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*provider, m_configuration);
    QVERIFY2(succeeded(result), qPrintable(failureOf(result)));
    QCOMPARE(m_sts->receivedRequests().size(), 1);
}

void CaBundleTest::shouldTrustTheSsoPortalWithTheCaBundle()
{
    SsoPortalSimulator portal;
    portal.useTls(m_certificates->server, m_certificates->serverKey);
    portal.acceptAccessToken(QStringLiteral("aoa-token"));
    portal.addRole(QStringLiteral("111122223333"), QStringLiteral("ReadOnly"));
    QVERIFY(portal.listen());
    SsoToken token;
    token.startUrl = QStringLiteral("https://d-1.awsapps.com/start");
    token.region = QStringLiteral("us-east-1");
    token.accessToken = QStringLiteral("aoa-token");
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    QVERIFY(!SsoTokenCache(SsoTokenCache::directoryUnder(m_files->home())).write(QStringLiteral("corp"), token));
    QVERIFY(m_files->writeConfig(QStringLiteral("[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\n"
                                                "sso_role_name = ReadOnly\n[sso-session corp]\nsso_region = us-east-1\n"
                                                "sso_start_url = https://d-1.awsapps.com/start\n")));

    for (const bool withBundle : {false, true}) {
        ClientSettingsRequest request;
        request.profileOption = QStringLiteral("dev");
        QStringList environment{QStringLiteral("AWS_ENDPOINT_URL_SSO=") + portal.url().toString()};
        if (withBundle)
            environment.append(QStringLiteral("AWS_CA_BUNDLE=") + m_certificates->authorityPemPath);
        request.environment = m_files->environment(environment);
        request.homeDirectory = m_files->home();
        const Expected<ClientSettings> settings = resolveClientSettings(request);
        QVERIFY2(settings, settings ? "" : qPrintable(settings.error()));
        const auto result = waitForCredentials(*settings->credentials, settings->clientConfiguration());
        if (withBundle) {
            QVERIFY2(succeeded(result), qPrintable(failureOf(result)));
        } else {
            QVERIFY2(failureOf(result).contains(QStringLiteral("(IAM Identity Center (SSO portal)) is not trusted")),
                     qPrintable(failureOf(result)));
        }
    }
    QCOMPARE(portal.receivedRequests().size(), 1);
}

void CaBundleTest::shouldRefuseABundleWithoutCertificates()
{
    const QString garbage = m_dir.filePath(QStringLiteral("not-a-bundle.pem"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("-----BEGIN NOTHING-----\n");
    file.close();
    const auto provider = resolveRole({QStringLiteral("AWS_CA_BUNDLE=") + garbage});
    QVERIFY2(provider, qPrintable(m_resolveError));
    QCOMPARE(failureOf(waitForCredentials(*provider, m_configuration)),
             QStringLiteral("The CA bundle %1 (AWS_CA_BUNDLE or ca_bundle) holds no readable PEM certificates. Point it "
                            "at a PEM file, or unset it to use the system's certificates.")
                 .arg(garbage));
}

void CaBundleTest::shouldLoadTheWholeListOnlyWithTheCaBundle_data()
{
    QTest::addColumn<bool>("withBundle");
    QTest::newRow("without the CA bundle the load stops at STS") << false;
    QTest::newRow("with the CA bundle every account arrives") << true;
}

void CaBundleTest::shouldLoadTheWholeListOnlyWithTheCaBundle()
{
    QFETCH(bool, withBundle);

    const SimulatedOrganization organization = SimulatedOrganization::generate(320, 11);
    EnrollmentSimulator computeOptimizer(organization);
    connect(m_sts, &StsSimulator::credentialsIssued, &computeOptimizer,
            [&computeOptimizer](const AwsCredentials &issued, const QString &) {
                computeOptimizer.addCredentials(issued.accessKeyId, issued.secretAccessKey, issued.sessionToken);
            });
    QVERIFY(computeOptimizer.listen());
    QVERIFY(m_files->writeConfig(
        QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = base\n").arg(Role)));
    QVERIFY(m_files->writeCredentials(
        QStringLiteral("[base]\naws_access_key_id = %1\naws_secret_access_key = %2\n").arg(BaseKey, BaseSecret)));

    ClientSettingsRequest request;
    request.profileOption = QStringLiteral("audit");
    QStringList environment{QStringLiteral("AWS_ENDPOINT_URL_STS=") + m_sts->url().toString(),
                            QStringLiteral("AWS_ENDPOINT_URL_COMPUTE_OPTIMIZER=")
                                + computeOptimizer.endpointUrl().toString()};
    if (withBundle)
        environment.append(QStringLiteral("AWS_CA_BUNDLE=") + m_certificates->authorityPemPath);
    request.environment = m_files->environment(environment);
    request.homeDirectory = m_files->home();
    const Expected<EnrollmentQuery> query = resolveEnrollmentQuery(request);
    QVERIFY2(query, query ? "" : qPrintable(query.error()));

    LoadSession loader;
    LoadRecorder recorder(&loader);
    loader.start(query.value());
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 30'000);
    if (withBundle) {
        QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Finished);
        QCOMPARE(recorder.distinctAccounts(), 320);
    } else {
        QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Failed);
        QCOMPARE(recorder.failure.kind, FetchFailure::Kind::Credentials);
        QVERIFY2(recorder.failure.message.contains(QStringLiteral("(AWS STS) is not trusted")),
                 qPrintable(recorder.failure.message));
        QCOMPARE(computeOptimizer.pageRequestCount(), 0);
    }
}

void CaBundleTest::shouldRefuseAComputeOptimizerCertificateFromAnUnknownCa()
{
    EnrollmentQuery query;
    query.endpoint = m_sts->url(); // any TLS server will do: the handshake fails first
    query.signingRegion = QStringLiteral("us-east-1");
    query.credentials = std::make_shared<StaticCredentialProvider>(AwsCredentials{BaseKey, BaseSecret, {}, {}},
                                                                   QStringLiteral("test"));
    LoadSession loader;
    LoadRecorder recorder(&loader);
    loader.start(query);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 30'000);
    QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Failed);
    QCOMPARE(recorder.failure.kind, FetchFailure::Kind::Configuration);
    QVERIFY2(recorder.failure.message.startsWith(
                 QStringLiteral("The TLS certificate of %1 (Compute Optimizer) is not trusted: ").arg(m_sts->url().toDisplayString())),
             qPrintable(recorder.failure.message));
    QCOMPARE(m_sts->requestCount(), 0);
}

QTEST_GUILESS_MAIN(CaBundleTest)
#include "test_ca_bundle.moc"
