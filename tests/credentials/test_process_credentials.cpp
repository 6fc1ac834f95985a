// credential_process: the program runs without a shell, its JSON becomes credentials, failures
// are sentences with the program's own words, and the answer is kept until shortly before it
// expires.
#include "awsfilesfixture.h"
#include "credentialwait.h"
#include "profiles/clientsettings.h"
#include "profiles/commandlinewords.h"
#include "profiles/processcredentialprovider.h"
#include "signing/clock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString Helper = QStringLiteral(FAKE_CREDENTIAL_PROCESS);
const QString SecretCanary = QStringLiteral("process-secret-canary-9f2c");

} // namespace

class ProcessCredentialsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void shouldReadTheCredentialsTheProgramPrints();
    void shouldRunTheProgramWithoutAShell();
    void shouldGiveTheProgramTheEnvironment();
    void shouldKeepCredentialsUntilShortlyBeforeTheyExpire();
    void shouldKeepCredentialsWithoutExpirationForTheWholeRun();
    void shouldRunAgainWhenTheServiceCallsThemExpired();
    void shouldRunOnceForRequestsThatArriveTogether();
    void shouldReportTheExitCodeAndStandardError();
    void shouldRefuseOutputItCannotUse_data();
    void shouldRefuseOutputItCannotUse();
    void shouldStopAProgramThatTakesTooLong();
    void shouldReportAProgramThatCannotStart();
    void shouldChooseCredentialProcessFromTheProfile();
    void shouldRefuseACommandWithUnfinishedQuoting();

private:
    std::shared_ptr<ProcessCredentialProvider> provider(const QStringList &arguments,
                                                        std::shared_ptr<const Clock> clock = {},
                                                        int timeLimitMs = ProcessCredentialProvider::DefaultTimeLimitMs);
    int runs() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_counter;
};

void ProcessCredentialsTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_counter = m_dir->filePath(QStringLiteral("runs"));
}

std::shared_ptr<ProcessCredentialProvider> ProcessCredentialsTest::provider(const QStringList &arguments,
                                                                           std::shared_ptr<const Clock> clock,
                                                                           int timeLimitMs)
{
    return std::make_shared<ProcessCredentialProvider>(
        QStringLiteral("helper"), QStringList{Helper, QStringLiteral("--count"), m_counter} + arguments,
        QProcessEnvironment::systemEnvironment(), std::move(clock), timeLimitMs);
}

int ProcessCredentialsTest::runs() const
{
    QFile counter(m_counter);
    if (!counter.open(QIODevice::ReadOnly))
        return 0;
    return int(counter.readAll().count('\n'));
}

void ProcessCredentialsTest::shouldReadTheCredentialsTheProgramPrints()
{
    auto helper = provider({"--key", "ASIAPROCESS", "--secret", SecretCanary, "--token", "process-token",
                            "--expires-in", "3600"});
    const auto result = waitForCredentials(*helper);
    QVERIFY2(result && *result, qPrintable(failureOf(result)));
    QCOMPARE(result->value().accessKeyId, QStringLiteral("ASIAPROCESS"));
    QCOMPARE(result->value().secretAccessKey, SecretCanary);
    QCOMPARE(result->value().sessionToken, QStringLiteral("process-token"));
    QVERIFY(result->value().expiration);
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(*result->value().expiration);
    QVERIFY2(left > 3500 && left <= 3600, qPrintable(QString::number(left)));
    QCOMPARE(helper->sourceDescription(), QStringLiteral("credential_process of profile 'helper'"));
}

void ProcessCredentialsTest::shouldRunTheProgramWithoutAShell()
{
    const Expected<QStringList> words = splitCommandLine(
        QStringLiteral("'%1' --key-from-arguments 'two words' \"$HOME\" a|b `id` *").arg(Helper));
    QVERIFY(words);
    auto helper = std::make_shared<ProcessCredentialProvider>(QStringLiteral("helper"), words.value(),
                                                              QProcessEnvironment::systemEnvironment(), nullptr);
    const auto result = waitForCredentials(*helper);
    QVERIFY2(result && *result, qPrintable(failureOf(result)));
    QCOMPARE(result->value().accessKeyId, QStringLiteral("two words|$HOME|a|b|`id`|*"));
}

void ProcessCredentialsTest::shouldGiveTheProgramTheEnvironment()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HELPER_KEY"), QStringLiteral("AKIDFROMENVIRONMENT"));
    auto helper = std::make_shared<ProcessCredentialProvider>(
        QStringLiteral("helper"), QStringList{Helper, QStringLiteral("--key-from-environment"), QStringLiteral("HELPER_KEY")},
        environment, nullptr);
    const auto result = waitForCredentials(*helper);
    QVERIFY2(result && *result, qPrintable(failureOf(result)));
    QCOMPARE(result->value().accessKeyId, QStringLiteral("AKIDFROMENVIRONMENT"));
}

void ProcessCredentialsTest::shouldKeepCredentialsUntilShortlyBeforeTheyExpire()
{
    auto clock = std::make_shared<FixedClock>(QDateTime::currentDateTimeUtc());
    auto helper = provider({"--key", "ASIAPROCESS", "--expires-in", "3600"}, clock);
    QVERIFY(succeeded(waitForCredentials(*helper)));
    QVERIFY(succeeded(waitForCredentials(*helper)));
    QCOMPARE(runs(), 1);

    clock->advance(49 * 60 * 1000); // 11 minutes left: still good
    QVERIFY(succeeded(waitForCredentials(*helper)));
    QCOMPARE(runs(), 1);

    clock->advance(2 * 60 * 1000); // 9 minutes left: inside the refresh margin
    QVERIFY(succeeded(waitForCredentials(*helper)));
    QCOMPARE(runs(), 2);
}

void ProcessCredentialsTest::shouldKeepCredentialsWithoutExpirationForTheWholeRun()
{
    auto clock = std::make_shared<FixedClock>(QDateTime::currentDateTimeUtc());
    auto helper = provider({"--key", "AKIDFOREVER"}, clock);
    QVERIFY(succeeded(waitForCredentials(*helper)));
    clock->advance(24LL * 3600 * 1000);
    const auto later = waitForCredentials(*helper);
    QVERIFY(later && *later);
    QVERIFY(!later->value().expiration);
    QCOMPARE(runs(), 1);
}

void ProcessCredentialsTest::shouldRunAgainWhenTheServiceCallsThemExpired()
{
    auto helper = provider({"--key", "ASIAPROCESS", "--expires-in", "3600"});
    QVERIFY(succeeded(waitForCredentials(*helper)));
    QVERIFY(succeeded(waitForCredentials(*helper, CredentialRenewal::Force)));
    QCOMPARE(runs(), 2);
}

void ProcessCredentialsTest::shouldRunOnceForRequestsThatArriveTogether()
{
    auto helper = provider({"--key", "ASIAPROCESS", "--expires-in", "3600"});
    AwsClient client;
    int answers = 0;
    for (int i = 0; i < 3; ++i)
        helper->requestCredentials(client, CredentialRenewal::IfExpiring, [&answers](const CredentialResult &result) {
            if (result)
                ++answers;
        });
    QTRY_COMPARE_WITH_TIMEOUT(answers, 3, 20'000);
    QCOMPARE(runs(), 1);
}

void ProcessCredentialsTest::shouldReportTheExitCodeAndStandardError()
{
    auto helper = provider({"--fail", "3", "Your sign-in expired: run 'corp-login' first."});
    const auto result = waitForCredentials(*helper);
    QVERIFY(result && !*result);
    QCOMPARE(result->error().message,
             QStringLiteral("The credential_process 'fake_credential_process' of profile 'helper' failed with exit code "
                            "3: Your sign-in expired: run 'corp-login' first."));
}

void ProcessCredentialsTest::shouldRefuseOutputItCannotUse_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("reason");

    QTest::newRow("version 2") << QStringList{"--secret", SecretCanary, "--key", "A", "--version", "2"}
                               << "its output has Version 2; only Version 1 is supported";
    QTest::newRow("version as text") << QStringList{"--secret", SecretCanary, "--key", "A", "--version", "\"1\""}
                                     << "its output has Version \"1\"; only Version 1 is supported";
    QTest::newRow("no version") << QStringList{"--secret", SecretCanary, "--key", "A", "--no-version"}
                                << "its output has no Version; only Version 1 is supported";
    QTest::newRow("no access key") << QStringList{"--secret", SecretCanary} << "its output has no AccessKeyId";
    QTest::newRow("not JSON") << QStringList{"--raw", "AccessKeyId=A SecretAccessKey=" + SecretCanary}
                              << "its output is not a JSON object";
    QTest::newRow("an expiration that is no time")
        << QStringList{"--raw", "{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"" + SecretCanary
                                    + "\", \"Expiration\": \"tomorrow\"}"}
        << "its Expiration is not an ISO 8601 time such as 2030-01-31T12:00:00Z";
}

void ProcessCredentialsTest::shouldRefuseOutputItCannotUse()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, reason);

    auto helper = provider(arguments);
    const auto result = waitForCredentials(*helper);
    QVERIFY(result && !*result);
    QCOMPARE(result->error().message,
             QStringLiteral("The credential_process 'fake_credential_process' of profile 'helper' ran, but %1. It must "
                            "print JSON with Version 1, AccessKeyId and SecretAccessKey.")
                 .arg(reason));
    QVERIFY(!result->error().message.contains(SecretCanary));
}

void ProcessCredentialsTest::shouldStopAProgramThatTakesTooLong()
{
    auto helper = provider({"--hang"}, nullptr, 300);
    QElapsedTimer timer;
    timer.start();
    const auto result = waitForCredentials(*helper);
    QVERIFY(result && !*result);
    QCOMPARE(result->error().message,
             QStringLiteral("The credential_process 'fake_credential_process' of profile 'helper' did not finish within "
                            "0.3 seconds and was stopped. Run it in a terminal to see where it waits."));
    QVERIFY(timer.elapsed() < 10'000);
}

void ProcessCredentialsTest::shouldReportAProgramThatCannotStart()
{
    auto helper = std::make_shared<ProcessCredentialProvider>(
        QStringLiteral("helper"), QStringList{m_dir->filePath(QStringLiteral("no-such-helper")), QStringLiteral("--secret-arg")},
        QProcessEnvironment::systemEnvironment(), nullptr);
    const auto result = waitForCredentials(*helper);
    QVERIFY(result && !*result);
    QVERIFY2(result->error().message.startsWith(
                 QStringLiteral("The credential_process 'no-such-helper' of profile 'helper' could not be started")),
             qPrintable(result->error().message));
    QVERIFY(!result->error().message.contains(QStringLiteral("--secret-arg")));
}

void ProcessCredentialsTest::shouldChooseCredentialProcessFromTheProfile()
{
    AwsFilesFixture files;
    QVERIFY(files.writeConfig(QStringLiteral("[profile helper]\nregion = eu-west-1\ncredential_process = \"%1\" --key "
                                             "AKIDFROMPROFILE\n")
                                  .arg(Helper)));
    ClientSettingsRequest request;
    request.profileOption = QStringLiteral("helper");
    request.environment = files.environment();
    request.homeDirectory = files.home();
    const Expected<ClientSettings> settings = resolveClientSettings(request);
    QVERIFY2(settings, settings ? "" : qPrintable(settings.error()));
    QCOMPARE(settings->credentialSource, QStringLiteral("credential_process of profile 'helper'"));
    const auto result = waitForCredentials(*settings->credentials, settings->clientConfiguration());
    QVERIFY2(result && *result, qPrintable(failureOf(result)));
    QCOMPARE(result->value().accessKeyId, QStringLiteral("AKIDFROMPROFILE"));
}

void ProcessCredentialsTest::shouldRefuseACommandWithUnfinishedQuoting()
{
    AwsFilesFixture files;
    QVERIFY(files.writeConfig(QStringLiteral("[profile helper]\ncredential_process = get-keys 'prod\n")));
    ClientSettingsRequest request;
    request.profileOption = QStringLiteral("helper");
    request.environment = files.environment();
    request.homeDirectory = files.home();
    const Expected<ClientSettings> settings = resolveClientSettings(request);
    QVERIFY(!settings);
    QCOMPARE(settings.error(), QStringLiteral("The credential_process of profile 'helper' cannot be read: a single quote "
                                              "is never closed. Correct the quoting."));
}

QTEST_GUILESS_MAIN(ProcessCredentialsTest)
#include "test_process_credentials.moc"
