// role_arn against the loopback STS: source_profile chains, credential_source = Environment, the
// profile's role settings, MFA codes, STS's errors in sentences, and assumed credentials kept
// until shortly before they expire.
#include "awsfilesfixture.h"
#include "credentialwait.h"
#include "profiles/assumerolecredentialprovider.h"
#include "profiles/clientsettings.h"
#include "scriptedmfaprompt.h"
#include "signing/clock.h"
#include "simulator/stssimulator.h"

#include <QTest>

namespace {

const QString BaseKey = QStringLiteral("AKIDBASEPROFILE");
const QString BaseSecret = QStringLiteral("base-profile-secret-canary");
const QString RoleA = QStringLiteral("arn:aws:iam::111122223333:role/EnrollmentAudit");
const QString RoleB = QStringLiteral("arn:aws:iam::444455556666:role/Hop");
const QString MfaDevice = QStringLiteral("arn:aws:iam::111122223333:mfa/admin");

const QString BaseCredentials = QStringLiteral("[base]\naws_access_key_id = %1\naws_secret_access_key = %2\n")
                                    .arg(BaseKey, BaseSecret);

} // namespace

class AssumeRoleCredentialsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shouldAssumeTheRoleWithTheSourceProfilesKeys();
    void shouldSendSessionNameExternalIdAndDuration();
    void shouldFollowAChainOfRoles();
    void shouldUseEnvironmentKeysForCredentialSourceEnvironment();
    void shouldAskForTheMfaCode();
    void shouldTakeTheMfaCodeFromAnotherThread();
    void shouldStopWhenTheMfaPromptIsCancelled();
    void shouldExplainAWrongMfaCode();
    void shouldRefuseMfaWhenNothingCanAsk();
    void shouldExplainARoleItMayNotAssume();
    void shouldExplainSourceKeysStsDoesNotKnow();
    void shouldRetryWhenStsThrottles();
    void shouldKeepAssumedCredentialsUntilShortlyBeforeTheyExpire();
    void shouldAssumeAgainWhenTheServiceCallsThemExpired();
    void shouldRenewTheSourceWhenStsCallsItExpired();
    void shouldRefuseDurationSecondsOutOfRange();
    void shouldIgnoreDurationSecondsThatIsNoNumber();
    void shouldFindStsWhereAwsCliDoes_data();
    void shouldFindStsWhereAwsCliDoes();

private:
    std::shared_ptr<CredentialProvider> resolve(const QString &config, const QString &profile,
                                                const QStringList &environment = {},
                                                std::shared_ptr<MfaCodePrompt> prompt = {},
                                                std::shared_ptr<const Clock> clock = {});

    StsSimulator *m_sts = nullptr;
    std::unique_ptr<AwsFilesFixture> m_files;
    QString m_resolveError;
};

void AssumeRoleCredentialsTest::init()
{
    m_sts = new StsSimulator(this);
    m_sts->addSourceCredentials(BaseKey, BaseSecret);
    m_sts->addRole(RoleA);
    QVERIFY(m_sts->listen());
    m_files = std::make_unique<AwsFilesFixture>();
    QVERIFY(m_files->isValid());
}

void AssumeRoleCredentialsTest::cleanup()
{
    delete m_sts;
    m_sts = nullptr;
}

std::shared_ptr<CredentialProvider> AssumeRoleCredentialsTest::resolve(const QString &config, const QString &profile,
                                                                      const QStringList &environment,
                                                                      std::shared_ptr<MfaCodePrompt> prompt,
                                                                      std::shared_ptr<const Clock> clock)
{
    m_resolveError.clear();
    if (!m_files->writeConfig(config) || !m_files->writeCredentials(BaseCredentials)) {
        m_resolveError = QStringLiteral("could not write the AWS files");
        return nullptr;
    }
    ClientSettingsRequest request;
    request.profileOption = profile;
    request.environment = m_files->environment(
        QStringList{QStringLiteral("AWS_ENDPOINT_URL_STS=") + m_sts->url().toString()} + environment);
    request.homeDirectory = m_files->home();
    request.mfaPrompt = std::move(prompt);
    request.clock = std::move(clock);
    const Expected<ClientSettings> settings = resolveClientSettings(request);
    if (!settings) {
        m_resolveError = settings.error();
        return nullptr;
    }
    return settings->credentials;
}

void AssumeRoleCredentialsTest::shouldAssumeTheRoleWithTheSourceProfilesKeys()
{
    const auto provider =
        resolve(QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = base\n").arg(RoleA),
                QStringLiteral("audit"));
    QVERIFY2(provider, qPrintable(m_resolveError));
    QCOMPARE(provider->sourceDescription(),
             QStringLiteral("role %1 of profile 'audit', assumed with profile 'base' in %2")
                 .arg(RoleA, m_files->credentialsPath()));

    const auto result = waitForCredentials(*provider);
    QVERIFY2(succeeded(result), qPrintable(failureOf(result)));
    QCOMPARE(m_sts->issuedCredentials().size(), 1);
    const AwsCredentials issued = m_sts->issuedCredentials().first();
    QCOMPARE(result->value().accessKeyId, issued.accessKeyId);
    QCOMPARE(result->value().secretAccessKey, issued.secretAccessKey);
    QCOMPARE(result->value().sessionToken, issued.sessionToken);
    QCOMPARE(result->value().expiration->toSecsSinceEpoch(), issued.expiration->toSecsSinceEpoch());

    const StsSimulator::ReceivedAssumeRole request = m_sts->receivedRequests().first();
    QCOMPARE(request.accessKeyId, BaseKey);
    QCOMPARE(request.parameters.value("Action"), QStringLiteral("AssumeRole"));
    QCOMPARE(request.parameters.value("Version"), QStringLiteral("2011-06-15"));
    QCOMPARE(request.parameters.value("RoleArn"), RoleA);
    QVERIFY(request.parameters.value("RoleSessionName").startsWith(QStringLiteral("enrollment-desk-")));
    QVERIFY(!request.parameters.contains("ExternalId"));
    QVERIFY(!request.parameters.contains("DurationSeconds"));
    QVERIFY(!request.parameters.contains("SerialNumber"));
}

void AssumeRoleCredentialsTest::shouldSendSessionNameExternalIdAndDuration()
{
    m_sts->addRole(RoleA, StsSimulator::RoleRules{QStringLiteral("partner-7781"), {}, {}});
    const auto provider = resolve(QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = "
                                                 "base\nrole_session_name = jane@example.com\nexternal_id = "
                                                 "partner-7781\nduration_seconds = 7200\n")
                                      .arg(RoleA),
                                  QStringLiteral("audit"));
    QVERIFY2(provider, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*provider);
    QVERIFY2(succeeded(result), qPrintable(failureOf(result)));
    const auto parameters = m_sts->receivedRequests().first().parameters;
    QCOMPARE(parameters.value("RoleSessionName"), QStringLiteral("jane@example.com"));
    QCOMPARE(parameters.value("ExternalId"), QStringLiteral("partner-7781"));
    QCOMPARE(parameters.value("DurationSeconds"), QStringLiteral("7200"));
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(*result->value().expiration);
    QVERIFY2(left > 7100 && left <= 7200, qPrintable(QString::number(left)));
}

void AssumeRoleCredentialsTest::shouldFollowAChainOfRoles()
{
    m_sts->addRole(RoleB);
    const auto provider = resolve(QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = hop\n"
                                                 "[profile hop]\nrole_arn = %2\nsource_profile = base\n")
                                      .arg(RoleA, RoleB),
                                  QStringLiteral("audit"));
    QVERIFY2(provider, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*provider);
    QVERIFY2(succeeded(result), qPrintable(failureOf(result)));

    const auto requests = m_sts->receivedRequests();
    const auto issued = m_sts->issuedCredentials();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).parameters.value("RoleArn"), RoleB);
    QCOMPARE(requests.at(0).accessKeyId, BaseKey);
    QCOMPARE(requests.at(1).parameters.value("RoleArn"), RoleA);
    QCOMPARE(requests.at(1).accessKeyId, issued.at(0).accessKeyId); // signed with the hop's credentials
    QCOMPARE(result->value().accessKeyId, issued.at(1).accessKeyId);
}

void AssumeRoleCredentialsTest::shouldUseEnvironmentKeysForCredentialSourceEnvironment()
{
    m_sts->addSourceCredentials(QStringLiteral("AKIDENVIRONMENT"), QStringLiteral("environment-secret"),
                                QStringLiteral("environment-token"));
    const auto provider =
        resolve(QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\ncredential_source = Environment\n")
                    .arg(RoleA),
                QStringLiteral("audit"),
                {"AWS_ACCESS_KEY_ID=AKIDENVIRONMENT", "AWS_SECRET_ACCESS_KEY=environment-secret",
                 "AWS_SESSION_TOKEN=environment-token"});
    QVERIFY2(provider, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*provider);
    QVERIFY2(succeeded(result), qPrintable(failureOf(result)));
    QCOMPARE(m_sts->receivedRequests().first().accessKeyId, QStringLiteral("AKIDENVIRONMENT"));
}

void AssumeRoleCredentialsTest::shouldAskForTheMfaCode()
{
    m_sts->addRole(RoleA, StsSimulator::RoleRules{{}, MfaDevice, QStringLiteral("123456")});
    auto prompt = std::make_shared<ScriptedMfaPrompt>();
    const auto provider = resolve(
        QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = base\nmfa_serial = %2\n")
            .arg(RoleA, MfaDevice),
        QStringLiteral("audit"), {}, prompt);
    QVERIFY2(provider, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*provider);
    QVERIFY2(succeeded(result), qPrintable(failureOf(result)));

    QCOMPARE(prompt->requests.size(), 1);
    QCOMPARE(prompt->requests.first().profileName, QStringLiteral("audit"));
    QCOMPARE(prompt->requests.first().mfaSerial, MfaDevice);
    QCOMPARE(prompt->requests.first().roleArn, RoleA);
    const auto parameters = m_sts->receivedRequests().first().parameters;
    QCOMPARE(parameters.value("SerialNumber"), MfaDevice);
    QCOMPARE(parameters.value("TokenCode"), QStringLiteral("123456"));

    // Kept credentials need no second code.
    QVERIFY(succeeded(waitForCredentials(*provider)));
    QCOMPARE(prompt->requests.size(), 1);
}

void AssumeRoleCredentialsTest::shouldTakeTheMfaCodeFromAnotherThread()
{
    m_sts->addRole(RoleA, StsSimulator::RoleRules{{}, MfaDevice, QStringLiteral("654321")});
    auto prompt = std::make_shared<ScriptedMfaPrompt>();
    prompt->answer = QStringLiteral(" 654321\n");
    prompt->fromAnotherThread = true;
    const auto provider = resolve(
        QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = base\nmfa_serial = %2\n")
            .arg(RoleA, MfaDevice),
        QStringLiteral("audit"), {}, prompt);
    QVERIFY2(provider, qPrintable(m_resolveError));

    AwsClient client;
    QThread *answeredOn = nullptr;
    std::optional<CredentialResult> result;
    provider->requestCredentials(client, CredentialRenewal::IfExpiring, [&](const CredentialResult &answer) {
        answeredOn = QThread::currentThread();
        result = answer;
    });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20'000);
    QVERIFY2(succeeded(result), qPrintable(failureOf(result)));
    QCOMPARE(answeredOn, QThread::currentThread());
    QCOMPARE(m_sts->receivedRequests().first().parameters.value("TokenCode"), QStringLiteral("654321"));
}

void AssumeRoleCredentialsTest::shouldStopWhenTheMfaPromptIsCancelled()
{
    m_sts->addRole(RoleA, StsSimulator::RoleRules{{}, MfaDevice, QStringLiteral("123456")});
    auto prompt = std::make_shared<ScriptedMfaPrompt>();
    prompt->answer = Unexpected{QStringLiteral("The MFA code was not entered, so the load stopped.")};
    const auto provider = resolve(
        QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = base\nmfa_serial = %2\n")
            .arg(RoleA, MfaDevice),
        QStringLiteral("audit"), {}, prompt);
    QVERIFY2(provider, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*provider);
    QCOMPARE(failureOf(result), QStringLiteral("The MFA code was not entered, so the load stopped."));
    QVERIFY(m_sts->receivedRequests().isEmpty());
}

void AssumeRoleCredentialsTest::shouldExplainAWrongMfaCode()
{
    m_sts->addRole(RoleA, StsSimulator::RoleRules{{}, MfaDevice, QStringLiteral("123456")});
    auto prompt = std::make_shared<ScriptedMfaPrompt>();
    prompt->answer = QStringLiteral("000000");
    const auto provider = resolve(
        QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = base\nmfa_serial = %2\n")
            .arg(RoleA, MfaDevice),
        QStringLiteral("audit"), {}, prompt);
    QVERIFY2(provider, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*provider);
    QCOMPARE(failureOf(result),
             QStringLiteral("AWS STS did not accept the MFA code for role %1 of profile 'audit' (AWS said: "
                            "MultiFactorAuthentication failed with invalid MFA one time pass code.). Load again and "
                            "enter the current code from %2.")
                 .arg(RoleA, MfaDevice));
}

void AssumeRoleCredentialsTest::shouldRefuseMfaWhenNothingCanAsk()
{
    const auto provider = resolve(
        QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = base\nmfa_serial = %2\n")
            .arg(RoleA, MfaDevice),
        QStringLiteral("audit"));
    QVERIFY2(provider, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*provider);
    QCOMPARE(failureOf(result),
             QStringLiteral("Profile 'audit' needs a code from the MFA device %1 (mfa_serial), and nothing can ask for "
                            "one here. Run Enrollment Desk from a terminal or its window, or use a profile without "
                            "mfa_serial.")
                 .arg(MfaDevice));
}

void AssumeRoleCredentialsTest::shouldExplainARoleItMayNotAssume()
{
    const QString stranger = QStringLiteral("arn:aws:iam::999999999999:role/NotYours");
    const auto provider = resolve(
        QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = base\n").arg(stranger),
        QStringLiteral("audit"));
    QVERIFY2(provider, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*provider);
    QVERIFY2(failureOf(result).startsWith(QStringLiteral("AWS STS refused to let profile 'base' in %1 assume role %2 "
                                                         "for profile 'audit' (AWS said: User is not authorized")
                                              .arg(m_files->credentialsPath(), stranger)),
             qPrintable(failureOf(result)));
    QVERIFY(!failureOf(result).contains(BaseSecret));
}

void AssumeRoleCredentialsTest::shouldExplainSourceKeysStsDoesNotKnow()
{
    const auto provider = resolve(QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = "
                                                 "stale\n[profile stale]\naws_access_key_id = AKIDREVOKED\n"
                                                 "aws_secret_access_key = revoked-secret\n")
                                      .arg(RoleA),
                                  QStringLiteral("audit"));
    QVERIFY2(provider, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*provider);
    QVERIFY2(failureOf(result).startsWith(QStringLiteral("AWS STS does not accept the keys of profile 'stale'")),
             qPrintable(failureOf(result)));
}

void AssumeRoleCredentialsTest::shouldRetryWhenStsThrottles()
{
    m_sts->addFault(FaultRule{SimulatorFault::Throttling400, 1, 1});
    m_sts->addFault(FaultRule{SimulatorFault::InternalError500, 2, 1});
    const auto provider =
        resolve(QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = base\n").arg(RoleA),
                QStringLiteral("audit"));
    QVERIFY2(provider, qPrintable(m_resolveError));
    const auto result = waitForCredentials(*provider);
    QVERIFY2(succeeded(result), qPrintable(failureOf(result)));
    QCOMPARE(m_sts->receivedRequests().size(), 3);
}

void AssumeRoleCredentialsTest::shouldKeepAssumedCredentialsUntilShortlyBeforeTheyExpire()
{
    auto clock = std::make_shared<FixedClock>(QDateTime::currentDateTimeUtc());
    m_sts->setClock(clock);
    const auto provider =
        resolve(QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = base\n").arg(RoleA),
                QStringLiteral("audit"), {}, {}, clock);
    QVERIFY2(provider, qPrintable(m_resolveError));
    AwsClient client({}, clock); // signs by the same clock STS judges by
    QVERIFY(succeeded(waitForCredentials(*provider, client)));
    QVERIFY(succeeded(waitForCredentials(*provider, client)));
    QCOMPARE(m_sts->receivedRequests().size(), 1);

    clock->advance(49 * 60 * 1000);
    QVERIFY(succeeded(waitForCredentials(*provider, client)));
    QCOMPARE(m_sts->receivedRequests().size(), 1);

    clock->advance(2 * 60 * 1000);
    const auto renewed = waitForCredentials(*provider, client);
    QVERIFY2(succeeded(renewed), qPrintable(failureOf(renewed)));
    QCOMPARE(m_sts->receivedRequests().size(), 2);
    QCOMPARE(renewed->value().accessKeyId, m_sts->issuedCredentials().last().accessKeyId);
}

void AssumeRoleCredentialsTest::shouldAssumeAgainWhenTheServiceCallsThemExpired()
{
    const auto provider =
        resolve(QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = base\n").arg(RoleA),
                QStringLiteral("audit"));
    QVERIFY2(provider, qPrintable(m_resolveError));
    const auto first = waitForCredentials(*provider);
    QVERIFY(succeeded(first));
    const auto second = waitForCredentials(*provider, CredentialRenewal::Force);
    QVERIFY2(succeeded(second), qPrintable(failureOf(second)));
    QCOMPARE(m_sts->receivedRequests().size(), 2);
    QVERIFY(first->value().accessKeyId != second->value().accessKeyId);
}

void AssumeRoleCredentialsTest::shouldRenewTheSourceWhenStsCallsItExpired()
{
    // The hop's credentials last two hours, the role's one: after 55 minutes only the role's
    // look stale, but STS has meanwhile called the hop's expired.
    m_sts->addRole(RoleB);
    auto clock = std::make_shared<FixedClock>(QDateTime::currentDateTimeUtc());
    m_sts->setClock(clock);
    const auto provider = resolve(QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = hop\n"
                                                 "[profile hop]\nrole_arn = %2\nsource_profile = base\n"
                                                 "duration_seconds = 7200\n")
                                      .arg(RoleA, RoleB),
                                  QStringLiteral("audit"), {}, {}, clock);
    QVERIFY2(provider, qPrintable(m_resolveError));
    AwsClient client({}, clock); // signs by the same clock STS judges by
    QVERIFY(succeeded(waitForCredentials(*provider, client)));
    QCOMPARE(m_sts->receivedRequests().size(), 2);

    clock->advance(55 * 60 * 1000);
    m_sts->expireIssuedCredentials();
    const auto renewed = waitForCredentials(*provider, client);
    QVERIFY2(succeeded(renewed), qPrintable(failureOf(renewed)));
    const auto requests = m_sts->receivedRequests();
    QCOMPARE(requests.size(), 5); // role (refused: expired hop), hop again, role again
    QCOMPARE(requests.at(2).parameters.value("RoleArn"), RoleA);
    QCOMPARE(requests.at(3).parameters.value("RoleArn"), RoleB);
    QCOMPARE(requests.at(3).accessKeyId, BaseKey);
    QCOMPARE(requests.at(4).parameters.value("RoleArn"), RoleA);
    QCOMPARE(requests.at(4).accessKeyId, m_sts->issuedCredentials().at(2).accessKeyId);
}

void AssumeRoleCredentialsTest::shouldRefuseDurationSecondsOutOfRange()
{
    const auto provider = resolve(QStringLiteral("[profile audit]\nrole_arn = %1\nsource_profile = base\n"
                                                 "duration_seconds = 60\n")
                                      .arg(RoleA),
                                  QStringLiteral("audit"));
    QVERIFY(!provider);
    QCOMPARE(m_resolveError, QStringLiteral("duration_seconds in profile 'audit' is '60'. Use a whole number of seconds "
                                            "from 900 to 43200 (and no more than the role's maximum session "
                                            "duration)."));
}

void AssumeRoleCredentialsTest::shouldIgnoreDurationSecondsThatIsNoNumber()
{
    // As AWS CLI does: the role's default session length applies.
    const auto provider = resolve(QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = "
                                                 "base\nduration_seconds = one hour\n")
                                      .arg(RoleA),
                                  QStringLiteral("audit"));
    QVERIFY2(provider, qPrintable(m_resolveError));
    QVERIFY(succeeded(waitForCredentials(*provider)));
    QVERIFY(!m_sts->receivedRequests().first().parameters.contains(QStringLiteral("DurationSeconds")));
}

void AssumeRoleCredentialsTest::shouldFindStsWhereAwsCliDoes_data()
{
    QTest::addColumn<QString>("settings");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("endpointUrlOption");
    QTest::addColumn<QString>("expectedUrl");
    QTest::addColumn<QString>("expectedSigningRegion");

    QTest::newRow("the profile's region") << "region = eu-west-1\n" << QStringList{} << QString()
                                          << "https://sts.eu-west-1.amazonaws.com" << "eu-west-1";
    QTest::newRow("AWS_REGION beats the profile") << "region = eu-west-1\n" << QStringList{"AWS_REGION=ap-south-1"}
                                                  << QString() << "https://sts.ap-south-1.amazonaws.com"
                                                  << "ap-south-1";
    QTest::newRow("no region: the global endpoint") << QString() << QStringList{} << QString()
                                                    << "https://sts.amazonaws.com" << "us-east-1";
    QTest::newRow("FIPS") << "region = us-east-2\nuse_fips_endpoint = true\n" << QStringList{} << QString()
                          << "https://sts-fips.us-east-2.amazonaws.com" << "us-east-2";
    QTest::newRow("the China partition") << "region = cn-north-1\n" << QStringList{} << QString()
                                         << "https://sts.cn-north-1.amazonaws.com.cn" << "cn-north-1";
    QTest::newRow("AWS_ENDPOINT_URL_STS") << "region = eu-west-1\n"
                                          << QStringList{"AWS_ENDPOINT_URL_STS=http://127.0.0.1:4566"} << QString()
                                          << "http://127.0.0.1:4566" << "eu-west-1";
    QTest::newRow("AWS_ENDPOINT_URL for every service")
        << "region = eu-west-1\n" << QStringList{"AWS_ENDPOINT_URL=http://127.0.0.1:4567"} << QString()
        << "http://127.0.0.1:4567" << "eu-west-1";
    QTest::newRow("the profile's services section")
        << "region = eu-west-1\nservices = corp\n[services corp]\nsts =\n  endpoint_url = https://sts.corp.example\n"
        << QStringList{} << QString() << "https://sts.corp.example" << "eu-west-1";
    QTest::newRow("--endpoint-url is for Compute Optimizer only")
        << "region = eu-west-1\n" << QStringList{} << "http://127.0.0.1:4568" << "https://sts.eu-west-1.amazonaws.com"
        << "eu-west-1";
}

void AssumeRoleCredentialsTest::shouldFindStsWhereAwsCliDoes()
{
    QFETCH(QString, settings);
    QFETCH(QStringList, environment);
    QFETCH(QString, endpointUrlOption);
    QFETCH(QString, expectedUrl);
    QFETCH(QString, expectedSigningRegion);

    QVERIFY(m_files->writeConfig(
        QStringLiteral("[profile audit]\nrole_arn = %1\nsource_profile = base\n").arg(RoleA) + settings));
    QVERIFY(m_files->writeCredentials(BaseCredentials));
    ClientSettingsRequest request;
    request.profileOption = QStringLiteral("audit");
    request.endpointUrlOption = endpointUrlOption;
    request.environment = m_files->environment(environment);
    request.homeDirectory = m_files->home();
    const Expected<ClientSettings> resolved = resolveClientSettings(request);
    QVERIFY2(resolved, resolved ? "" : qPrintable(resolved.error()));
    const auto *role = dynamic_cast<const AssumeRoleCredentialProvider *>(resolved->credentials.get());
    QVERIFY(role);
    QCOMPARE(role->sts().endpoint.toString(), expectedUrl);
    QCOMPARE(role->sts().scope.region, expectedSigningRegion);
    QCOMPARE(role->sts().scope.service, QStringLiteral("sts"));
}

QTEST_GUILESS_MAIN(AssumeRoleCredentialsTest)
#include "test_assume_role_credentials.moc"
