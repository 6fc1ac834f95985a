// Canary credentials through full loads and exports of the real program, with every Qt logging
// category on: the secret key, the session token and the SSO token must appear nowhere it
// writes: stdout, stderr (where the log goes), the exported file, settings, caches, temp files.
// Everything the program may write goes under one temporary root (HOME, XDG folders, TMPDIR),
// and every file there is scanned: the window's QSettings (XDG_CONFIG_HOME/EnrollmentDesk/
// enrollment-desk.conf) included, so a scenario that drives the window offscreen only needs a row.
#include "canaryscan.h"
#include "simulator/enrollmentsimulator.h"
#include "simulator/ssoportalsimulator.h"

#include <QCryptographicHash>
#include <QtTest>

namespace {

const QString AccessKey = QStringLiteral("ASIACANARYACCESSKEY1");
const QString SecretKey = QStringLiteral("CanarySecretKey/wJalrXUtnFEMI+K7MDENG/bPxRfiCY0q9");
const QString SessionToken =
    QStringLiteral("CanarySessionToken//IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6m+nary==");
const QString SsoToken = QStringLiteral("CanarySsoBearer.aoaAAAAAGZ3kq0Xq1wHcm4Cq9vYbM3lT5nKpZcanary");

enum class Source { Environment, CredentialsFile, CredentialProcess, IamIdentityCenter };
enum class Server { Serves, ThrottlesThenServes, ExpiresTheToken, RefusesTheSignature };

struct Scenario
{
    Source source = Source::Environment;
    Server server = Server::Serves;
    QString destination = QStringLiteral("accounts.csv"); // "-" for stdout
    bool brokenCredentialsFile = false;
    int exitCode = 0;
};

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    QCOMPARE(file.write(content), content.size());
}

} // namespace

Q_DECLARE_METATYPE(Scenario)

class SecretCanaryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void shouldFindACanaryWhereItWasPlanted();
    void shouldWriteNoSecretAnywhere_data();
    void shouldWriteNoSecretAnywhere();

private:
    void plantAwsFiles(bool brokenCredentialsFile);
    QProcessEnvironment environment(Source source) const;

    CanaryScan m_scan;
    std::unique_ptr<QTemporaryDir> m_root; // HOME, XDG folders, TMPDIR and the working folder
    QHash<QString, QByteArray> m_planted;
};

void SecretCanaryTest::initTestCase()
{
    QVERIFY(QFileInfo(QStringLiteral(ENROLLMENT_DESK_BINARY)).isExecutable());
    m_scan.addCanary(QStringLiteral("secret access key"), SecretKey);
    m_scan.addCanary(QStringLiteral("session token"), SessionToken);
    m_scan.addCanary(QStringLiteral("SSO token"), SsoToken);
}

void SecretCanaryTest::init()
{
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    m_planted.clear();
    for (const char *folder : {"home", "config", "cache", "data", "state", "runtime", "tmp", "work"})
        QVERIFY(QDir(m_root->path()).mkpath(QLatin1String(folder)));
    QVERIFY(QFile::setPermissions(m_root->filePath(QStringLiteral("runtime")),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
}

void SecretCanaryTest::plantAwsFiles(bool brokenCredentialsFile)
{
    const QString aws = m_root->filePath(QStringLiteral("home/.aws/"));
    QByteArray credentials = "[default]\naws_access_key_id = " + AccessKey.toUtf8()
                             + "\naws_secret_access_key = " + SecretKey.toUtf8()
                             + "\naws_session_token = " + SessionToken.toUtf8() + '\n';
    if (brokenCredentialsFile)
        credentials += "this line has no equals sign " + SecretKey.toUtf8() + '\n';
    // credential_process prints the canary keys, as AWS CLI's process contract says.
    const QString process = m_root->filePath(QStringLiteral("home/print-credentials.sh"));
    const QByteArray script = "#!/bin/sh\ncat <<'EOF'\n{\"Version\": 1, \"AccessKeyId\": \"" + AccessKey.toUtf8()
                              + "\", \"SecretAccessKey\": \"" + SecretKey.toUtf8() + "\", \"SessionToken\": \""
                              + SessionToken.toUtf8() + "\"}\nEOF\n";
    writeFile(process, script);
    QVERIFY(QFile::setPermissions(process, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    m_planted.insert(process, script);
    const QByteArray config = "[default]\nregion = us-east-1\n\n"
                              "[profile process-canary]\nregion = us-east-1\ncredential_process = "
                              + process.toUtf8() + "\n\n"
                              "[profile sso-canary]\nregion = us-east-1\nsso_session = canary\n"
                              "sso_account_id = 111122223333\n"
                              "sso_role_name = Audit\n\n"
                              "[sso-session canary]\nsso_start_url = https://canary.awsapps.com/start\n"
                              "sso_region = us-east-1\n";
    // An IAM Identity Center token cache as `aws sso login` leaves it: named for the session.
    const QByteArray ssoCache = "{\"startUrl\": \"https://canary.awsapps.com/start\", \"region\": \"us-east-1\", "
                                "\"accessToken\": \"" + SsoToken.toUtf8() + "\", "
                                "\"expiresAt\": \"2099-01-01T00:00:00Z\"}";
    const QList<std::pair<QString, QByteArray>> files = {
        {aws + QStringLiteral("credentials"), credentials},
        {aws + QStringLiteral("config"), config},
        {aws + QStringLiteral("sso/cache/")
             + QString::fromLatin1(QCryptographicHash::hash("canary", QCryptographicHash::Sha1).toHex())
             + QStringLiteral(".json"),
         ssoCache},
    };
    for (const auto &[path, content] : files) {
        writeFile(path, content);
        m_planted.insert(path, content);
    }
}

QProcessEnvironment SecretCanaryTest::environment(Source source) const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("HOME"), m_root->filePath(QStringLiteral("home")));
    // Where QSettings, QStandardPaths and temporary files would go: all of it gets scanned.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_root->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_root->filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_root->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_root->filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_root->filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("TMPDIR"), m_root->filePath(QStringLiteral("tmp")));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    for (const char *sanitizerOptions : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
        if (qEnvironmentVariableIsSet(sanitizerOptions))
            env.insert(QLatin1String(sanitizerOptions), qEnvironmentVariable(sanitizerOptions));
    }
    if (source == Source::CredentialProcess)
        env.insert(QStringLiteral("AWS_PROFILE"), QStringLiteral("process-canary"));
    if (source == Source::IamIdentityCenter)
        env.insert(QStringLiteral("AWS_PROFILE"), QStringLiteral("sso-canary"));
    if (source == Source::Environment) {
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), AccessKey);
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), SecretKey);
        env.insert(QStringLiteral("AWS_SESSION_TOKEN"), SessionToken);
        env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("us-east-1"));
    }
    return env;
}

void SecretCanaryTest::shouldFindACanaryWhereItWasPlanted()
{
    plantAwsFiles(false);
    const QStringList found = m_scan.findInFiles(m_root->path());
    QVERIFY2(found.contains(m_root->filePath(QStringLiteral("home/.aws/credentials: secret access key"))),
             qPrintable(found.join(u'\n')));
    QVERIFY(!found.filter(QStringLiteral("/.aws/sso/cache/")).filter(QStringLiteral(".json: SSO token")).isEmpty());
    QVERIFY(m_scan.findInFiles(m_root->path(), m_planted).isEmpty());
    const qsizetype third = SessionToken.size() / 3;
    QCOMPARE(m_scan.findIn(QStringLiteral("log"), "token " + SessionToken.mid(third - 2, third + 4).toUtf8()),
             QStringList{QStringLiteral("log: session token (in part)")});
}

void SecretCanaryTest::shouldWriteNoSecretAnywhere_data()
{
    QTest::addColumn<Scenario>("scenario");
    const QString toStdout = QStringLiteral("-");
    const QString toFile = QStringLiteral("accounts.csv");
    QTest::newRow("environment keys, export to a file") << Scenario{Source::Environment, Server::Serves, toFile};
    QTest::newRow("environment keys, export to stdout") << Scenario{Source::Environment, Server::Serves, toStdout};
    QTest::newRow("credentials file, export to a file")
        << Scenario{Source::CredentialsFile, Server::Serves, toFile};
    QTest::newRow("credentials file, throttled then served")
        << Scenario{Source::CredentialsFile, Server::ThrottlesThenServes, toStdout};
    QTest::newRow("credential_process, export to a file")
        << Scenario{Source::CredentialProcess, Server::Serves, toFile};
    QTest::newRow("credential_process, signature refused")
        << Scenario{Source::CredentialProcess, Server::RefusesTheSignature, toFile, false, 1};
    QTest::newRow("IAM Identity Center, export to a file")
        << Scenario{Source::IamIdentityCenter, Server::Serves, toFile};
    QTest::newRow("IAM Identity Center, token expired mid-run")
        << Scenario{Source::IamIdentityCenter, Server::ExpiresTheToken, toStdout, false, 1};
    QTest::newRow("token expired mid-run") << Scenario{Source::Environment, Server::ExpiresTheToken, toFile, false, 1};
    QTest::newRow("signature refused")
        << Scenario{Source::CredentialsFile, Server::RefusesTheSignature, toStdout, false, 1};
    QTest::newRow("credentials file with a broken line")
        << Scenario{Source::CredentialsFile, Server::Serves, toFile, true, 2};
}

void SecretCanaryTest::shouldWriteNoSecretAnywhere()
{
    QFETCH(Scenario, scenario);
    plantAwsFiles(scenario.brokenCredentialsFile);

    // Both servers live on this thread; the program runs while the event loop serves them.
    EnrollmentSimulator computeOptimizer(SimulatedOrganization::generate(250, 5));
    const QString knownSecret = scenario.server == Server::RefusesTheSignature ? QStringLiteral("another-secret")
                                                                               : SecretKey;
    computeOptimizer.addCredentials(AccessKey, knownSecret, SessionToken);
    if (scenario.server == Server::ThrottlesThenServes)
        computeOptimizer.addFault({SimulatorFault::Throttling400, 2, 2});
    if (scenario.server == Server::ExpiresTheToken)
        computeOptimizer.addFault({SimulatorFault::ExpiredToken, 2, 1000});
    QVERIFY(computeOptimizer.listen());
    // IAM Identity Center hands out role credentials of its own: secrets just the same.
    SsoPortalSimulator portal;
    portal.acceptAccessToken(SsoToken);
    portal.addRole(QStringLiteral("111122223333"), QStringLiteral("Audit"));
    connect(&portal, &SsoPortalSimulator::credentialsIssued, &computeOptimizer, [&](const AwsCredentials &issued) {
        computeOptimizer.addCredentials(issued.accessKeyId, issued.secretAccessKey, issued.sessionToken);
    });
    QVERIFY(portal.listen());

    QProcessEnvironment env = environment(scenario.source);
    env.insert(QStringLiteral("AWS_ENDPOINT_URL_SSO"), portal.url().toString());
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_root->filePath(QStringLiteral("work")));
    process.start(QStringLiteral(ENROLLMENT_DESK_BINARY),
                  {QStringLiteral("--endpoint-url"), computeOptimizer.endpointUrl().toString(),
                   QStringLiteral("--max-results"), QStringLiteral("100"), QStringLiteral("--export"),
                   scenario.destination});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 60'000);
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == scenario.exitCode, err.right(2000).constData());
    if (scenario.source == Source::IamIdentityCenter)
        QVERIFY(!portal.issuedCredentials().isEmpty());
    // The log really was on: Qt's own debug categories wrote to stderr, which is scanned below.
    if (scenario.exitCode != 2)
        QVERIFY2(err.contains("qt.core."), err.left(2000).constData());
    if (scenario.exitCode == 0 && scenario.destination == u"-")
        QVERIFY(!out.isEmpty());

    CanaryScan scan = m_scan;
    for (const AwsCredentials &issued : portal.issuedCredentials()) {
        scan.addCanary(QStringLiteral("secret key from IAM Identity Center"), issued.secretAccessKey);
        scan.addCanary(QStringLiteral("session token from IAM Identity Center"), issued.sessionToken);
    }
    QStringList found = scan.findIn(QStringLiteral("stdout"), out);
    found += scan.findIn(QStringLiteral("stderr"), err);
    found += scan.findInFiles(m_root->path(), m_planted);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
}

QTEST_GUILESS_MAIN(SecretCanaryTest)
#include "test_secret_canary.moc"
