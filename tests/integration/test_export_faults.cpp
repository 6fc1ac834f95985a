// The fault matrix through the real `enrollment-desk --export` process: every fault ends either in
// exit 0 with every account exactly once, or in exit 1 with the list called incomplete and no
// file, not even a temporary one, and nothing on stdout. Never exit 0 with rows missing.
#include "csvreader.h"
#include "simulator/enrollmentsimulator.h"
#include "simulator/simulatorhost.h"

#include <QtTest>

namespace {

constexpr int AccountCount = 730; // 8 pages: seven of 100, one of 30
constexpr int NoFault = -1;
const QString AccessKey = QStringLiteral("AKIDEXPORTFAULTS");
const QString SecretKey = QStringLiteral("export-faults-secret");

struct RunResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

struct ExportFault
{
    int fault = NoFault; // a SimulatorFault, or NoFault
    int onPageRequest = 3;
    int times = 1;
    qint64 clockOffsetSeconds = 0;
};

} // namespace

Q_DECLARE_METATYPE(ExportFault)

class ExportFaultsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void shouldExportEveryAccountExactlyOnceDespiteTransientFaults_data();
    void shouldExportEveryAccountExactlyOnceDespiteTransientFaults();
    void shouldExitOneWithNoFileWhenTheListIsIncomplete_data();
    void shouldExitOneWithNoFileWhenTheListIsIncomplete();

private:
    void startServer(const ExportFault &fault);
    RunResult run(const QString &destination) const;

    SimulatedOrganization m_organization = SimulatedOrganization::generate(AccountCount, 3);
    std::unique_ptr<SimulatorHost> m_host;
    QUrl m_endpoint;
    std::unique_ptr<QTemporaryDir> m_dir;
    QTemporaryDir m_home;
};

void ExportFaultsTest::initTestCase()
{
    QVERIFY(QFileInfo(QStringLiteral(ENROLLMENT_DESK_BINARY)).isExecutable());
    QVERIFY(m_home.isValid());
}

void ExportFaultsTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void ExportFaultsTest::startServer(const ExportFault &fault)
{
    m_host = std::make_unique<SimulatorHost>(m_organization, [fault](EnrollmentSimulator &simulator) {
        simulator.addCredentials(AccessKey, SecretKey);
        simulator.setClockOffsetSeconds(fault.clockOffsetSeconds);
        if (fault.fault != NoFault)
            simulator.addFault({SimulatorFault(fault.fault), fault.onPageRequest, fault.times});
    });
    m_endpoint = m_host->start();
    QVERIFY2(!m_endpoint.isEmpty(), qPrintable(m_host->errorString()));
}

RunResult ExportFaultsTest::run(const QString &destination) const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), AccessKey);
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), SecretKey);
    env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("us-east-1"));
    for (const char *sanitizerOptions : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
        if (qEnvironmentVariableIsSet(sanitizerOptions))
            env.insert(QLatin1String(sanitizerOptions), qEnvironmentVariable(sanitizerOptions));
    }

    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir->path());
    process.start(QStringLiteral(ENROLLMENT_DESK_BINARY),
                  {QStringLiteral("--endpoint-url"), m_endpoint.toString(), QStringLiteral("--read-timeout"),
                   QStringLiteral("1"), QStringLiteral("--max-results"), QStringLiteral("100"), // faults hit pages of 100
                   QStringLiteral("--export"), destination});
    RunResult result;
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void ExportFaultsTest::shouldExportEveryAccountExactlyOnceDespiteTransientFaults_data()
{
    QTest::addColumn<ExportFault>("fault");
    QTest::newRow("no fault") << ExportFault{};
    QTest::newRow("throttled twice") << ExportFault{int(SimulatorFault::Throttling400), 3, 2};
    QTest::newRow("throttled twice with 429") << ExportFault{int(SimulatorFault::Throttling429), 3, 2};
    QTest::newRow("500 once") << ExportFault{int(SimulatorFault::InternalError500), 3, 1};
    QTest::newRow("503 twice") << ExportFault{int(SimulatorFault::Unavailable503), 3, 2};
    QTest::newRow("connection reset once") << ExportFault{int(SimulatorFault::ConnectionReset), 3, 1};
    QTest::newRow("body truncated once") << ExportFault{int(SimulatorFault::TruncatedBody), 3, 1};
    QTest::newRow("invalid JSON in a 200 once") << ExportFault{int(SimulatorFault::InvalidJson200), 3, 1};
    QTest::newRow("server stops responding once") << ExportFault{int(SimulatorFault::Stall), 3, 1};
    QTest::newRow("server clock 10 minutes ahead") << ExportFault{NoFault, 0, 0, 600};
    QTest::newRow("server clock 10 minutes behind") << ExportFault{NoFault, 0, 0, -600};
}

void ExportFaultsTest::shouldExportEveryAccountExactlyOnceDespiteTransientFaults()
{
    QFETCH(ExportFault, fault);
    QStringList expected;
    for (const SimulatedAccount &account : std::as_const(m_organization.accounts))
        expected.append(account.accountId);

    for (const QString &destination : {QStringLiteral("accounts.csv"), QStringLiteral("-")}) {
        startServer(fault);
        const RunResult result = run(destination);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QByteArray csv = result.out;
        if (destination != u"-") {
            QFile file(m_dir->filePath(destination));
            QVERIFY(file.open(QIODevice::ReadOnly));
            csv = file.readAll();
            QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden), QStringList{destination});
        }
        const QList<QStringList> rows = readCsv(csv);
        QCOMPARE(rows.size(), AccountCount + 1);
        QStringList ids;
        for (qsizetype i = 1; i < rows.size(); ++i)
            ids.append(rows.at(i).value(0));
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), AccountCount);
        QCOMPARE(ids, expected);
        QVERIFY(QFile::remove(m_dir->filePath(destination)) || destination == u"-");
    }
}

void ExportFaultsTest::shouldExitOneWithNoFileWhenTheListIsIncomplete_data()
{
    QTest::addColumn<ExportFault>("fault");
    QTest::addColumn<QByteArray>("mentions");
    const int always = 1000;
    QTest::newRow("throttling storm") << ExportFault{int(SimulatorFault::Throttling400), 3, always}
                                      << QByteArray("throttling");
    QTest::newRow("500 every time") << ExportFault{int(SimulatorFault::InternalError500), 3, always}
                                    << QByteArray("internal error");
    QTest::newRow("503 every time") << ExportFault{int(SimulatorFault::Unavailable503), 3, always}
                                    << QByteArray("unavailable");
    QTest::newRow("connection reset every time") << ExportFault{int(SimulatorFault::ConnectionReset), 3, always}
                                                 << QByteArray("Connection closed");
    QTest::newRow("body truncated every time") << ExportFault{int(SimulatorFault::TruncatedBody), 3, always}
                                               << QByteArray("page 3");
    QTest::newRow("invalid JSON in a 200 every time")
        << ExportFault{int(SimulatorFault::InvalidJson200), 3, always} << QByteArray("not valid JSON");
    QTest::newRow("wrong content type") << ExportFault{int(SimulatorFault::WrongContentType200), 3, always}
                                        << QByteArray("text/html");
    QTest::newRow("repeated nextToken") << ExportFault{int(SimulatorFault::RepeatedToken), 3, 1}
                                        << QByteArray("already given");
    QTest::newRow("server never answers") << ExportFault{int(SimulatorFault::Stall), 3, always}
                                          << QByteArray("did not answer");
    QTest::newRow("expired credentials mid-run") << ExportFault{int(SimulatorFault::ExpiredToken), 3, always}
                                                 << QByteArray("expired");
}

void ExportFaultsTest::shouldExitOneWithNoFileWhenTheListIsIncomplete()
{
    QFETCH(ExportFault, fault);
    QFETCH(QByteArray, mentions);
    for (const QString &destination : {QStringLiteral("accounts.csv"), QStringLiteral("-")}) {
        startServer(fault);
        const RunResult result = run(destination);
        QCOMPARE(result.exitCode, 1);
        const QByteArray last = result.err.trimmed().split('\n').constLast();
        QVERIFY2(last.startsWith("enrollment-desk: error: "), result.err.constData());
        QVERIFY2(last.contains(mentions), last.constData());
        QVERIFY2(last.contains("The list is incomplete (") && last.contains("no file was written"), last.constData());
        QVERIFY2(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).isEmpty(),
                 qPrintable(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).join(u", ")));
        QVERIFY2(result.out.isEmpty(), "stdout must not carry part of the list");
    }
}

QTEST_GUILESS_MAIN(ExportFaultsTest)
#include "test_export_faults.moc"
