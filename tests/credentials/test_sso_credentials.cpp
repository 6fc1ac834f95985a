// IAM Identity Center against the loopback portal and OIDC service: the token AWS CLI cached,
// refreshed when close to expiry and written back as AWS CLI writes it, role credentials from the
// portal with the bearer token, and "run aws sso login" (with the command) when only that helps.
#include "awsfilesfixture.h"
#include "credentialwait.h"
#include "profiles/clientsettings.h"
#include "profiles/credentialproviderchain.h"
#include "signing/clock.h"
#include "simulator/ssooidcsimulator.h"
#include "simulator/ssoportalsimulator.h"
#include "sso/ssotokencache.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

namespace {

const QString AccountId = QStringLiteral("111122223333");
const QString RoleName = QStringLiteral("ComputeOptimizerReadOnly");
const QString StartUrl = QStringLiteral("https://d-9067642ac7.awsapps.com/start");
const QString AccessToken = QStringLiteral("aoa-cached-access-token");
const QString RefreshToken = QStringLiteral("aor-cached-refresh-token");
const QString ClientId = QStringLiteral("client-id-from-registration");
const QString ClientSecret = QStringLiteral("client-secret-from-registration");

const QString SessionConfig = QStringLiteral("[profile dev]\n"
                                             "sso_session = my-sso\n"
                                             "sso_account_id = %1\n"
                                             "sso_role_name = %2\n"
                                             "region = us-east-1\n"
                                             "\n"
                                             "[sso-session my-sso]\n"
                                             "sso_start_url = %3\n"
                                             "sso_region = us-east-1\n"
                                             "sso_registration_scopes = sso:account:access\n")
                                  .arg(AccountId, RoleName, StartUrl);

const QString LegacyConfig = QStringLiteral("[profile dev]\n"
                                            "sso_start_url = %3\n"
                                            "sso_region = us-east-1\n"
                                            "sso_account_id = %1\n"
                                            "sso_role_name = %2\n"
                                            "region = us-east-1\n")
                                 .arg(AccountId, RoleName, StartUrl);

} // namespace

class SsoCredentialsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shouldNameCacheFilesAsAwsCliDoes();
    void shouldGetRoleCredentialsWithTheCachedToken_data();
    void shouldGetRoleCredentialsWithTheCachedToken();
    void shouldAskToSignInWhenThereIsNoToken();
    void shouldAskToSignInWhenTheTokenExpiredAndCannotBeRefreshed();
    void shouldRefreshATokenCloseToExpiry();
    void shouldRefreshAnExpiredTokenThatCanBeRefreshed();
    void shouldLeaveATokenWithMoreThanFifteenMinutesAlone();
    void shouldUseTheTokenWhenTheRefreshFails();
    void shouldAskToSignInWhenTheRefreshFailsAndTheTokenExpired();
    void shouldAskToSignInWhenThePortalRefusesTheToken();
    void shouldExplainARoleTheUserDoesNotHave();
    void shouldKeepRoleCredentialsUntilShortlyBeforeTheyExpire();
    void shouldReadTheTokenAgainAfterSigningIn();
    void shouldRefuseAProfileThatNamesNoRole();
    void shouldReadTimesAsAwsCliVersionsWroteThem_data();
    void shouldReadTimesAsAwsCliVersionsWroteThem();
    void shouldWriteTokensAsAwsCliDoes();

private:
    std::shared_ptr<CredentialProvider> provider(const QString &config);
    void writeToken(const QString &cacheKey, const QDateTime &expiresAt, bool refreshable);
    QString cachePath(const QString &cacheKey) const;

    SsoPortalSimulator *m_portal = nullptr;
    SsoOidcSimulator *m_oidc = nullptr;
    std::unique_ptr<AwsFilesFixture> m_files;
    std::shared_ptr<FixedClock> m_clock;
    QString m_resolveError;
};

void SsoCredentialsTest::init()
{
    m_clock = std::make_shared<FixedClock>(QDateTime::currentDateTimeUtc());
    m_portal = new SsoPortalSimulator(this);
    m_portal->acceptAccessToken(AccessToken);
    m_portal->addRole(AccountId, RoleName);
    m_portal->setClock(m_clock);
    QVERIFY(m_portal->listen());
    m_oidc = new SsoOidcSimulator(this);
    m_oidc->registerClient(ClientId, ClientSecret);
    m_oidc->acceptRefreshToken(RefreshToken);
    connect(m_oidc, &SsoOidcSimulator::accessTokenIssued, m_portal, &SsoPortalSimulator::acceptAccessToken);
    QVERIFY(m_oidc->listen());
    m_files = std::make_unique<AwsFilesFixture>();
    QVERIFY(m_files->isValid());
}

void SsoCredentialsTest::cleanup()
{
    delete m_portal;
    delete m_oidc;
    m_portal = nullptr;
    m_oidc = nullptr;
}

std::shared_ptr<CredentialProvider> SsoCredentialsTest::provider(const QString &config)
{
    m_resolveError.clear();
    if (!m_files->writeConfig(config)) {
        m_resolveError = QStringLiteral("could not write the config file");
        return nullptr;
    }
    ClientSettingsRequest request;
    request.profileOption = QStringLiteral("dev");
    request.environment = m_files->environment({QStringLiteral("AWS_ENDPOINT_URL_SSO=") + m_portal->url().toString(),
                                                QStringLiteral("AWS_ENDPOINT_URL_SSO_OIDC=") + m_oidc->url().toString()});
    request.homeDirectory = m_files->home();
    request.clock = m_clock;
    const Expected<ClientSettings> settings = resolveClientSettings(request);
    if (!settings) {
        m_resolveError = settings.error();
        return nullptr;
    }
    return settings->credentials;
}

QString SsoCredentialsTest::cachePath(const QString &cacheKey) const
{
    return SsoTokenCache(SsoTokenCache::directoryUnder(m_files->home())).pathFor(cacheKey);
}

void SsoCredentialsTest::writeToken(const QString &cacheKey, const QDateTime &expiresAt, bool refreshable)
{
    SsoToken token;
    token.startUrl = StartUrl;
    token.region = QStringLiteral("us-east-1");
    token.accessToken = AccessToken;
    token.expiresAt = expiresAt;
    if (refreshable) {
        token.clientId = ClientId;
        token.clientSecret = ClientSecret;
        token.registrationExpiresAt = formatSsoTime(m_clock->nowUtc().addDays(80));
        token.refreshToken = RefreshToken;
    }
    QVERIFY(!SsoTokenCache(SsoTokenCache::directoryUnder(m_files->home())).write(cacheKey, token));
}

void SsoCredentialsTest::shouldNameCacheFilesAsAwsCliDoes()
{
    // SHA-1 of the sso-session name, or of the start URL for the legacy form.
    QCOMPARE(SsoTokenCache::fileNameFor(QStringLiteral("my-sso")),
             QStringLiteral("0ad374308c5a4e22f723adf10145eafad7c4031c.json"));
    QCOMPARE(SsoTokenCache::fileNameFor(QStringLiteral("https://my-sso-portal.awsapps.com/start")),
             QStringLiteral("c7aaaf71fcc8777ae2475525ed049d39fe16c484.json"));
    QCOMPARE(SsoTokenCache::directoryUnder(QStringLiteral("/home/jane")), QStringLiteral("/home/jane/.aws/sso/cache"));
}

void SsoCredentialsTest::shouldGetRoleCredentialsWithTheCachedToken_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("cacheKey");

    QTest::newRow("an sso-session profile") << SessionConfig << "my-sso";
    QTest::newRow("a legacy profile with sso_start_url") << LegacyConfig << StartUrl;
}

void SsoCredentialsTest::shouldGetRoleCredentialsWithTheCachedToken()
{
    QFETCH(QString, config);
    QFETCH(QString, cacheKey);

    writeToken(cacheKey, m_clock->nowUtc().addSecs(8 * 3600), false);
    const auto sso = provider(config);
    QVERIFY2(sso, qPrintable(m_resolveError));
    QCOMPARE(sso->sourceDescription(),
             QStringLiteral("IAM Identity Center (profile 'dev', role %1 in account %2)").arg(RoleName, AccountId));
    const auto result = waitForCredentials(*sso);
    QVERIFY2(succeeded(result), qPrintable(failureOf(result)));

    QCOMPARE(m_portal->receivedRequests().size(), 1);
    const SsoPortalSimulator::ReceivedRequest request = m_portal->receivedRequests().first();
    QCOMPARE(request.accessToken, AccessToken);
    QCOMPARE(request.accountId, AccountId);
    QCOMPARE(request.roleName, RoleName);
    QVERIFY(!request.signedWithSigV4);
    const AwsCredentials issued = m_portal->issuedCredentials().first();
    QCOMPARE(result->value().accessKeyId, issued.accessKeyId);
    QCOMPARE(result->value().secretAccessKey, issued.secretAccessKey);
    QCOMPARE(result->value().sessionToken, issued.sessionToken);
    QCOMPARE(result->value().expiration->toMSecsSinceEpoch(), issued.expiration->toMSecsSinceEpoch());
    QCOMPARE(m_oidc->tokenRequestCount(), 0);
}

void SsoCredentialsTest::shouldAskToSignInWhenThereIsNoToken()
{
    const auto sso = provider(SessionConfig);
    QVERIFY2(sso, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*sso);
    QVERIFY(result && !*result);
    QCOMPARE(result->error().message,
             QStringLiteral("Profile 'dev' is not signed in to IAM Identity Center: there is no token for sso-session "
                            "'my-sso' in %1. Run 'aws sso login --profile dev', then load again.")
                 .arg(SsoTokenCache::directoryUnder(m_files->home())));
    QCOMPARE(result->error().suggestedCommand, QStringLiteral("aws sso login --profile dev"));
    QVERIFY(m_portal->receivedRequests().isEmpty());
}

void SsoCredentialsTest::shouldAskToSignInWhenTheTokenExpiredAndCannotBeRefreshed()
{
    const QDateTime expired = m_clock->nowUtc().addSecs(-60);
    writeToken(StartUrl, expired, false);
    const auto sso = provider(LegacyConfig);
    QVERIFY2(sso, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*sso);
    QVERIFY(result && !*result);
    QCOMPARE(result->error().message,
             QStringLiteral("The IAM Identity Center sign-in of profile 'dev' expired at %1. Run 'aws sso login "
                            "--profile dev', then load again.")
                 .arg(formatSsoTime(expired)));
    QCOMPARE(result->error().suggestedCommand, QStringLiteral("aws sso login --profile dev"));
    QVERIFY(m_portal->receivedRequests().isEmpty());
}

void SsoCredentialsTest::shouldRefreshATokenCloseToExpiry()
{
    writeToken(QStringLiteral("my-sso"), m_clock->nowUtc().addSecs(10 * 60), true);
    const auto sso = provider(SessionConfig);
    QVERIFY2(sso, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*sso);
    QVERIFY2(succeeded(result), qPrintable(failureOf(result)));
    QCOMPARE(m_oidc->tokenRequestCount(), 1);
    const QString renewedToken = m_portal->receivedRequests().first().accessToken;
    QVERIFY(renewedToken.startsWith(QStringLiteral("aoa-simulated-access-1")));

    // Written back in AWS CLI's form: the same keys in the same order, the new token, only the owner may read it.
    QFile file(cachePath(QStringLiteral("my-sso")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    const QByteArray expected =
        QStringLiteral("{\"startUrl\": \"%1\", \"region\": \"us-east-1\", \"accessToken\": \"%2\", \"expiresAt\": "
                       "\"%3\", \"clientId\": \"%4\", \"clientSecret\": \"%5\", \"registrationExpiresAt\": \"%6\", "
                       "\"refreshToken\": \"aor-simulated-refresh-1\"}")
            .arg(StartUrl, renewedToken, formatSsoTime(m_clock->nowUtc().addSecs(3600)), ClientId, ClientSecret,
                 formatSsoTime(m_clock->nowUtc().addDays(80)))
            .toUtf8();
    QCOMPARE(written, expected);
    QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                                   | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QCOMPARE(QDir(SsoTokenCache::directoryUnder(m_files->home())).entryList(QDir::Files).size(), 1);
}

void SsoCredentialsTest::shouldRefreshAnExpiredTokenThatCanBeRefreshed()
{
    writeToken(QStringLiteral("my-sso"), m_clock->nowUtc().addSecs(-3600), true);
    const auto sso = provider(SessionConfig);
    QVERIFY2(sso, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*sso);
    QVERIFY2(succeeded(result), qPrintable(failureOf(result)));
    QCOMPARE(m_oidc->tokenRequestCount(), 1);
}

void SsoCredentialsTest::shouldLeaveATokenWithMoreThanFifteenMinutesAlone()
{
    writeToken(QStringLiteral("my-sso"), m_clock->nowUtc().addSecs(16 * 60), true);
    const auto sso = provider(SessionConfig);
    QVERIFY2(sso, qPrintable(m_resolveError));
    QVERIFY(succeeded(waitForCredentials(*sso)));
    QCOMPARE(m_oidc->tokenRequestCount(), 0);
    QCOMPARE(m_portal->receivedRequests().first().accessToken, AccessToken);
}

void SsoCredentialsTest::shouldUseTheTokenWhenTheRefreshFails()
{
    m_oidc->registerClient(ClientId, QStringLiteral("a-secret-that-no-longer-matches"));
    writeToken(QStringLiteral("my-sso"), m_clock->nowUtc().addSecs(5 * 60), true);
    QFile before(cachePath(QStringLiteral("my-sso")));
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray cached = before.readAll();

    const auto sso = provider(SessionConfig);
    QVERIFY2(sso, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*sso);
    QVERIFY2(succeeded(result), qPrintable(failureOf(result)));
    QCOMPARE(m_oidc->tokenRequestCount(), 1);
    QCOMPARE(m_portal->receivedRequests().first().accessToken, AccessToken);
    QFile after(cachePath(QStringLiteral("my-sso")));
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), cached);
}

void SsoCredentialsTest::shouldAskToSignInWhenTheRefreshFailsAndTheTokenExpired()
{
    m_oidc->registerClient(ClientId, QStringLiteral("a-secret-that-no-longer-matches"));
    writeToken(QStringLiteral("my-sso"), m_clock->nowUtc().addSecs(-5 * 60), true);
    const auto sso = provider(SessionConfig);
    QVERIFY2(sso, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*sso);
    QVERIFY(result && !*result);
    QVERIFY2(result->error().message.startsWith(QStringLiteral("The IAM Identity Center sign-in of profile 'dev' expired")),
             qPrintable(result->error().message));
    QCOMPARE(result->error().suggestedCommand, QStringLiteral("aws sso login --profile dev"));
}

void SsoCredentialsTest::shouldAskToSignInWhenThePortalRefusesTheToken()
{
    writeToken(QStringLiteral("my-sso"), m_clock->nowUtc().addSecs(8 * 3600), false);
    m_portal->revokeAccessToken(AccessToken); // signed out elsewhere
    const auto sso = provider(SessionConfig);
    QVERIFY2(sso, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*sso);
    QVERIFY(result && !*result);
    QCOMPARE(result->error().message,
             QStringLiteral("IAM Identity Center no longer accepts the sign-in of profile 'dev' (AWS said: Session token "
                            "not found or invalid). Run 'aws sso login --profile dev', then load again."));
    QCOMPARE(result->error().suggestedCommand, QStringLiteral("aws sso login --profile dev"));
    QVERIFY(!result->error().message.contains(AccessToken));
}

void SsoCredentialsTest::shouldExplainARoleTheUserDoesNotHave()
{
    writeToken(QStringLiteral("my-sso"), m_clock->nowUtc().addSecs(8 * 3600), false);
    QString config = SessionConfig;
    config.replace(RoleName, QStringLiteral("AdministratorAccess"));
    const auto sso = provider(config);
    QVERIFY2(sso, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*sso);
    QVERIFY(result && !*result);
    QCOMPARE(result->error().message,
             QStringLiteral("IAM Identity Center gives your user no role 'AdministratorAccess' in account %1 (AWS said: "
                            "No access). Check sso_account_id and sso_role_name in profile 'dev', or run 'aws configure "
                            "sso --profile dev' to choose them again.")
                 .arg(AccountId));
    QVERIFY(result->error().suggestedCommand.isEmpty());
}

void SsoCredentialsTest::shouldKeepRoleCredentialsUntilShortlyBeforeTheyExpire()
{
    writeToken(QStringLiteral("my-sso"), m_clock->nowUtc().addSecs(8 * 3600), false);
    const auto sso = provider(SessionConfig);
    QVERIFY2(sso, qPrintable(m_resolveError));
    QVERIFY(succeeded(waitForCredentials(*sso)));
    QVERIFY(succeeded(waitForCredentials(*sso)));
    QCOMPARE(m_portal->receivedRequests().size(), 1);
    m_clock->advance(51 * 60 * 1000);
    QVERIFY(succeeded(waitForCredentials(*sso)));
    QCOMPARE(m_portal->receivedRequests().size(), 2);
    QVERIFY(succeeded(waitForCredentials(*sso, CredentialRenewal::Force)));
    QCOMPARE(m_portal->receivedRequests().size(), 3);
}

void SsoCredentialsTest::shouldReadTheTokenAgainAfterSigningIn()
{
    const auto sso = provider(SessionConfig);
    QVERIFY2(sso, qPrintable(m_resolveError));
    QVERIFY(!succeeded(waitForCredentials(*sso)));
    writeToken(QStringLiteral("my-sso"), m_clock->nowUtc().addSecs(8 * 3600), false); // `aws sso login` ran
    const auto result = waitForCredentials(*sso);
    QVERIFY2(succeeded(result), qPrintable(failureOf(result)));
}

void SsoCredentialsTest::shouldRefuseAProfileThatNamesNoRole()
{
    const auto sso = provider(QStringLiteral("[profile dev]\nsso_session = my-sso\n[sso-session my-sso]\n"
                                             "sso_start_url = %1\nsso_region = us-east-1\n")
                                  .arg(StartUrl));
    QVERIFY(!sso);
    QCOMPARE(m_resolveError, QStringLiteral("Profile 'dev' signs in to IAM Identity Center but names no account and role "
                                            "to use. Run 'aws configure sso --profile dev' to choose them (it sets "
                                            "sso_account_id and sso_role_name)."));
}

void SsoCredentialsTest::shouldReadTimesAsAwsCliVersionsWroteThem_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("AWS CLI v2 today") << "2030-01-31T12:00:00Z";
    QTest::newRow("with milliseconds") << "2030-01-31T12:00:00.000Z";
    QTest::newRow("with an offset") << "2030-01-31T12:00:00+00:00";
    QTest::newRow("early AWS CLI v2") << "2030-01-31T12:00:00UTC";
}

void SsoCredentialsTest::shouldReadTimesAsAwsCliVersionsWroteThem()
{
    QFETCH(QString, text);
    QCOMPARE(parseSsoTime(text), QDateTime(QDate(2030, 1, 31), QTime(12, 0), QTimeZone::utc()));
}

void SsoCredentialsTest::shouldWriteTokensAsAwsCliDoes()
{
    SsoToken token;
    token.startUrl = QStringLiteral("https://d-123.awsapps.com/start");
    token.region = QStringLiteral("us-east-1");
    token.accessToken = QStringLiteral("aoa\u00e9\"x");
    token.expiresAt = QDateTime(QDate(2030, 1, 31), QTime(12, 0), QTimeZone::utc());
    token.clientId = QStringLiteral("cid");
    token.clientSecret = QStringLiteral("csec");
    token.registrationExpiresAt = QStringLiteral("2030-04-01T00:00:00Z");
    token.refreshToken = QStringLiteral("aor");
    // What Python's json.dumps writes for the same dictionary.
    QCOMPARE(ssoTokenJson(token),
             QByteArray("{\"startUrl\": \"https://d-123.awsapps.com/start\", \"region\": \"us-east-1\", \"accessToken\": "
                        "\"aoa\\u00e9\\\"x\", \"expiresAt\": \"2030-01-31T12:00:00Z\", \"clientId\": \"cid\", \"clientSecret\": "
                        "\"csec\", \"registrationExpiresAt\": \"2030-04-01T00:00:00Z\", \"refreshToken\": \"aor\"}"));
    const Expected<SsoToken> parsed = parseSsoToken(ssoTokenJson(token));
    QVERIFY(parsed);
    QCOMPARE(parsed->accessToken, token.accessToken);
    QCOMPARE(parsed->expiresAt, token.expiresAt);
}

QTEST_GUILESS_MAIN(SsoCredentialsTest)
#include "test_sso_credentials.moc"
