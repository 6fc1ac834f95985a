// `enrollment-desk --export` in every format against the loopback simulator: XLSX by extension,
// XLSX and JSON through a pipe, XLSX refused on a terminal, nothing left when a page fails, and
// the CSV byte-order mark. The workbook is read back with QuaZip, as the export tests do.
#include "export/spreadsheettext.h"
#include "simulator/enrollmentsimulator.h"
#include "simulator/simulatorhost.h"
#include "xlsxreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace {

constexpr int AccountCount = 730;
const QString AccessKey = QStringLiteral("AKIDHEADLESSFORMATS");
const QString SecretKey = QStringLiteral("headless-formats-secret-canary");

struct RunResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class HeadlessFormatsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void shouldExportXlsxWhenTheFileNameSaysSo();
    void shouldWriteXlsxAndJsonToAPipe();
    void shouldRefuseXlsxToATerminal();
    void shouldLeaveNoXlsxOrJsonWhenAPageFails_data();
    void shouldLeaveNoXlsxOrJsonWhenAPageFails();
    void shouldStartTheCsvWithAByteOrderMarkWhenAsked();

private:
    QProcessEnvironment environment() const;
    RunResult run(const QStringList &arguments, const QProcessEnvironment &env) const;
    QStringList endpointArguments() const;

    SimulatedOrganization m_organization = SimulatedOrganization::generate(AccountCount, 7);
    std::unique_ptr<SimulatorHost> m_host;
    QUrl m_endpoint;
    std::unique_ptr<QTemporaryDir> m_dir; // fresh for every test: each checks what is left in it
    QTemporaryDir m_home;
};

void HeadlessFormatsTest::initTestCase()
{
    QVERIFY(QFileInfo(QStringLiteral(ENROLLMENT_DESK_BINARY)).isExecutable());
    QVERIFY(m_home.isValid());
}

void HeadlessFormatsTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_host = std::make_unique<SimulatorHost>(m_organization, [](EnrollmentSimulator &simulator) {
        simulator.addCredentials(AccessKey, SecretKey);
    });
    m_endpoint = m_host->start();
    QVERIFY2(!m_endpoint.isEmpty(), qPrintable(m_host->errorString()));
}

QProcessEnvironment HeadlessFormatsTest::environment() const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), AccessKey);
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), SecretKey);
    env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("us-east-1"));
    return env;
}

QStringList HeadlessFormatsTest::endpointArguments() const
{
    // Pages of 100, as before 1000 became the default: these tests fail and count particular pages.
    return {QStringLiteral("--endpoint-url"), m_endpoint.toString(), QStringLiteral("--read-timeout"),
            QStringLiteral("2"), QStringLiteral("--max-results"), QStringLiteral("100")};
}

RunResult HeadlessFormatsTest::run(const QStringList &arguments, const QProcessEnvironment &env) const
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir->path());
    process.start(QStringLiteral(ENROLLMENT_DESK_BINARY), arguments);
    RunResult result;
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void HeadlessFormatsTest::shouldExportXlsxWhenTheFileNameSaysSo()
{
    const QString path = m_dir->filePath(QStringLiteral("accounts.xlsx"));
    const RunResult result = run(endpointArguments() << QStringLiteral("--status") << QStringLiteral("Active,Failed")
                                                     << QStringLiteral("--export") << path,
                                 environment());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(result.err.contains(QByteArray("to " + path.toUtf8())));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const XlsxWorkbook book = readXlsx(file.readAll());
    QVERIFY2(book.isValid(), qPrintable(book.errorString));

    QList<const SimulatedAccount *> wanted;
    for (const SimulatedAccount &account : m_organization.accounts) {
        if (account.status == u"Active" || account.status == u"Failed")
            wanted.append(&account);
    }
    const XlsxSheet &accounts = book.sheets[QStringLiteral("Accounts")];
    QCOMPARE(accounts.lastRow, int(wanted.size()) + 1);
    QCOMPARE(accounts.cell(QStringLiteral("D1")).text, QStringLiteral("Last Updated (UTC)"));
    for (int i = 0; i < wanted.size(); ++i) {
        const XlsxCell id = accounts.cell(cellRef(i + 1, 0));
        QCOMPARE(id.type, QStringLiteral("inlineStr"));
        QCOMPARE(id.text, wanted.at(i)->accountId);
        QCOMPARE(accounts.cell(cellRef(i + 1, 1)).text, wanted.at(i)->status);
        QCOMPARE(accounts.cell(cellRef(i + 1, 2)).text,
                 withReplacedControlCharacters(wanted.at(i)->statusReason.value_or(QString())));
    }
    const XlsxSheet &summary = book.sheets[QStringLiteral("Summary")];
    QStringList labels;
    for (int row = 0; row < summary.lastRow; ++row)
        labels.append(summary.cell(cellRef(row, 0)).text + u'=' + summary.cell(cellRef(row, 1)).text
                      + summary.cell(cellRef(row, 1)).number);
    QVERIFY2(labels.contains(QStringLiteral("Region=us-east-1")), qPrintable(labels.join(u'|')));
    QVERIFY(labels.contains(QStringLiteral("Status filter=Active, Failed")));
    QVERIFY(labels.contains(QStringLiteral("Complete=Yes: every page arrived")));
    QVERIFY(labels.contains(QStringLiteral("Total=%1").arg(wanted.size())));
    QCOMPARE(book.custom.value(QStringLiteral("Application Version")), QStringLiteral(ENROLLMENT_DESK_VERSION));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("accounts.xlsx")});
}

void HeadlessFormatsTest::shouldWriteXlsxAndJsonToAPipe()
{
    const RunResult xlsx = run(endpointArguments() << QStringLiteral("--format") << QStringLiteral("xlsx")
                                                   << QStringLiteral("--export") << QStringLiteral("-"),
                               environment());
    QVERIFY2(xlsx.exitCode == 0, xlsx.err.constData());
    QVERIFY(xlsx.err.contains("Page 8: 730 accounts"));
    const XlsxWorkbook book = readXlsx(xlsx.out);
    QVERIFY2(book.isValid(), qPrintable(book.errorString));
    QCOMPARE(book.sheets[QStringLiteral("Accounts")].lastRow, AccountCount + 1);

    const RunResult json = run(endpointArguments() << QStringLiteral("--quiet") << QStringLiteral("--format")
                                                   << QStringLiteral("json") << QStringLiteral("--export")
                                                   << QStringLiteral("-"),
                               environment());
    QVERIFY2(json.exitCode == 0, json.err.constData());
    QVERIFY(json.err.isEmpty());
    const QJsonArray statuses =
        QJsonDocument::fromJson(json.out).object().value(QLatin1String("accountEnrollmentStatuses")).toArray();
    QCOMPARE(statuses.size(), AccountCount);
    for (int i = 0; i < AccountCount; ++i) {
        const QJsonObject entry = statuses.at(i).toObject();
        const SimulatedAccount &account = m_organization.accounts.at(i);
        QCOMPARE(entry.value(QLatin1String("accountId")).toString(), account.accountId);
        QCOMPARE(entry.value(QLatin1String("status")).toString(), account.status);
        QVERIFY(!entry.contains(QLatin1String("name"))); // names were not asked for here
    }
}

void HeadlessFormatsTest::shouldRefuseXlsxToATerminal()
{
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0)
        QSKIP("no pseudo-terminal available here");
    const QByteArray slavePath = ::ptsname(master);
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setWorkingDirectory(m_dir->path());
    process.setStandardInputFile(QProcess::nullDevice());
    // stdout is the terminal; stderr stays a pipe the test reads.
    process.setChildProcessModifier([slavePath] {
        const int slave = ::open(slavePath.constData(), O_RDWR | O_NOCTTY);
        if (slave >= 0)
            ::dup2(slave, STDOUT_FILENO);
    });
    process.start(QStringLiteral(ENROLLMENT_DESK_BINARY), endpointArguments() << QStringLiteral("--format")
                                                              << QStringLiteral("xlsx") << QStringLiteral("--export")
                                                              << QStringLiteral("-"));
    QVERIFY(process.waitForFinished(30'000));
    ::close(master);
    QCOMPARE(process.exitCode(), 2);
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.startsWith("enrollment-desk: error: XLSX is binary and stdout is a terminal"), err.constData());
    QCOMPARE(err.count('\n'), 1);
    QVERIFY(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

void HeadlessFormatsTest::shouldLeaveNoXlsxOrJsonWhenAPageFails_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("xlsx") << QStringLiteral("broken.xlsx");
    QTest::newRow("json") << QStringLiteral("broken.json");
}

void HeadlessFormatsTest::shouldLeaveNoXlsxOrJsonWhenAPageFails()
{
    QFETCH(QString, fileName);
    m_host = std::make_unique<SimulatorHost>(m_organization, [](EnrollmentSimulator &simulator) {
        simulator.addCredentials(AccessKey, SecretKey);
        simulator.addFault({SimulatorFault::InvalidJson200, 3, 1000});
    });
    m_endpoint = m_host->start();
    const RunResult result = run(endpointArguments() << QStringLiteral("--export") << m_dir->filePath(fileName),
                                 environment());
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.trimmed().split('\n').last().contains("incomplete (200 accounts loaded)"));
    QVERIFY(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).isEmpty());

    const RunResult toStdout = run(endpointArguments() << QStringLiteral("--format") << QFileInfo(fileName).suffix()
                                                       << QStringLiteral("--export") << QStringLiteral("-"),
                                   environment());
    QCOMPARE(toStdout.exitCode, 1);
    QVERIFY2(toStdout.out.isEmpty(), "stdout must not carry part of the list");
}

void HeadlessFormatsTest::shouldStartTheCsvWithAByteOrderMarkWhenAsked()
{
    const RunResult plain = run(endpointArguments() << QStringLiteral("--quiet") << QStringLiteral("--export")
                                                    << QStringLiteral("-"),
                                environment());
    QVERIFY(plain.out.startsWith("Account ID,"));
    const RunResult marked = run(endpointArguments() << QStringLiteral("--quiet") << QStringLiteral("--csv-bom")
                                                     << QStringLiteral("--export") << QStringLiteral("-"),
                                 environment());
    QCOMPARE(marked.exitCode, 0);
    QCOMPARE(marked.out, QByteArray("\xEF\xBB\xBF" + plain.out));
}

QTEST_GUILESS_MAIN(HeadlessFormatsTest)
#include "test_headless_formats.moc"
