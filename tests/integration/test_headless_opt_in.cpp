// `enrollment-desk --opt-in-organization`, the real process against the loopback simulator: --yes
// opts in at once; otherwise the question goes to the terminal (a pseudo-terminal typed into here);
// with neither, nothing is requested and the exit code is 2. Exit 0 only when AWS accepted.
#include "simulator/enrollmentsimulator.h"

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

#include <utility>

namespace {

const QString Key = QStringLiteral("AKIDHEADLESSOPTIN000");
const QString Secret = QStringLiteral("headless-opt-in-secret");

} // namespace

class HeadlessOptInTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shouldOptInTheOrganizationWithYes();
    void shouldAskOnTheTerminalAndOptInWhenConfirmed();
    void shouldRequestNothingWhenTheTerminalSaysNo();
    void shouldRequestNothingAndExit2WithoutATerminalOrYes();
    void shouldNameThePermissionsWhenRefused();

private:
    QProcessEnvironment environment() const;
    // Runs the program in a session of its own; with a pseudo-terminal as its terminal when asked.
    void run(QProcess &process, const QStringList &arguments, bool withTerminal, int *master);

    EnrollmentSimulator *m_simulator = nullptr;
    std::unique_ptr<QTemporaryDir> m_home;
    int m_terminalHeld = -1;
};

void HeadlessOptInTest::init()
{
    QVERIFY(QFileInfo(QStringLiteral(ENROLLMENT_DESK_BINARY)).isExecutable());
    m_simulator = new EnrollmentSimulator(SimulatedOrganization::generate(80, 23), this);
    m_simulator->addCredentials(Key, Secret);
    SimulatedOptInSetup setup;
    setup.ownStatus = QStringLiteral("Inactive");
    m_simulator->setOptIn(setup);
    QVERIFY(m_simulator->listen());
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(QDir(m_home->path()).mkpath(QStringLiteral(".aws")));
}

void HeadlessOptInTest::cleanup()
{
    delete m_simulator;
    m_simulator = nullptr;
    if (m_terminalHeld >= 0)
        ::close(std::exchange(m_terminalHeld, -1));
}

QProcessEnvironment HeadlessOptInTest::environment() const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("us-east-1"));
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), Key);
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), Secret);
    const QString url = m_simulator->endpointUrl().toString();
    env.insert(QStringLiteral("AWS_ENDPOINT_URL_COMPUTE_OPTIMIZER"), url);
    env.insert(QStringLiteral("AWS_ENDPOINT_URL_ORGANIZATIONS"), url);
    env.insert(QStringLiteral("AWS_ENDPOINT_URL_STS"), url);
    return env;
}

void HeadlessOptInTest::run(QProcess &process, const QStringList &arguments, bool withTerminal, int *master)
{
    process.setProcessEnvironment(environment());
    if (withTerminal) {
        *master = posix_openpt(O_RDWR | O_NOCTTY);
        QVERIFY(*master >= 0);
        QVERIFY(grantpt(*master) == 0 && unlockpt(*master) == 0);
        const QByteArray path = ptsname(*master);
        // Held open here so the master never reads as hung up (EIO, ready at every poll) while the
        // child has no descriptor on its terminal; that spin starved the simulator of its turns.
        m_terminalHeld = ::open(path.constData(), O_RDWR | O_NOCTTY | O_CLOEXEC);
        QVERIFY(m_terminalHeld >= 0);
        process.setChildProcessModifier([path] {
            setsid();
            const int fd = ::open(path.constData(), O_RDWR); // becomes the controlling terminal
            if (fd > 2)
                ::close(fd);
        });
    } else {
        process.setChildProcessModifier([] { setsid(); }); // a new session has no controlling terminal
    }
    process.start(QStringLiteral(ENROLLMENT_DESK_BINARY), arguments);
}

void HeadlessOptInTest::shouldOptInTheOrganizationWithYes()
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    run(process, {QStringLiteral("--opt-in-organization"), QStringLiteral("--yes")}, false, nullptr);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
    const QString errors = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, qPrintable(errors));
    QCOMPARE(m_simulator->updateEnrollmentStatusRequestCount(), 1);
    QVERIFY(m_simulator->updateEnrollmentStatusBodies().constFirst().contains("\"includeMemberAccounts\":true"));
    QVERIFY2(errors.contains(QStringLiteral("Opt in account 111122223333 and every member account of organization "
                                            "o-sim4example1")),
             qPrintable(errors));
    QVERIFY2(errors.contains(QStringLiteral("AWS accepted the opt-in")), qPrintable(errors));
}

void HeadlessOptInTest::shouldAskOnTheTerminalAndOptInWhenConfirmed()
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    int master = -1;
    run(process, {QStringLiteral("--opt-in-organization")}, true, &master);
    QByteArray screen;
    QSocketNotifier readable(master, QSocketNotifier::Read);
    connect(&readable, &QSocketNotifier::activated, this, [&screen, master] {
        char buffer[256];
        const ssize_t count = ::read(master, buffer, sizeof buffer);
        if (count > 0)
            screen.append(buffer, count);
    });
    QTRY_VERIFY_WITH_TIMEOUT(screen.contains("[y/N] "), 20'000);
    QVERIFY2(screen.contains("Opt in account 111122223333 and every member account of organization o-sim4example1"),
             QByteArray(screen + "\n" + process.readAllStandardError()).constData());
    QCOMPARE(m_simulator->updateEnrollmentStatusRequestCount(), 0);
    QVERIFY(::write(master, "yes\n", 4) == 4);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
    readable.setEnabled(false);
    ::close(master);
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
    QCOMPARE(m_simulator->updateEnrollmentStatusRequestCount(), 1);
}

void HeadlessOptInTest::shouldRequestNothingWhenTheTerminalSaysNo()
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    int master = -1;
    run(process, {QStringLiteral("--opt-in-organization")}, true, &master);
    QByteArray screen;
    QSocketNotifier readable(master, QSocketNotifier::Read);
    connect(&readable, &QSocketNotifier::activated, this, [&screen, master] {
        char buffer[256];
        const ssize_t count = ::read(master, buffer, sizeof buffer);
        if (count > 0)
            screen.append(buffer, count);
    });
    QTRY_VERIFY_WITH_TIMEOUT(screen.contains("[y/N] "), 20'000);
    QVERIFY(::write(master, "n\n", 2) == 2);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
    readable.setEnabled(false);
    ::close(master);
    QCOMPARE(process.exitCode(), 1);
    QVERIFY(process.readAllStandardError().contains("Nothing was requested"));
    QCOMPARE(m_simulator->updateEnrollmentStatusRequestCount(), 0);
}

void HeadlessOptInTest::shouldRequestNothingAndExit2WithoutATerminalOrYes()
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    run(process, {QStringLiteral("--opt-in-organization")}, false, nullptr);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    const QString errors = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(errors.contains(QStringLiteral("asks for confirmation on the terminal, and there is none")), qPrintable(errors));
    QVERIFY2(errors.contains(QStringLiteral("add --yes")), qPrintable(errors));
    QCOMPARE(m_simulator->updateEnrollmentStatusRequestCount(), 0);
    QCOMPARE(m_simulator->enrollmentStatusRequestCount(), 0);
}

void HeadlessOptInTest::shouldNameThePermissionsWhenRefused()
{
    m_simulator->addFault({SimulatorFault::AccessDenied, 0, 100, "UpdateEnrollmentStatus"});
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    run(process, {QStringLiteral("--opt-in-organization"), QStringLiteral("--yes")}, false, nullptr);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
    QCOMPARE(process.exitCode(), 1);
    const QString errors = QString::fromUtf8(process.readAllStandardError());
    for (const char *permission : {"compute-optimizer:UpdateEnrollmentStatus", "iam:CreateServiceLinkedRole",
                                   "organizations:EnableAWSServiceAccess"})
        QVERIFY2(errors.contains(QLatin1String(permission)), qPrintable(errors));
}

QTEST_GUILESS_MAIN(HeadlessOptInTest)
#include "test_headless_opt_in.moc"
