// The real `enrollment-desk --export` process against the loopback simulator: exit codes, files
// that appear whole or not at all, stdout kept clean, and bad input refused with exit 2.
#include "csvreader.h"
#include "simulator/enrollmentsimulator.h"
#include "simulator/simulatorhost.h"

#include <QtTest>

#include <csignal>

namespace {

constexpr int AccountCount = 730;
const QString AccessKey = QStringLiteral("AKIDHEADLESSEXPORT");
const QString SecretKey = QStringLiteral("headless-export-secret-canary");

struct RunResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class HeadlessExportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void shouldExportEveryAccountAndExitZero();
    void shouldWriteCsvToStdoutWithProgressOnStderr();
    void shouldBeSilentWhenQuiet();
    void shouldLeaveNoFileWhenAPageFails();
    void shouldKeepAnExistingFileWhenTheExportFails();
    void shouldLeaveNoFileWhenInterrupted();
    void shouldRefuseBadInputWithExitTwo_data();
    void shouldRefuseBadInputWithExitTwo();
    void shouldPrintHelpAndVersion();
    void shouldRunTheDemoOrganizationHeadless();
    void shouldExportNamesWhenOrganizationsAnswers();
    void shouldExportWithoutNamesWhenOrganizationsRefuses();
    void shouldLeaveNamesOutWithNoNames();

private:
    QProcessEnvironment environment() const;
    RunResult run(const QStringList &arguments, const QProcessEnvironment &env, int timeoutMs = 60'000) const;
    QStringList endpointArguments() const;

    SimulatedOrganization m_organization = SimulatedOrganization::generate(AccountCount, 7);
    std::unique_ptr<SimulatorHost> m_host;
    QUrl m_endpoint;
    std::unique_ptr<QTemporaryDir> m_dir; // fresh for every test: each checks what is left in it
    QTemporaryDir m_home;
};

void HeadlessExportTest::initTestCase()
{
    QVERIFY(QFileInfo(QStringLiteral(ENROLLMENT_DESK_BINARY)).isExecutable());
    QVERIFY(m_home.isValid());
}

void HeadlessExportTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_host = std::make_unique<SimulatorHost>(m_organization, [](EnrollmentSimulator &simulator) {
        simulator.addCredentials(AccessKey, SecretKey);
    });
    m_endpoint = m_host->start();
    QVERIFY2(!m_endpoint.isEmpty(), qPrintable(m_host->errorString()));
}

QProcessEnvironment HeadlessExportTest::environment() const
{
    // A clean environment: nothing from the machine's own AWS setup may leak in.
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), AccessKey);
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), SecretKey);
    env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("us-east-1"));
    return env;
}

QStringList HeadlessExportTest::endpointArguments() const
{
    // Pages of 100, as before 1000 became the default: these tests fail and count particular pages.
    return {QStringLiteral("--endpoint-url"), m_endpoint.toString(), QStringLiteral("--read-timeout"),
            QStringLiteral("2"), QStringLiteral("--max-results"), QStringLiteral("100")};
}

RunResult HeadlessExportTest::run(const QStringList &arguments, const QProcessEnvironment &env, int timeoutMs) const
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir->path());
    process.start(QStringLiteral(ENROLLMENT_DESK_BINARY), arguments);
    RunResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void HeadlessExportTest::shouldExportEveryAccountAndExitZero()
{
    const QString path = m_dir->filePath(QStringLiteral("accounts.csv"));
    const RunResult result = run(endpointArguments() << QStringLiteral("--export") << path, environment());
    QVERIFY2(result.exitCode == 0, result.err.constData());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = readCsv(file.readAll());
    QCOMPARE(rows.size(), AccountCount + 1);
    QCOMPARE(rows.first(), (QStringList{QStringLiteral("Account ID"), QStringLiteral("Status"),
                                        QStringLiteral("Status Reason"), QStringLiteral("Last Updated (UTC)")}));
    QSet<QString> ids;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList &row = rows.at(i);
        const SimulatedAccount &account = m_organization.accounts.at(i - 1);
        QCOMPARE(row.size(), 4);
        QCOMPARE(row.at(0), account.accountId);
        QCOMPARE(row.at(1), account.status);
        const QString reason = account.statusReason.value_or(QString());
        const bool formulaLike = !reason.isEmpty() && QStringLiteral("=+-@\t\r").contains(reason.front());
        QCOMPARE(row.at(2), formulaLike ? u'\'' + reason : reason);
        QVERIFY(row.at(3).isEmpty() || row.at(3).endsWith(u'Z'));
        ids.insert(row.at(0));
    }
    QCOMPARE(ids.size(), AccountCount);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{QStringLiteral("accounts.csv")});
}

void HeadlessExportTest::shouldWriteCsvToStdoutWithProgressOnStderr()
{
    const RunResult result = run(endpointArguments() << QStringLiteral("--export") << QStringLiteral("-"),
                                 environment());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(readCsv(result.out).size(), AccountCount + 1);
    QVERIFY(result.err.contains("Page 8: 730 accounts"));
    QVERIFY(!result.out.contains("Page "));
}

void HeadlessExportTest::shouldBeSilentWhenQuiet()
{
    const RunResult result = run(endpointArguments() << QStringLiteral("--quiet") << QStringLiteral("--export")
                                                     << QStringLiteral("-"),
                                 environment());
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    QCOMPARE(readCsv(result.out).size(), AccountCount + 1);
}

void HeadlessExportTest::shouldLeaveNoFileWhenAPageFails()
{
    m_host = std::make_unique<SimulatorHost>(m_organization, [](EnrollmentSimulator &simulator) {
        simulator.addCredentials(AccessKey, SecretKey);
        simulator.addFault({SimulatorFault::InvalidJson200, 3, 1000});
    });
    m_endpoint = m_host->start();
    const QString path = m_dir->filePath(QStringLiteral("broken.csv"));
    const RunResult result = run(endpointArguments() << QStringLiteral("--export") << path, environment());
    QCOMPARE(result.exitCode, 1);
    const QList<QByteArray> lines = result.err.trimmed().split('\n');
    QVERIFY(lines.last().startsWith("enrollment-desk: error: Page 3"));
    QVERIFY2(lines.last().contains("incomplete (200 accounts loaded)"), lines.last().constData());
    QVERIFY(QDir(m_dir->path()).entryList(QDir::Files).isEmpty());

    const RunResult toStdout = run(endpointArguments() << QStringLiteral("--export") << QStringLiteral("-"),
                                   environment());
    QCOMPARE(toStdout.exitCode, 1);
    QVERIFY2(toStdout.out.isEmpty(), "stdout must not carry part of the list");
}

void HeadlessExportTest::shouldKeepAnExistingFileWhenTheExportFails()
{
    const QString path = m_dir->filePath(QStringLiteral("yesterday.csv"));
    {
        QFile previous(path);
        QVERIFY(previous.open(QIODevice::WriteOnly));
        previous.write("yesterday's export\r\n");
    }
    m_host = std::make_unique<SimulatorHost>(m_organization, [](EnrollmentSimulator &simulator) {
        simulator.addCredentials(AccessKey, SecretKey);
        simulator.addFault({SimulatorFault::AccessDenied, 2, 1});
    });
    m_endpoint = m_host->start();
    const RunResult result = run(endpointArguments() << QStringLiteral("--export") << path, environment());
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.contains("delegated administrator"));
    QFile previous(path);
    QVERIFY(previous.open(QIODevice::ReadOnly));
    QCOMPARE(previous.readAll(), QByteArray("yesterday's export\r\n"));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files).size(), 1);
    QVERIFY(QFile::remove(path));
}

void HeadlessExportTest::shouldLeaveNoFileWhenInterrupted()
{
    m_host = std::make_unique<SimulatorHost>(m_organization, [](EnrollmentSimulator &simulator) {
        simulator.addCredentials(AccessKey, SecretKey);
        simulator.setPageLatencyMs(300);
    });
    m_endpoint = m_host->start();
    const QString path = m_dir->filePath(QStringLiteral("interrupted.csv"));
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(ENROLLMENT_DESK_BINARY), endpointArguments() << QStringLiteral("--export") << path);
    QVERIFY(process.waitForStarted());
    // Wait until the export is under way, with its temporary file open.
    QByteArray progress;
    QTRY_VERIFY2_WITH_TIMEOUT((progress += process.readAllStandardError()).contains("Page 1"), progress.constData(),
                              10'000);
    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(10'000));
    QCOMPARE(process.exitCode(), 130);
    QVERIFY(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

void HeadlessExportTest::shouldRefuseBadInputWithExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("unsetVariables");
    QTest::addColumn<QByteArray>("mentions");
    const QString out = QStringLiteral("out.csv");
    QTest::newRow("unknown status") << QStringList{QStringLiteral("--status"), QStringLiteral("Active,Enrolled"),
                                                   QStringLiteral("--export"), out}
                                    << QStringList() << QByteArray("Unknown status 'Enrolled'");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--colour"), QStringLiteral("--export"), out}
                                    << QStringList() << QByteArray("colour");
    QTest::newRow("unwritable path") << QStringList{QStringLiteral("--export"),
                                                    QStringLiteral("/nonexistent-folder/x/accounts.csv")}
                                     << QStringList() << QByteArray("Choose a folder you can write to");
    QTest::newRow("folder as file") << QStringList{QStringLiteral("--export"), QStringLiteral("/tmp")}
                                    << QStringList() << QByteArray("is a folder");
    QTest::newRow("unknown profile") << QStringList{QStringLiteral("--profile"), QStringLiteral("nosuch"),
                                                    QStringLiteral("--export"), out}
                                     << QStringList() << QByteArray("nosuch");
    QTest::newRow("no credentials") << QStringList{QStringLiteral("--export"), out}
                                    << QStringList{QStringLiteral("AWS_ACCESS_KEY_ID"),
                                                   QStringLiteral("AWS_SECRET_ACCESS_KEY")}
                                    << QByteArray("aws configure");
    QTest::newRow("no region") << QStringList{QStringLiteral("--export"), out}
                               << QStringList{QStringLiteral("AWS_REGION")} << QByteArray("--region");
    QTest::newRow("max results zero") << QStringList{QStringLiteral("--max-results"), QStringLiteral("0"),
                                                     QStringLiteral("--export"), out}
                                      << QStringList() << QByteArray("--max-results");
    QTest::newRow("max results not a number") << QStringList{QStringLiteral("--max-results"), QStringLiteral("ten"),
                                                             QStringLiteral("--export"), out}
                                              << QStringList() << QByteArray("--max-results");
    QTest::newRow("empty export path") << QStringList{QStringLiteral("--export"), QString()} << QStringList()
                                       << QByteArray("--export");
    QTest::newRow("endpoint not a URL") << QStringList{QStringLiteral("--endpoint-url"), QStringLiteral("ftp:/x"),
                                                       QStringLiteral("--export"), out}
                                        << QStringList() << QByteArray("--endpoint-url");
    QTest::newRow("unknown format") << QStringList{QStringLiteral("--format"), QStringLiteral("xls"),
                                                   QStringLiteral("--export"), out}
                                    << QStringList() << QByteArray("--format must be csv, xlsx or json");
    QTest::newRow("byte-order mark on xlsx") << QStringList{QStringLiteral("--csv-bom"), QStringLiteral("--export"),
                                                            QStringLiteral("out.xlsx")}
                                             << QStringList() << QByteArray("--csv-bom is for CSV");
    QTest::newRow("stray argument") << QStringList{QStringLiteral("--export"), out, QStringLiteral("extra")}
                                    << QStringList() << QByteArray("extra");
}

void HeadlessExportTest::shouldRefuseBadInputWithExitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, unsetVariables);
    QFETCH(QByteArray, mentions);
    QProcessEnvironment env = environment();
    for (const QString &name : std::as_const(unsetVariables))
        env.remove(name);
    if (!arguments.contains(QStringLiteral("--endpoint-url")))
        arguments = endpointArguments() + arguments;
    const RunResult result = run(arguments, env);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(mentions), result.err.constData());
    QVERIFY(result.err.startsWith("enrollment-desk: error: "));
    QCOMPARE(result.err.count('\n'), 1);
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("out.csv"))));
    QVERIFY(result.out.isEmpty());
}

void HeadlessExportTest::shouldPrintHelpAndVersion()
{
    const RunResult help = run({QStringLiteral("--help")}, environment());
    QCOMPARE(help.exitCode, 0);
    for (const char *option : {"--profile", "--region", "--endpoint-url", "--status", "--max-results", "--quiet",
                               "--export", "--demo", "--format", "--csv-bom"})
        QVERIFY2(help.out.contains(option), option);
    const RunResult version = run({QStringLiteral("--version")}, environment());
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.contains(ENROLLMENT_DESK_VERSION));
}

void HeadlessExportTest::shouldRunTheDemoOrganizationHeadless()
{
    QProcessEnvironment env = environment();
    env.remove(QStringLiteral("AWS_ACCESS_KEY_ID"));
    env.remove(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    env.remove(QStringLiteral("AWS_REGION"));
    const RunResult result = run({QStringLiteral("--demo"), QStringLiteral("--quiet"), QStringLiteral("--export"),
                                  QStringLiteral("-")},
                                 env);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    // 2500 listed, 4 Not listed (the demo's new accounts), and the header.
    QCOMPARE(readCsv(result.out).size(), 2500 + 4 + 1);
}

void HeadlessExportTest::shouldExportNamesWhenOrganizationsAnswers()
{
    // AWS_ENDPOINT_URL sends both services to the simulator, as it would send both to one proxy.
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("AWS_ENDPOINT_URL"), m_endpoint.toString());
    const RunResult result = run({QStringLiteral("--quiet"), QStringLiteral("--export"), QStringLiteral("-")}, env);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QList<QStringList> rows = readCsv(result.out);
    QCOMPARE(rows.size(), AccountCount + 1);
    QCOMPARE(rows.first(), (QStringList{QStringLiteral("Account ID"), QStringLiteral("Account Name"),
                                        QStringLiteral("Email"), QStringLiteral("OU Path"),
                                        QStringLiteral("Account State"), QStringLiteral("Joined (UTC)"),
                                        QStringLiteral("Status"), QStringLiteral("Status Reason"),
                                        QStringLiteral("Last Updated (UTC)")}));
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const SimulatedAccount &account = m_organization.accounts.at(i - 1);
        QCOMPARE(rows.at(i).at(0), account.accountId);
        const bool formulaLike = account.name.startsWith(u'=');
        QCOMPARE(rows.at(i).at(1), formulaLike ? u'\'' + account.name : account.name);
        QCOMPARE(rows.at(i).at(2), account.email);
        QCOMPARE(rows.at(i).at(3), QStringLiteral("Root")); // a flat organization
        QCOMPARE(rows.at(i).at(4), account.state);
        QCOMPARE(rows.at(i).at(6), account.status);
    }
}

void HeadlessExportTest::shouldExportWithoutNamesWhenOrganizationsRefuses()
{
    m_host = std::make_unique<SimulatorHost>(m_organization, [](EnrollmentSimulator &simulator) {
        simulator.addCredentials(AccessKey, SecretKey);
        simulator.setAccountNamesDenied(true);
    });
    m_endpoint = m_host->start();
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("AWS_ENDPOINT_URL"), m_endpoint.toString());
    const RunResult result = run({QStringLiteral("--quiet"), QStringLiteral("--export"), QStringLiteral("-")}, env);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.contains("warning: account names are left empty"), result.err.constData());
    const QList<QStringList> rows = readCsv(result.out);
    QCOMPARE(rows.size(), AccountCount + 1);
    QCOMPARE(rows.at(1).at(1), QString());
    QCOMPARE(rows.at(1).at(3), QString()); // no OU Path either
    QCOMPARE(rows.at(1).at(6), m_organization.accounts.at(0).status);
}

void HeadlessExportTest::shouldLeaveNamesOutWithNoNames()
{
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("AWS_ENDPOINT_URL"), m_endpoint.toString());
    const RunResult result = run({QStringLiteral("--quiet"), QStringLiteral("--no-names"), QStringLiteral("--export"),
                                  QStringLiteral("-")},
                                 env);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(readCsv(result.out).first().size(), 4);
}

QTEST_GUILESS_MAIN(HeadlessExportTest)
#include "test_headless_export.moc"
