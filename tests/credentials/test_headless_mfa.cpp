// `enrollment-desk --export` with a profile that has mfa_serial: the real process asks for the
// code on its terminal (a pseudo-terminal here, typed into by the test) and exports every account;
// started without any terminal, it fails at once and says why.
#include "csvreader.h"
#include "simulator/enrollmentsimulator.h"
#include "simulator/stssimulator.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

namespace {

constexpr int AccountCount = 240;
const QString BaseKey = QStringLiteral("AKIDHEADLESSMFA");
const QString BaseSecret = QStringLiteral("headless-mfa-secret");
const QString Role = QStringLiteral("arn:aws:iam::111122223333:role/EnrollmentAudit");
const QString Device = QStringLiteral("arn:aws:iam::111122223333:mfa/jane");

} // namespace

class HeadlessMfaTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shouldAskOnTheTerminalAndExportEveryAccount();
    void shouldFailClearlyWithoutATerminal();

private:
    QProcessEnvironment environment() const;

    SimulatedOrganization m_organization = SimulatedOrganization::generate(AccountCount, 17);
    EnrollmentSimulator *m_computeOptimizer = nullptr;
    StsSimulator *m_sts = nullptr;
    std::unique_ptr<QTemporaryDir> m_home;
};

void HeadlessMfaTest::init()
{
    QVERIFY(QFileInfo(QStringLiteral(ENROLLMENT_DESK_BINARY)).isExecutable());
    m_computeOptimizer = new EnrollmentSimulator(m_organization, this);
    QVERIFY(m_computeOptimizer->listen());
    m_sts = new StsSimulator(this);
    m_sts->addSourceCredentials(BaseKey, BaseSecret);
    m_sts->addRole(Role, StsSimulator::RoleRules{{}, Device, QStringLiteral("314159")});
    connect(m_sts, &StsSimulator::credentialsIssued, m_computeOptimizer,
            [this](const AwsCredentials &issued, const QString &) {
                m_computeOptimizer->addCredentials(issued.accessKeyId, issued.secretAccessKey, issued.sessionToken);
            });
    QVERIFY(m_sts->listen());

    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(QDir(m_home->path()).mkpath(QStringLiteral(".aws")));
    QFile config(m_home->filePath(QStringLiteral(".aws/config")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("[profile audit]\nregion = us-east-1\nrole_arn = %1\nsource_profile = base\n"
                                "mfa_serial = %2\n")
                     .arg(Role, Device)
                     .toUtf8());
    QFile credentials(m_home->filePath(QStringLiteral(".aws/credentials")));
    QVERIFY(credentials.open(QIODevice::WriteOnly));
    credentials.write(
        QStringLiteral("[base]\naws_access_key_id = %1\naws_secret_access_key = %2\n").arg(BaseKey, BaseSecret).toUtf8());
}

void HeadlessMfaTest::cleanup()
{
    delete m_computeOptimizer;
    delete m_sts;
    m_computeOptimizer = nullptr;
    m_sts = nullptr;
}

QProcessEnvironment HeadlessMfaTest::environment() const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("AWS_ENDPOINT_URL_STS"), m_sts->url().toString());
    env.insert(QStringLiteral("AWS_ENDPOINT_URL_COMPUTE_OPTIMIZER"), m_computeOptimizer->endpointUrl().toString());
    return env;
}

void HeadlessMfaTest::shouldAskOnTheTerminalAndExportEveryAccount()
{
    const int master = posix_openpt(O_RDWR | O_NOCTTY);
    QVERIFY(master >= 0);
    QVERIFY(grantpt(master) == 0 && unlockpt(master) == 0);
    const QByteArray terminalPath = ptsname(master);

    QProcess process;
    process.setProcessEnvironment(environment());
    // The child gets a session of its own with the pseudo-terminal as its controlling terminal,
    // as a person's shell would give it.
    process.setChildProcessModifier([path = terminalPath.constData()] {
        setsid();
        const int fd = ::open(path, O_RDWR);
        if (fd > 2)
            ::close(fd);
    });
    const QString output = m_home->filePath(QStringLiteral("accounts.csv"));
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(ENROLLMENT_DESK_BINARY),
                  {QStringLiteral("--export"), output, QStringLiteral("--profile"), QStringLiteral("audit"),
                   QStringLiteral("--quiet")});

    QByteArray screen;
    QSocketNotifier readable(master, QSocketNotifier::Read);
    connect(&readable, &QSocketNotifier::activated, this, [&screen, master] {
        char buffer[256];
        const ssize_t count = ::read(master, buffer, sizeof buffer);
        if (count > 0)
            screen.append(buffer, count);
    });
    const QByteArray question = QByteArray("Enter MFA code for ") + Device.toUtf8() + QByteArray(": ");
    QTRY_VERIFY_WITH_TIMEOUT(screen.contains(question), 20'000);
    QVERIFY(m_sts->receivedRequests().isEmpty());
    QVERIFY(::write(master, "314159\n", 7) == 7);

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
    readable.setEnabled(false);
    ::close(master);
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
    QCOMPARE(m_sts->receivedRequests().size(), 1);
    QCOMPARE(m_sts->receivedRequests().first().parameters.value(QStringLiteral("TokenCode")), QStringLiteral("314159"));
    QFile csv(output);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(readCsv(csv.readAll()).size(), AccountCount + 1);
}

void HeadlessMfaTest::shouldFailClearlyWithoutATerminal()
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setChildProcessModifier([] { setsid(); }); // a new session has no controlling terminal
    const QString output = m_home->filePath(QStringLiteral("accounts.csv"));
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(ENROLLMENT_DESK_BINARY),
                  {QStringLiteral("--export"), output, QStringLiteral("--profile"), QStringLiteral("audit")});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 1);
    const QString errors = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(errors.contains(QStringLiteral("Profile 'audit' needs a code from the MFA device %1 (mfa_serial), and "
                                            "there is no terminal to ask for it")
                                 .arg(Device)),
             qPrintable(errors));
    QVERIFY(m_sts->receivedRequests().isEmpty());
    QVERIFY(!QFile::exists(output));
}

QTEST_GUILESS_MAIN(HeadlessMfaTest)
#include "test_headless_mfa.moc"
