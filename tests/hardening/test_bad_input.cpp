// Bad command-line options and environment variables: empty, huge, not UTF-8, the wrong type.
// Each must end in one clear line on stderr and exit 2: no crash, no hang, no file, nothing on
// stdout, and no megabyte of input echoed back.
#include <QtTest>

namespace {

// Stands for bytes that are not UTF-8 (0xFF 0xFE); QProcess cannot pass those, a shell can.
const QString NotUtf8 = QStringLiteral("\x01not-utf-8\x01");
// Linux refuses any single argument or variable over 128 KiB (MAX_ARG_STRLEN) before we see it.
const QString Huge = QString(100 * 1024, u'9');
// Nothing listens on the discard port: a row that wrongly passes validation fails fast, locally.
const QString NoServer = QStringLiteral("http://127.0.0.1:9");

using Variables = QList<std::pair<QString, QString>>;

struct RunResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString shellWord(int position)
{
    return QStringLiteral(" \"${%1}\"").arg(position);
}

QString notUtf8Word()
{
    return QStringLiteral(" \"$(printf 'bad\\377\\376')\"");
}

} // namespace

class BadInputTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void shouldRefuseBadOptionsWithExitTwo_data();
    void shouldRefuseBadOptionsWithExitTwo();
    void shouldRefuseBadEnvironmentWithExitTwo_data();
    void shouldRefuseBadEnvironmentWithExitTwo();
    void shouldTreatAnEmptyVariableAsUnset();

private:
    RunResult run(const QStringList &arguments, const Variables &variables) const;
    void verifyRefused(const RunResult &result, const QByteArray &mentions) const;

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void BadInputTest::initTestCase()
{
    QVERIFY(QFileInfo(QStringLiteral(ENROLLMENT_DESK_BINARY)).isExecutable());
    QVERIFY(m_home.isValid());
}

void BadInputTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

// Runs the program through /bin/sh, the one way to hand it bytes that are not UTF-8.
RunResult BadInputTest::run(const QStringList &arguments, const Variables &variables) const
{
    QStringList positional{QStringLiteral(ENROLLMENT_DESK_BINARY)};
    QString script;
    for (const auto &[name, value] : variables) {
        if (value == NotUtf8) {
            script += QStringLiteral("export %1=").arg(name) + notUtf8Word().trimmed() + u'\n';
        } else {
            positional.append(value);
            script += QStringLiteral("export %1=").arg(name) + shellWord(int(positional.size()) - 1).trimmed() + u'\n';
        }
    }
    script += QStringLiteral("exec") + shellWord(0);
    for (const QString &argument : arguments) {
        if (argument == NotUtf8) {
            script += notUtf8Word();
        } else {
            positional.append(argument);
            script += shellWord(int(positional.size()) - 1);
        }
    }

    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDBADINPUT"));
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("bad-input-secret"));
    env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("us-east-1"));
    env.insert(QStringLiteral("AWS_ENDPOINT_URL"), NoServer);
    for (const char *sanitizerOptions : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
        if (qEnvironmentVariableIsSet(sanitizerOptions))
            env.insert(QLatin1String(sanitizerOptions), qEnvironmentVariable(sanitizerOptions));
    }

    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir->path());
    process.start(QStringLiteral("/bin/sh"), QStringList{QStringLiteral("-c"), script} + positional);
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

void BadInputTest::verifyRefused(const RunResult &result, const QByteArray &mentions) const
{
    QVERIFY2(result.exitCode == 2, result.err.left(500).constData());
    QVERIFY2(result.err.startsWith("enrollment-desk: error: "), result.err.left(500).constData());
    QCOMPARE(result.err.count('\n'), 1);
    QVERIFY2(result.err.contains(mentions), result.err.left(500).constData());
    // A clear error names the input; it does not repeat a megabyte of it.
    QVERIFY2(result.err.size() < 4096, qPrintable(QString::number(result.err.size())));
    QVERIFY(result.out.isEmpty());
    QVERIFY(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

void BadInputTest::shouldRefuseBadOptionsWithExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("mentions");
    const QString out = QStringLiteral("out.csv");
    const auto option = [&](const char *name, const QString &value) {
        return QStringList{QLatin1String(name), value, QStringLiteral("--export"), out};
    };
    QTest::newRow("empty --region") << option("--region", QString()) << QByteArray("--region needs a value");
    QTest::newRow("huge --region") << option("--region", Huge) << QByteArray("--region");
    QTest::newRow("non-UTF-8 --region") << option("--region", NotUtf8) << QByteArray("--region is not valid UTF-8");
    QTest::newRow("--region with spaces") << option("--region", QStringLiteral("us east 1"))
                                          << QByteArray("not a valid region name");
    QTest::newRow("empty --profile") << option("--profile", QString()) << QByteArray("--profile needs a value");
    QTest::newRow("huge --profile") << option("--profile", Huge) << QByteArray("--profile");
    QTest::newRow("non-UTF-8 --profile") << option("--profile", NotUtf8) << QByteArray("--profile is not valid UTF-8");
    QTest::newRow("unknown --profile") << option("--profile", QStringLiteral("nosuch")) << QByteArray("'nosuch'");
    QTest::newRow("empty --endpoint-url") << option("--endpoint-url", QString())
                                          << QByteArray("--endpoint-url needs a value");
    QTest::newRow("huge --endpoint-url") << option("--endpoint-url", Huge) << QByteArray("--endpoint-url");
    QTest::newRow("non-UTF-8 --endpoint-url") << option("--endpoint-url", NotUtf8)
                                              << QByteArray("--endpoint-url is not valid UTF-8");
    QTest::newRow("--endpoint-url not a URL") << option("--endpoint-url", QStringLiteral("not a url"))
                                              << QByteArray("--endpoint-url");
    QTest::newRow("--endpoint-url without a host") << option("--endpoint-url", QStringLiteral("http://"))
                                                   << QByteArray("--endpoint-url");
    QTest::newRow("empty --status") << option("--status", QString()) << QByteArray("--status");
    QTest::newRow("huge --status") << option("--status", Huge) << QByteArray("--status");
    QTest::newRow("non-UTF-8 --status") << option("--status", NotUtf8) << QByteArray("--status is not valid UTF-8");
    QTest::newRow("--status a number") << option("--status", QStringLiteral("3")) << QByteArray("Unknown status '3'");
    QTest::newRow("--status only commas") << option("--status", QStringLiteral(",,")) << QByteArray("--status");
    QTest::newRow("empty --max-results") << option("--max-results", QString()) << QByteArray("--max-results");
    QTest::newRow("huge --max-results") << option("--max-results", Huge) << QByteArray("--max-results");
    QTest::newRow("non-UTF-8 --max-results") << option("--max-results", NotUtf8) << QByteArray("--max-results");
    QTest::newRow("--max-results a word") << option("--max-results", QStringLiteral("ten")) << QByteArray("'ten'");
    QTest::newRow("--max-results a fraction") << option("--max-results", QStringLiteral("1.5"))
                                              << QByteArray("--max-results must be a whole number");
    QTest::newRow("--max-results in exponent form") << option("--max-results", QStringLiteral("1e3"))
                                                    << QByteArray("--max-results must be a whole number");
    QTest::newRow("--max-results negative") << option("--max-results", QStringLiteral("-5"))
                                            << QByteArray("--max-results");
    QTest::newRow("--max-results above 1000") << option("--max-results", QStringLiteral("1001"))
                                              << QByteArray("from 1 to 1000");
    QTest::newRow("--max-results past 64 bits") << option("--max-results", QStringLiteral("99999999999999999999"))
                                                << QByteArray("--max-results");
    QTest::newRow("empty --read-timeout") << option("--read-timeout", QString()) << QByteArray("--read-timeout");
    QTest::newRow("--read-timeout zero") << option("--read-timeout", QStringLiteral("0"))
                                         << QByteArray("--read-timeout");
    QTest::newRow("--read-timeout a word") << option("--read-timeout", QStringLiteral("soon"))
                                           << QByteArray("--read-timeout");
    QTest::newRow("empty --export") << QStringList{QStringLiteral("--export"), QString()} << QByteArray("--export");
    QTest::newRow("huge --export") << QStringList{QStringLiteral("--export"), Huge} << QByteArray("--export");
    QTest::newRow("non-UTF-8 --export") << QStringList{QStringLiteral("--export"), NotUtf8}
                                        << QByteArray("--export is not valid UTF-8");
    QTest::newRow("--export without its value") << QStringList{QStringLiteral("--export")}
                                                << QByteArray("Missing value after '--export'");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--colour"), QStringLiteral("--export"), out}
                                    << QByteArray("colour");
    QTest::newRow("huge unknown option") << QStringList{QStringLiteral("--") + Huge, QStringLiteral("--export"), out}
                                         << QByteArray("bytes long");
    QTest::newRow("non-UTF-8 stray argument") << QStringList{QStringLiteral("--export"), out, NotUtf8}
                                              << QByteArray("not valid UTF-8");
    QTest::newRow("stray argument") << QStringList{QStringLiteral("--export"), out, QStringLiteral("extra")}
                                    << QByteArray("'extra'");
}

void BadInputTest::shouldRefuseBadOptionsWithExitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, mentions);
    verifyRefused(run(arguments, {}), mentions);
}

void BadInputTest::shouldRefuseBadEnvironmentWithExitTwo_data()
{
    QTest::addColumn<Variables>("variables");
    QTest::addColumn<QByteArray>("mentions");
    const auto set = [](const char *name, const QString &value) {
        return Variables{{QLatin1String(name), value}};
    };
    QTest::newRow("empty AWS_REGION and no other region") << set("AWS_REGION", QString()) << QByteArray("--region");
    QTest::newRow("huge AWS_REGION") << set("AWS_REGION", Huge) << QByteArray("AWS_REGION is 102400 bytes long");
    QTest::newRow("non-UTF-8 AWS_REGION") << set("AWS_REGION", NotUtf8) << QByteArray("AWS_REGION is not valid UTF-8");
    QTest::newRow("AWS_REGION with a slash") << set("AWS_REGION", QStringLiteral("us-east-1/x"))
                                             << QByteArray("not a valid region name");
    QTest::newRow("huge AWS_PROFILE") << set("AWS_PROFILE", Huge) << QByteArray("AWS_PROFILE");
    QTest::newRow("non-UTF-8 AWS_PROFILE") << set("AWS_PROFILE", NotUtf8) << QByteArray("AWS_PROFILE");
    QTest::newRow("unknown AWS_PROFILE") << set("AWS_PROFILE", QStringLiteral("nosuch"))
                                         << QByteArray("or unset AWS_PROFILE");
    QTest::newRow("AWS_MAX_ATTEMPTS a word") << set("AWS_MAX_ATTEMPTS", QStringLiteral("three"))
                                             << QByteArray("AWS_MAX_ATTEMPTS must be a whole number");
    QTest::newRow("AWS_MAX_ATTEMPTS zero") << set("AWS_MAX_ATTEMPTS", QStringLiteral("0"))
                                           << QByteArray("AWS_MAX_ATTEMPTS");
    QTest::newRow("AWS_MAX_ATTEMPTS a fraction") << set("AWS_MAX_ATTEMPTS", QStringLiteral("2.5"))
                                                 << QByteArray("AWS_MAX_ATTEMPTS");
    QTest::newRow("huge AWS_MAX_ATTEMPTS") << set("AWS_MAX_ATTEMPTS", Huge) << QByteArray("AWS_MAX_ATTEMPTS");
    QTest::newRow("AWS_RETRY_MODE unknown") << set("AWS_RETRY_MODE", QStringLiteral("fast"))
                                            << QByteArray("AWS_RETRY_MODE");
    QTest::newRow("AWS_ENDPOINT_URL not a URL") << set("AWS_ENDPOINT_URL", QStringLiteral("not a url"))
                                                << QByteArray("AWS_ENDPOINT_URL");
    QTest::newRow("non-UTF-8 AWS_ENDPOINT_URL") << set("AWS_ENDPOINT_URL", NotUtf8)
                                                << QByteArray("AWS_ENDPOINT_URL is not valid UTF-8");
    QTest::newRow("huge AWS_ENDPOINT_URL") << set("AWS_ENDPOINT_URL", Huge) << QByteArray("AWS_ENDPOINT_URL");
    QTest::newRow("AWS_CREDENTIAL_EXPIRATION not a time")
        << set("AWS_CREDENTIAL_EXPIRATION", QStringLiteral("tomorrow")) << QByteArray("AWS_CREDENTIAL_EXPIRATION");
    QTest::newRow("empty AWS_SECRET_ACCESS_KEY") << set("AWS_SECRET_ACCESS_KEY", QString())
                                                 << QByteArray("AWS_SECRET_ACCESS_KEY");
    QTest::newRow("non-UTF-8 AWS_SECRET_ACCESS_KEY") << set("AWS_SECRET_ACCESS_KEY", NotUtf8)
                                                     << QByteArray("AWS_SECRET_ACCESS_KEY is not valid UTF-8");
    QTest::newRow("huge AWS_SESSION_TOKEN") << set("AWS_SESSION_TOKEN", Huge) << QByteArray("AWS_SESSION_TOKEN");
    QTest::newRow("AWS_CONFIG_FILE a folder") << set("AWS_CONFIG_FILE", QStringLiteral("/tmp"))
                                              << QByteArray("is a folder");
    QTest::newRow("AWS_CONFIG_FILE endless") << set("AWS_CONFIG_FILE", QStringLiteral("/dev/zero"))
                                             << QByteArray("larger than 16 MiB");
    QTest::newRow("non-UTF-8 AWS_SHARED_CREDENTIALS_FILE") << set("AWS_SHARED_CREDENTIALS_FILE", NotUtf8)
                                                           << QByteArray("AWS_SHARED_CREDENTIALS_FILE");
}

void BadInputTest::shouldRefuseBadEnvironmentWithExitTwo()
{
    QFETCH(Variables, variables);
    QFETCH(QByteArray, mentions);
    verifyRefused(run({QStringLiteral("--export"), QStringLiteral("out.csv")}, variables), mentions);
}

void BadInputTest::shouldTreatAnEmptyVariableAsUnset()
{
    // As in AWS CLI, AWS_PROFILE= means no profile was chosen: the default one, not an error.
    const QStringList arguments{QStringLiteral("--read-timeout"), QStringLiteral("1"), QStringLiteral("--export"),
                                QStringLiteral("out.csv")};
    const Variables variables{{QStringLiteral("AWS_PROFILE"), QString()},
                              {QStringLiteral("AWS_MAX_ATTEMPTS"), QStringLiteral("1")}};
    const RunResult result = run(arguments, variables);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("Could not reach"), result.err.constData());
    QVERIFY(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

QTEST_GUILESS_MAIN(BadInputTest)
#include "test_bad_input.moc"
