#include "awsfilesfixture.h"

#include "profiles/clientsettings.h"

#include <QDir>
#include <QFile>
#include <QTest>

namespace {

const QString StandardConfig = QStringLiteral(
    "[default]\n"
    "region = eu-west-1\n"
    "\n"
    "[profile audit]\n"
    "region = us-east-2\n"
    "max_attempts = 7\n"
    "retry_mode = adaptive\n"
    "aws_access_key_id = AKIDCONFIGAUDIT\n"
    "aws_secret_access_key = config-audit-secret\n"
    "\n"
    "[profile other]\n"
    "region = ap-south-1\n"
    "\n"
    "[profile configkeys]\n"
    "aws_access_key_id = AKIDCONFIGONLY\n"
    "aws_secret_access_key = config-only-secret\n"
    "aws_session_token = config-only-token\n");

const QString StandardCredentials = QStringLiteral(
    "[default]\n"
    "aws_access_key_id = AKIDDEFAULT\n"
    "aws_secret_access_key = default-secret\n"
    "\n"
    "[audit]\n"
    "aws_access_key_id = AKIDCREDSAUDIT\n"
    "aws_secret_access_key = creds-audit-secret\n"
    "\n"
    "[other]\n"
    "aws_access_key_id = AKIDOTHER\n"
    "aws_secret_access_key = other-secret\n"
    "aws_session_token = other-token\n"
    "\n"
    "[credsonly]\n"
    "aws_access_key_id = AKIDCREDSONLY\n"
    "aws_secret_access_key = creds-only-secret\n");

struct Scenario
{
    QString config = StandardConfig;
    QString credentials = StandardCredentials;
    QStringList environment;
    QString profileOption;
    QString regionOption;
    QString endpointUrlOption;
};

Expected<ClientSettings> resolve(const AwsFilesFixture &files, const Scenario &scenario)
{
    if (!files.writeConfig(scenario.config) || !files.writeCredentials(scenario.credentials))
        return Unexpected{QStringLiteral("test setup could not write the AWS files")};
    ClientSettingsRequest request;
    request.profileOption = scenario.profileOption;
    request.regionOption = scenario.regionOption;
    request.endpointUrlOption = scenario.endpointUrlOption;
    request.environment = files.environment(scenario.environment);
    request.homeDirectory = files.home();
    return resolveClientSettings(request);
}

QString accessKeyOf(const ClientSettings &settings)
{
    const Expected<AwsCredentials> credentials = settings.credentials->credentials();
    return credentials ? credentials->accessKeyId : credentials.error();
}

QString withHome(QString text, const AwsFilesFixture &files)
{
    return text.replace(QStringLiteral("$HOME"), files.home());
}

} // namespace

// Where each client setting comes from, in AWS CLI v2's order, and what the user is told
// when a setting cannot be used.
class ClientSettingsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldSelectProfileByPrecedence_data();
    void shouldSelectProfileByPrecedence();

    void shouldResolveRegionByPrecedence_data();
    void shouldResolveRegionByPrecedence();
    void shouldRejectRegionThatIsNoHostName();

    void shouldResolveRetrySettings_data();
    void shouldResolveRetrySettings();
    void shouldRejectInvalidRetrySettings_data();
    void shouldRejectInvalidRetrySettings();

    void shouldResolveEndpointUrlByPrecedence_data();
    void shouldResolveEndpointUrlByPrecedence();
    void shouldRejectMissingServicesSection();
    void shouldRejectEndpointUrlThatIsNotHttp_data();
    void shouldRejectEndpointUrlThatIsNotHttp();

    void shouldResolveEndpointFlags_data();
    void shouldResolveEndpointFlags();
    void shouldResolveCaBundle_data();
    void shouldResolveCaBundle();

    void shouldChooseCredentialsByPrecedence_data();
    void shouldChooseCredentialsByPrecedence();
    void shouldCarrySessionTokenAndExpiration();
    void shouldRejectPartialCredentials_data();
    void shouldRejectPartialCredentials();
    void shouldNameUnsupportedCredentialSources_data();
    void shouldNameUnsupportedCredentialSources();

    void shouldRejectUnknownRequestedProfile_data();
    void shouldRejectUnknownRequestedProfile();
    void shouldAcceptMissingDefaultProfile();
    void shouldReportNoCredentials_data();
    void shouldReportNoCredentials();

    void shouldTreatMissingFilesAsEmpty();
    void shouldReportFolderInPlaceOfFile();
    void shouldReportUnreadableFile();
    void shouldReportParseErrorWithPath();
    void shouldNeverShowSecrets();
};

void ClientSettingsTest::shouldSelectProfileByPrecedence_data()
{
    QTest::addColumn<QString>("profileOption");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("expectedProfile");

    QTest::newRow("nothing given means default") << QString() << QStringList{} << "default";
    QTest::newRow("AWS_DEFAULT_PROFILE is used alone")
        << QString() << QStringList{"AWS_DEFAULT_PROFILE=other"} << "other";
    QTest::newRow("AWS_PROFILE beats AWS_DEFAULT_PROFILE")
        << QString() << QStringList{"AWS_PROFILE=audit", "AWS_DEFAULT_PROFILE=other"} << "audit";
    QTest::newRow("--profile beats AWS_PROFILE")
        << "other" << QStringList{"AWS_PROFILE=audit"} << "other";
    QTest::newRow("empty AWS_PROFILE counts as unset")
        << QString() << QStringList{"AWS_PROFILE=", "AWS_DEFAULT_PROFILE=audit"} << "audit";
}

void ClientSettingsTest::shouldSelectProfileByPrecedence()
{
    QFETCH(QString, profileOption);
    QFETCH(QStringList, environment);
    QFETCH(QString, expectedProfile);

    AwsFilesFixture files;
    Scenario scenario;
    scenario.profileOption = profileOption;
    scenario.environment = environment;
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY2(settings, settings ? "" : qPrintable(settings.error()));
    QCOMPARE(settings->profileName, expectedProfile);
}

void ClientSettingsTest::shouldResolveRegionByPrecedence_data()
{
    QTest::addColumn<QString>("profileOption");
    QTest::addColumn<QString>("regionOption");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("expectedRegion");

    QTest::newRow("--region beats everything")
        << "audit" << "ca-central-1"
        << QStringList{"AWS_REGION=us-west-1", "AWS_DEFAULT_REGION=us-west-2"} << StandardConfig
        << "ca-central-1";
    QTest::newRow("AWS_REGION beats AWS_DEFAULT_REGION")
        << "audit" << QString() << QStringList{"AWS_REGION=us-west-1", "AWS_DEFAULT_REGION=us-west-2"}
        << StandardConfig << "us-west-1";
    QTest::newRow("AWS_DEFAULT_REGION beats the profile")
        << "audit" << QString() << QStringList{"AWS_DEFAULT_REGION=us-west-2"} << StandardConfig
        << "us-west-2";
    QTest::newRow("the selected profile's region")
        << "audit" << QString() << QStringList{} << StandardConfig << "us-east-2";
    QTest::newRow("the default profile's region")
        << QString() << QString() << QStringList{} << StandardConfig << "eu-west-1";
    QTest::newRow("no region anywhere is empty")
        << QString() << QString() << QStringList{} << QString() << QString();
    QTest::newRow("empty AWS_REGION counts as unset")
        << "audit" << QString() << QStringList{"AWS_REGION="} << StandardConfig << "us-east-2";
}

void ClientSettingsTest::shouldResolveRegionByPrecedence()
{
    QFETCH(QString, profileOption);
    QFETCH(QString, regionOption);
    QFETCH(QStringList, environment);
    QFETCH(QString, config);
    QFETCH(QString, expectedRegion);

    AwsFilesFixture files;
    Scenario scenario;
    scenario.config = config;
    scenario.profileOption = profileOption;
    scenario.regionOption = regionOption;
    scenario.environment = environment;
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY2(settings, settings ? "" : qPrintable(settings.error()));
    QCOMPARE(settings->region, expectedRegion);
}

void ClientSettingsTest::shouldRejectRegionThatIsNoHostName()
{
    AwsFilesFixture files;
    Scenario scenario;
    scenario.environment = {QStringLiteral("AWS_REGION=us-east-1/evil")};
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY(!settings);
    QCOMPARE(settings.error(), QStringLiteral("The region 'us-east-1/evil' from AWS_REGION is not a "
                                              "valid region name. Use a name such as us-east-1."));
}

void ClientSettingsTest::shouldResolveRetrySettings_data()
{
    QTest::addColumn<QString>("profileOption");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<int>("expectedMaxAttempts");
    QTest::addColumn<QString>("expectedMode");

    QTest::newRow("defaults are standard mode with 3 attempts")
        << QString() << QStringList{} << 3 << "standard";
    QTest::newRow("the profile sets both") << "audit" << QStringList{} << 7 << "adaptive";
    QTest::newRow("the environment beats the profile")
        << "audit" << QStringList{"AWS_MAX_ATTEMPTS=2", "AWS_RETRY_MODE=legacy"} << 2 << "legacy";
    // AWS CLI v2 refuses legacy; botocore's legacy mode makes 5 attempts.
    QTest::newRow("legacy mode makes 5 attempts like botocore")
        << QString() << QStringList{"AWS_RETRY_MODE=legacy"} << 5 << "legacy";
    QTest::newRow("adaptive mode makes 3 attempts like AWS CLI v2")
        << QString() << QStringList{"AWS_RETRY_MODE=adaptive"} << 3 << "adaptive";
    QTest::newRow("one attempt is allowed")
        << QString() << QStringList{"AWS_MAX_ATTEMPTS=1"} << 1 << "standard";
    QTest::newRow("blanks around the number are fine")
        << QString() << QStringList{"AWS_MAX_ATTEMPTS= 4 "} << 4 << "standard";
}

void ClientSettingsTest::shouldResolveRetrySettings()
{
    QFETCH(QString, profileOption);
    QFETCH(QStringList, environment);
    QFETCH(int, expectedMaxAttempts);
    QFETCH(QString, expectedMode);

    AwsFilesFixture files;
    Scenario scenario;
    scenario.profileOption = profileOption;
    scenario.environment = environment;
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY2(settings, settings ? "" : qPrintable(settings.error()));
    QCOMPARE(settings->maxAttempts, expectedMaxAttempts);
    QCOMPARE(retryModeName(settings->retryMode), expectedMode);
}

void ClientSettingsTest::shouldRejectInvalidRetrySettings_data()
{
    QTest::addColumn<QString>("profileSettings");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("expectedError");

    QTest::newRow("zero attempts in the profile")
        << "max_attempts = 0" << QStringList{}
        << "max_attempts in profile 'x' must be a whole number of 1 or more. It is now '0'.";
    QTest::newRow("negative attempts in the profile")
        << "max_attempts = -2" << QStringList{}
        << "max_attempts in profile 'x' must be a whole number of 1 or more. It is now '-2'.";
    QTest::newRow("fractional attempts in the profile")
        << "max_attempts = 2.5" << QStringList{}
        << "max_attempts in profile 'x' must be a whole number of 1 or more. It is now '2.5'.";
    QTest::newRow("words in AWS_MAX_ATTEMPTS")
        << QString() << QStringList{"AWS_MAX_ATTEMPTS=three"}
        << "AWS_MAX_ATTEMPTS must be a whole number of 1 or more. It is now 'three'.";
    QTest::newRow("AWS_MAX_ATTEMPTS is checked even when the profile is valid")
        << "max_attempts = 4" << QStringList{"AWS_MAX_ATTEMPTS=0"}
        << "AWS_MAX_ATTEMPTS must be a whole number of 1 or more. It is now '0'.";
    QTest::newRow("unknown retry mode in the profile")
        << "retry_mode = fast" << QStringList{}
        << "retry_mode in profile 'x' must be legacy, standard or adaptive. It is now 'fast'.";
    QTest::newRow("retry modes are lower case")
        << QString() << QStringList{"AWS_RETRY_MODE=Standard"}
        << "AWS_RETRY_MODE must be legacy, standard or adaptive. It is now 'Standard'.";
}

void ClientSettingsTest::shouldRejectInvalidRetrySettings()
{
    QFETCH(QString, profileSettings);
    QFETCH(QStringList, environment);
    QFETCH(QString, expectedError);

    AwsFilesFixture files;
    Scenario scenario;
    scenario.config = QStringLiteral("[profile x]\n") + profileSettings;
    scenario.credentials = QStringLiteral("[x]\naws_access_key_id = A\naws_secret_access_key = B\n");
    scenario.profileOption = QStringLiteral("x");
    scenario.environment = environment;
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY(!settings);
    QCOMPARE(settings.error(), expectedError);
}

void ClientSettingsTest::shouldResolveEndpointUrlByPrecedence_data()
{
    QTest::addColumn<QString>("endpointOption");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("profileSettings");
    QTest::addColumn<QString>("expectedUrl");

    const QString services = QStringLiteral("services = local\n");
    const QString profileUrl = QStringLiteral("endpoint_url = http://127.0.0.1:9004\n");
    const QStringList bothEnv = {"AWS_ENDPOINT_URL_COMPUTE_OPTIMIZER=http://127.0.0.1:9002",
                                 "AWS_ENDPOINT_URL=http://127.0.0.1:9003"};

    QTest::newRow("nothing configured") << QString() << QStringList{} << QString() << QString();
    QTest::newRow("--endpoint-url beats everything")
        << "http://127.0.0.1:9001" << bothEnv << services + profileUrl << "http://127.0.0.1:9001";
    QTest::newRow("service variable beats global variable")
        << QString() << bothEnv << services + profileUrl << "http://127.0.0.1:9002";
    QTest::newRow("global variable beats the config file")
        << QString() << QStringList{"AWS_ENDPOINT_URL=http://127.0.0.1:9003"} << services + profileUrl
        << "http://127.0.0.1:9003";
    QTest::newRow("services section beats the profile's endpoint_url")
        << QString() << QStringList{} << services + profileUrl << "http://127.0.0.1:9005";
    QTest::newRow("services section without this service falls back to the profile")
        << QString() << QStringList{} << QStringLiteral("services = elsewhere\n") + profileUrl
        << "http://127.0.0.1:9004";
    QTest::newRow("profile endpoint_url alone") << QString() << QStringList{} << profileUrl
                                                << "http://127.0.0.1:9004";
    QTest::newRow("variables for other services are ignored")
        << QString() << QStringList{"AWS_ENDPOINT_URL_S3=http://127.0.0.1:9009"} << QString()
        << QString();
    QTest::newRow("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS drops variables and files")
        << QString() << bothEnv + QStringList{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true"}
        << services + profileUrl << QString();
    QTest::newRow("the ignore flag is case-insensitive")
        << QString() << QStringList{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=TRUE"} << profileUrl
        << QString();
    QTest::newRow("ignore_configured_endpoint_urls in the profile")
        << QString() << bothEnv
        << QStringLiteral("ignore_configured_endpoint_urls = true\n") + profileUrl << QString();
    QTest::newRow("a false ignore variable beats a true profile setting")
        << QString() << QStringList{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=false"}
        << QStringLiteral("ignore_configured_endpoint_urls = true\n") + profileUrl
        << "http://127.0.0.1:9004";
    QTest::newRow("the ignore flag keeps --endpoint-url")
        << "https://localhost:8443/base" << QStringList{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true"}
        << profileUrl << "https://localhost:8443/base";
}

void ClientSettingsTest::shouldResolveEndpointUrlByPrecedence()
{
    QFETCH(QString, endpointOption);
    QFETCH(QStringList, environment);
    QFETCH(QString, profileSettings);
    QFETCH(QString, expectedUrl);

    AwsFilesFixture files;
    Scenario scenario;
    scenario.config = QStringLiteral("[default]\n") + profileSettings
                      + QStringLiteral("[services local]\n"
                                       "compute_optimizer =\n"
                                       "  endpoint_url = http://127.0.0.1:9005\n"
                                       "s3 =\n"
                                       "  endpoint_url = http://127.0.0.1:9006\n"
                                       "[services elsewhere]\n"
                                       "s3 =\n"
                                       "  endpoint_url = http://127.0.0.1:9007\n");
    scenario.endpointUrlOption = endpointOption;
    scenario.environment = environment;
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY2(settings, settings ? "" : qPrintable(settings.error()));
    QCOMPARE(settings->endpointUrl.toString(), expectedUrl);
}

void ClientSettingsTest::shouldRejectMissingServicesSection()
{
    AwsFilesFixture files;
    Scenario scenario;
    scenario.config = QStringLiteral("[default]\nservices = nowhere\n");
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY(!settings);
    QCOMPARE(settings.error(),
             QStringLiteral("Profile 'default' names the services section 'nowhere', but the config "
                            "file has no [services nowhere] section with settings. Add it or remove "
                            "'services' from the profile."));
}

void ClientSettingsTest::shouldRejectEndpointUrlThatIsNotHttp_data()
{
    QTest::addColumn<QString>("endpointOption");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("expectedError");

    QTest::newRow("no scheme in --endpoint-url")
        << "localhost:4566" << QStringList{}
        << "The endpoint URL 'localhost:4566' from --endpoint-url is not a valid http:// or "
           "https:// URL. Correct it or remove it.";
    QTest::newRow("ftp in AWS_ENDPOINT_URL")
        << QString() << QStringList{"AWS_ENDPOINT_URL=ftp://127.0.0.1/"}
        << "The endpoint URL 'ftp://127.0.0.1/' from AWS_ENDPOINT_URL is not a valid http:// or "
           "https:// URL. Correct it or remove it.";
    QTest::newRow("no host")
        << "http://" << QStringList{}
        << "The endpoint URL 'http://' from --endpoint-url is not a valid http:// or https:// URL. "
           "Correct it or remove it.";
}

void ClientSettingsTest::shouldRejectEndpointUrlThatIsNotHttp()
{
    QFETCH(QString, endpointOption);
    QFETCH(QStringList, environment);
    QFETCH(QString, expectedError);

    AwsFilesFixture files;
    Scenario scenario;
    scenario.endpointUrlOption = endpointOption;
    scenario.environment = environment;
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY(!settings);
    QCOMPARE(settings.error(), expectedError);
}

void ClientSettingsTest::shouldResolveEndpointFlags_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("profileSettings");
    QTest::addColumn<bool>("expectedFips");
    QTest::addColumn<bool>("expectedDualStack");

    QTest::newRow("off by default") << QStringList{} << QString() << false << false;
    QTest::newRow("both from the environment")
        << QStringList{"AWS_USE_FIPS_ENDPOINT=true", "AWS_USE_DUALSTACK_ENDPOINT=True"} << QString()
        << true << true;
    QTest::newRow("both from the profile")
        << QStringList{} << "use_fips_endpoint = TRUE\nuse_dualstack_endpoint = true\n" << true
        << true;
    QTest::newRow("the environment beats the profile")
        << QStringList{"AWS_USE_FIPS_ENDPOINT=false"} << "use_fips_endpoint = true\n" << false
        << false;
    QTest::newRow("anything but true is false, as in botocore")
        << QStringList{"AWS_USE_FIPS_ENDPOINT=1", "AWS_USE_DUALSTACK_ENDPOINT=yes"} << QString()
        << false << false;
}

void ClientSettingsTest::shouldResolveEndpointFlags()
{
    QFETCH(QStringList, environment);
    QFETCH(QString, profileSettings);
    QFETCH(bool, expectedFips);
    QFETCH(bool, expectedDualStack);

    AwsFilesFixture files;
    Scenario scenario;
    scenario.config = QStringLiteral("[default]\n") + profileSettings;
    scenario.environment = environment;
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY2(settings, settings ? "" : qPrintable(settings.error()));
    QCOMPARE(settings->useFipsEndpoint, expectedFips);
    QCOMPARE(settings->useDualStackEndpoint, expectedDualStack);
}

void ClientSettingsTest::shouldResolveCaBundle_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("profileSettings");
    QTest::addColumn<QString>("expectedBundle");

    QTest::newRow("none") << QStringList{} << QString() << QString();
    QTest::newRow("from the profile") << QStringList{} << "ca_bundle = /etc/ssl/corp.pem\n"
                                      << "/etc/ssl/corp.pem";
    QTest::newRow("AWS_CA_BUNDLE beats the profile")
        << QStringList{"AWS_CA_BUNDLE=/opt/ca.pem"} << "ca_bundle = /etc/ssl/corp.pem\n"
        << "/opt/ca.pem";
}

void ClientSettingsTest::shouldResolveCaBundle()
{
    QFETCH(QStringList, environment);
    QFETCH(QString, profileSettings);
    QFETCH(QString, expectedBundle);

    AwsFilesFixture files;
    Scenario scenario;
    scenario.config = QStringLiteral("[default]\n") + profileSettings;
    scenario.environment = environment;
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY2(settings, settings ? "" : qPrintable(settings.error()));
    QCOMPARE(settings->caBundle, expectedBundle);
}

void ClientSettingsTest::shouldChooseCredentialsByPrecedence_data()
{
    QTest::addColumn<QString>("profileOption");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("expectedAccessKey");
    QTest::addColumn<QString>("expectedSource"); // $HOME is the fixture's home

    const QStringList envKeys = {"AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=env-secret"};

    QTest::newRow("default profile from the credentials file")
        << QString() << QStringList{} << "AKIDDEFAULT"
        << "profile 'default' in $HOME/.aws/credentials";
    QTest::newRow("environment keys beat the default profile")
        << QString() << envKeys << "AKIDENV" << "environment variables";
    QTest::newRow("environment keys beat AWS_PROFILE")
        << QString() << envKeys + QStringList{"AWS_PROFILE=audit"} << "AKIDENV"
        << "environment variables";
    QTest::newRow("--profile beats environment keys")
        << "audit" << envKeys << "AKIDCREDSAUDIT" << "profile 'audit' in $HOME/.aws/credentials";
    QTest::newRow("the credentials file beats the config file for one profile")
        << "audit" << QStringList{} << "AKIDCREDSAUDIT"
        << "profile 'audit' in $HOME/.aws/credentials";
    QTest::newRow("keys only in the config file")
        << "configkeys" << QStringList{} << "AKIDCONFIGONLY" << "profile 'configkeys' in $HOME/.aws/config";
    QTest::newRow("profile only in the credentials file")
        << "credsonly" << QStringList{} << "AKIDCREDSONLY"
        << "profile 'credsonly' in $HOME/.aws/credentials";
    QTest::newRow("a secret key alone in the environment is ignored")
        << QString() << QStringList{"AWS_SECRET_ACCESS_KEY=env-secret"} << "AKIDDEFAULT"
        << "profile 'default' in $HOME/.aws/credentials";
}

void ClientSettingsTest::shouldChooseCredentialsByPrecedence()
{
    QFETCH(QString, profileOption);
    QFETCH(QStringList, environment);
    QFETCH(QString, expectedAccessKey);
    QFETCH(QString, expectedSource);

    AwsFilesFixture files;
    Scenario scenario;
    scenario.profileOption = profileOption;
    scenario.environment = environment;
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY2(settings, settings ? "" : qPrintable(settings.error()));
    QVERIFY(settings->credentials);
    QCOMPARE(accessKeyOf(settings.value()), expectedAccessKey);
    QCOMPARE(settings->credentialSource, withHome(expectedSource, files));
    QCOMPARE(settings->credentials->sourceDescription(), settings->credentialSource);
}

void ClientSettingsTest::shouldCarrySessionTokenAndExpiration()
{
    AwsFilesFixture files;
    Scenario scenario;
    scenario.profileOption = QStringLiteral("other");
    const Expected<ClientSettings> fromProfile = resolve(files, scenario);
    QVERIFY(fromProfile);
    const Expected<AwsCredentials> profileCredentials = fromProfile->credentials->credentials();
    QVERIFY(profileCredentials);
    QCOMPARE(profileCredentials->secretAccessKey, QStringLiteral("other-secret"));
    QCOMPARE(profileCredentials->sessionToken, QStringLiteral("other-token"));
    QVERIFY(!profileCredentials->expiration.has_value());

    scenario.profileOption.clear();
    scenario.environment = {"AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=env-secret",
                            "AWS_SESSION_TOKEN=env-token",
                            "AWS_CREDENTIAL_EXPIRATION=2030-01-31T12:00:00Z"};
    const Expected<ClientSettings> fromEnvironment = resolve(files, scenario);
    QVERIFY(fromEnvironment);
    const Expected<AwsCredentials> environmentCredentials =
        fromEnvironment->credentials->credentials();
    QVERIFY(environmentCredentials);
    QCOMPARE(environmentCredentials->sessionToken, QStringLiteral("env-token"));
    QVERIFY(environmentCredentials->expiration.has_value());
    QCOMPARE(*environmentCredentials->expiration,
             QDateTime(QDate(2030, 1, 31), QTime(12, 0), Qt::UTC));

    scenario.environment = {"AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=env-secret",
                            "AWS_CREDENTIAL_EXPIRATION=next tuesday"};
    const Expected<ClientSettings> badExpiration = resolve(files, scenario);
    QVERIFY(!badExpiration);
    QCOMPARE(badExpiration.error(),
             QStringLiteral("AWS_CREDENTIAL_EXPIRATION must be an ISO 8601 time such as "
                            "2030-01-31T12:00:00Z. Correct it or unset it."));
}

void ClientSettingsTest::shouldRejectPartialCredentials_data()
{
    QTest::addColumn<QString>("credentials");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("expectedError"); // $HOME is the fixture's home

    QTest::newRow("access key without secret in the environment")
        << StandardCredentials << QStringList{"AWS_ACCESS_KEY_ID=AKIDENV"}
        << "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not. Set both, or unset "
           "AWS_ACCESS_KEY_ID to use your profiles.";
    QTest::newRow("access key without secret in a profile")
        << "[default]\naws_access_key_id = AKIDDEFAULT\n" << QStringList{}
        << "Profile 'default' in $HOME/.aws/credentials has no value for aws_secret_access_key. "
           "Run 'aws configure --profile default' to set both keys.";
    QTest::newRow("empty access key in a profile")
        << "[default]\naws_access_key_id =\naws_secret_access_key = s\n" << QStringList{}
        << "Profile 'default' in $HOME/.aws/credentials has no value for aws_access_key_id. "
           "Run 'aws configure --profile default' to set both keys.";
}

void ClientSettingsTest::shouldRejectPartialCredentials()
{
    QFETCH(QString, credentials);
    QFETCH(QStringList, environment);
    QFETCH(QString, expectedError);

    AwsFilesFixture files;
    Scenario scenario;
    scenario.credentials = credentials;
    scenario.environment = environment;
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY(!settings);
    QCOMPARE(settings.error(), withHome(expectedError, files));
}

void ClientSettingsTest::shouldNameUnsupportedCredentialSources_data()
{
    QTest::addColumn<QString>("profileSettings");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("expectedSource"); // the part of the message naming the source

    // Assume role, IAM Identity Center and credential_process work now: tests/credentials.
    QTest::newRow("web identity token file")
        << "role_arn = arn:aws:iam::123456789012:role/Web\nweb_identity_token_file = /tmp/t\n"
        << QStringList{} << "Profile 'x' uses web identity federation (web_identity_token_file)";
    QTest::newRow("instance metadata as credential_source")
        << "role_arn = arn:aws:iam::123456789012:role/Audit\ncredential_source = Ec2InstanceMetadata\n"
        << QStringList{} << "Profile 'x' uses credential_source = Ec2InstanceMetadata";
    QTest::newRow("aws login") << "login_session = arn:aws:iam::123456789012:user/me\n"
                               << QStringList{} << "Profile 'x' uses 'aws login' (login_session)";
    QTest::newRow("web identity from the environment")
        << QString()
        << QStringList{"AWS_WEB_IDENTITY_TOKEN_FILE=/var/token", "AWS_ROLE_ARN=arn:aws:iam::1:role/R"}
        << "AWS_WEB_IDENTITY_TOKEN_FILE is set (web identity federation)";
    QTest::newRow("container credentials")
        << QString() << QStringList{"AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:9999/creds"}
        << "AWS_CONTAINER_CREDENTIALS_FULL_URI is set (container credentials)";
}

void ClientSettingsTest::shouldNameUnsupportedCredentialSources()
{
    QFETCH(QString, profileSettings);
    QFETCH(QStringList, environment);
    QFETCH(QString, expectedSource);

    AwsFilesFixture files;
    Scenario scenario;
    scenario.config = QStringLiteral("[profile x]\n") + profileSettings;
    scenario.credentials = QString();
    scenario.environment = environment + QStringList{QStringLiteral("AWS_PROFILE=x")};
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY(!settings);
    QVERIFY2(settings.error().startsWith(expectedSource), qPrintable(settings.error()));
    QVERIFY2(settings.error().contains(QStringLiteral("which this version cannot use yet")),
             qPrintable(settings.error()));
}

void ClientSettingsTest::shouldRejectUnknownRequestedProfile_data()
{
    QTest::addColumn<QString>("profileOption");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("expectedError"); // $HOME is the fixture's home

    QTest::newRow("--profile")
        << "nope" << QStringList{}
        << "The config profile 'nope' could not be found in $HOME/.aws/config or "
           "$HOME/.aws/credentials. Check the name with 'aws configure list-profiles'.";
    QTest::newRow("AWS_PROFILE, even with keys in the environment")
        << QString()
        << QStringList{"AWS_PROFILE=nope", "AWS_ACCESS_KEY_ID=A", "AWS_SECRET_ACCESS_KEY=B"}
        << "The config profile 'nope' could not be found in $HOME/.aws/config or "
           "$HOME/.aws/credentials. Check the name with 'aws configure list-profiles', or unset "
           "AWS_PROFILE.";
    QTest::newRow("AWS_DEFAULT_PROFILE")
        << QString() << QStringList{"AWS_DEFAULT_PROFILE=nope"}
        << "The config profile 'nope' could not be found in $HOME/.aws/config or "
           "$HOME/.aws/credentials. Check the name with 'aws configure list-profiles', or unset "
           "AWS_DEFAULT_PROFILE.";
    QTest::newRow("profile names are case-sensitive")
        << "Audit" << QStringList{}
        << "The config profile 'Audit' could not be found in $HOME/.aws/config or "
           "$HOME/.aws/credentials. Check the name with 'aws configure list-profiles'.";
}

void ClientSettingsTest::shouldRejectUnknownRequestedProfile()
{
    QFETCH(QString, profileOption);
    QFETCH(QStringList, environment);
    QFETCH(QString, expectedError);

    AwsFilesFixture files;
    Scenario scenario;
    scenario.profileOption = profileOption;
    scenario.environment = environment;
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY(!settings);
    QCOMPARE(settings.error(), withHome(expectedError, files));
}

void ClientSettingsTest::shouldAcceptMissingDefaultProfile()
{
    AwsFilesFixture files;
    Scenario scenario;
    scenario.config = QStringLiteral("[profile other]\nregion = ap-south-1\n");
    scenario.credentials = QString();
    scenario.environment = {"AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=env-secret"};
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY2(settings, settings ? "" : qPrintable(settings.error()));
    QCOMPARE(settings->profileName, QStringLiteral("default"));
    QCOMPARE(settings->region, QString());
    QCOMPARE(settings->maxAttempts, 3);
    QCOMPARE(settings->retryMode, RetryMode::Standard);
    QCOMPARE(settings->credentialSource, QStringLiteral("environment variables"));
}

void ClientSettingsTest::shouldReportNoCredentials_data()
{
    QTest::addColumn<QString>("profileOption");
    QTest::addColumn<QString>("expectedError"); // $HOME is the fixture's home

    QTest::newRow("default profile")
        << QString()
        << "No AWS credentials found: looked in the environment (AWS_ACCESS_KEY_ID) and profile "
           "'default' in $HOME/.aws/config and $HOME/.aws/credentials. Run 'aws configure' or "
           "choose another profile.";
    QTest::newRow("--profile skips the environment")
        << "other"
        << "No AWS credentials found: looked in profile 'other' in $HOME/.aws/config and "
           "$HOME/.aws/credentials. Run 'aws configure --profile other' or choose another "
           "profile.";
}

void ClientSettingsTest::shouldReportNoCredentials()
{
    QFETCH(QString, profileOption);
    QFETCH(QString, expectedError);

    AwsFilesFixture files;
    Scenario scenario;
    scenario.credentials = QString();
    scenario.config = QStringLiteral("[default]\nregion = eu-west-1\n[profile other]\nregion = x1\n");
    scenario.profileOption = profileOption;
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY(!settings);
    QCOMPARE(settings.error(), withHome(expectedError, files));
}

void ClientSettingsTest::shouldTreatMissingFilesAsEmpty()
{
    AwsFilesFixture files;
    ClientSettingsRequest request;
    request.environment = files.environment(
        {QStringLiteral("AWS_CONFIG_FILE=~/nowhere/config"),
         QStringLiteral("AWS_SHARED_CREDENTIALS_FILE=") + files.home() + QStringLiteral("/none"),
         QStringLiteral("AWS_ACCESS_KEY_ID=AKIDENV"), QStringLiteral("AWS_SECRET_ACCESS_KEY=s"),
         QStringLiteral("AWS_REGION=eu-central-1")});
    request.homeDirectory = files.home();
    const Expected<ClientSettings> settings = resolveClientSettings(request);

    QVERIFY2(settings, settings ? "" : qPrintable(settings.error()));
    QCOMPARE(settings->region, QStringLiteral("eu-central-1"));
    QCOMPARE(accessKeyOf(settings.value()), QStringLiteral("AKIDENV"));
}

void ClientSettingsTest::shouldReportFolderInPlaceOfFile()
{
    AwsFilesFixture files;
    ClientSettingsRequest request;
    request.environment =
        files.environment({QStringLiteral("AWS_CONFIG_FILE=") + files.home() + QStringLiteral("/.aws")});
    request.homeDirectory = files.home();
    const Expected<ClientSettings> settings = resolveClientSettings(request);

    QVERIFY(!settings);
    QCOMPARE(settings.error(),
             files.home() + QStringLiteral("/.aws is a folder, not an AWS settings file. Point "
                                           "AWS_CONFIG_FILE or AWS_SHARED_CREDENTIALS_FILE at a "
                                           "file, or move the folder away."));
}

void ClientSettingsTest::shouldReportUnreadableFile()
{
    AwsFilesFixture files;
    QVERIFY(files.writeCredentials(StandardCredentials));
    QVERIFY(QFile::setPermissions(files.credentialsPath(), QFileDevice::Permissions()));
    QFile probe(files.credentialsPath());
    if (probe.open(QIODevice::ReadOnly))
        QSKIP("This user can read files without read permission (running as root).");

    ClientSettingsRequest request;
    request.environment = files.environment();
    request.homeDirectory = files.home();
    const Expected<ClientSettings> settings = resolveClientSettings(request);

    QVERIFY(!settings);
    QVERIFY2(settings.error().startsWith(QStringLiteral("Could not read ") + files.credentialsPath()),
             qPrintable(settings.error()));
}

void ClientSettingsTest::shouldReportParseErrorWithPath()
{
    AwsFilesFixture files;
    Scenario scenario;
    scenario.config = QStringLiteral("[default]\nregion = eu-west-1\nthis line has no equals\n");
    const Expected<ClientSettings> settings = resolve(files, scenario);

    QVERIFY(!settings);
    QCOMPARE(settings.error(),
             QStringLiteral("Line 3 of ") + files.configPath()
                 + QStringLiteral(": Expected an '=' sign defining a property. Correct that line "
                                  "and try again."));
}

void ClientSettingsTest::shouldNeverShowSecrets()
{
    AwsFilesFixture files;
    Scenario scenario;
    scenario.profileOption = QStringLiteral("other");
    const Expected<ClientSettings> settings = resolve(files, scenario);
    QVERIFY(settings);
    QVERIFY(!settings->credentialSource.contains(QStringLiteral("other-secret")));
    QVERIFY(!settings->credentialSource.contains(QStringLiteral("other-token")));

    scenario.profileOption.clear();
    scenario.credentials = QStringLiteral("[default]\naws_secret_access_key = very-secret\n"
                                          "aws_access_key_id =\n");
    const Expected<ClientSettings> partial = resolve(files, scenario);
    QVERIFY(!partial);
    QVERIFY(!partial.error().contains(QStringLiteral("very-secret")));

    scenario.credentials.clear();
    scenario.environment = {"AWS_SECRET_ACCESS_KEY=env-secret", "AWS_SESSION_TOKEN=env-token"};
    const Expected<ClientSettings> none = resolve(files, scenario);
    QVERIFY(!none);
    QVERIFY(!none.error().contains(QStringLiteral("env-secret")));
    QVERIFY(!none.error().contains(QStringLiteral("env-token")));
}

QTEST_GUILESS_MAIN(ClientSettingsTest)
#include "test_client_settings.moc"
