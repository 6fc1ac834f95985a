#include "profiles/profilefilelocation.h"
#include "profiles/profileselection.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

Q_DECLARE_METATYPE(HostPlatform)

namespace {

QProcessEnvironment environmentOf(const QStringList &assignments)
{
    QProcessEnvironment environment;
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(u'=');
        environment.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    return environment;
}

} // namespace

// The smithy-rs file-location suite, plus the '~' and fallback-home rules it does not cover.
class ProfileFileLocationTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldMatchSuiteCase_data();
    void shouldMatchSuiteCase();

    void shouldExpandHomeInOverriddenPaths_data();
    void shouldExpandHomeInOverriddenPaths();
};

void ProfileFileLocationTest::shouldMatchSuiteCase_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<HostPlatform>("platform");
    QTest::addColumn<QString>("expectedProfile"); // empty: the case does not say
    QTest::addColumn<QString>("expectedConfig");
    QTest::addColumn<QString>("expectedCredentials");

    QFile file(QStringLiteral(TEST_DATA_DIR "/profiles/file-location-tests.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray cases =
        QJsonDocument::fromJson(file.readAll()).object().value(u"tests").toArray();
    QVERIFY(!cases.isEmpty());

    int index = 0;
    for (const QJsonValue &value : cases) {
        const QJsonObject testCase = value.toObject();
        QStringList environment;
        const QJsonObject variables = testCase.value(u"environment").toObject();
        for (auto it = variables.constBegin(); it != variables.constEnd(); ++it)
            environment.append(it.key() + u'=' + it.value().toString());
        // The platform is an input to the lookup, so Windows cases run here too.
        const HostPlatform platform = testCase.value(u"platform").toString() == u"windows"
                                          ? HostPlatform::Windows
                                          : HostPlatform::Posix;
        const QString name = QStringLiteral("%1: %2").arg(++index).arg(
            testCase.value(u"name").toString());
        QTest::newRow(qPrintable(name))
            << environment << platform << testCase.value(u"profile").toString()
            << testCase.value(u"configLocation").toString()
            << testCase.value(u"credentialsLocation").toString();
    }
}

void ProfileFileLocationTest::shouldMatchSuiteCase()
{
    QFETCH(QStringList, environment);
    QFETCH(HostPlatform, platform);
    QFETCH(QString, expectedProfile);
    QFETCH(QString, expectedConfig);
    QFETCH(QString, expectedCredentials);

    const QProcessEnvironment variables = environmentOf(environment);
    const ProfileFileLocation location =
        locateProfileFiles(variables, QStringLiteral("/unused/fallback"), platform);

    QCOMPARE(location.configFile, expectedConfig);
    QCOMPARE(location.credentialsFile, expectedCredentials);
    if (!expectedProfile.isEmpty())
        QCOMPARE(selectProfile(QString(), variables).name, expectedProfile);
}

void ProfileFileLocationTest::shouldExpandHomeInOverriddenPaths_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("fallbackHome");
    QTest::addColumn<HostPlatform>("platform");
    QTest::addColumn<QString>("expectedConfig");
    QTest::addColumn<QString>("expectedCredentials");

    QTest::newRow("tilde slash is the home directory")
        << QStringList{QStringLiteral("HOME=/home/u"), QStringLiteral("AWS_CONFIG_FILE=~/work/config"),
                       QStringLiteral("AWS_SHARED_CREDENTIALS_FILE=~/work/credentials")}
        << QString() << HostPlatform::Posix << QStringLiteral("/home/u/work/config")
        << QStringLiteral("/home/u/work/credentials");
    QTest::newRow("tilde inside a path is kept")
        << QStringList{QStringLiteral("HOME=/home/u"), QStringLiteral("AWS_CONFIG_FILE=/a/~/config")}
        << QString() << HostPlatform::Posix << QStringLiteral("/a/~/config")
        << QStringLiteral("/home/u/.aws/credentials");
    QTest::newRow("tilde user form is kept")
        << QStringList{QStringLiteral("HOME=/home/u"), QStringLiteral("AWS_CONFIG_FILE=~other/config")}
        << QString() << HostPlatform::Posix << QStringLiteral("~other/config")
        << QStringLiteral("/home/u/.aws/credentials");
    QTest::newRow("tilde backslash on windows")
        << QStringList{QStringLiteral("USERPROFILE=C:\\Users\\u"),
                       QStringLiteral("AWS_CONFIG_FILE=~\\aws\\config")}
        << QString() << HostPlatform::Windows << QStringLiteral("C:\\Users\\u\\aws\\config")
        << QStringLiteral("C:\\Users\\u\\.aws\\credentials");
    QTest::newRow("without HOME the given home directory is used")
        << QStringList{} << QStringLiteral("/srv/home") << HostPlatform::Posix
        << QStringLiteral("/srv/home/.aws/config") << QStringLiteral("/srv/home/.aws/credentials");
    QTest::newRow("USERPROFILE is not a home on posix")
        << QStringList{QStringLiteral("USERPROFILE=/ignored")} << QStringLiteral("/srv/home")
        << HostPlatform::Posix << QStringLiteral("/srv/home/.aws/config")
        << QStringLiteral("/srv/home/.aws/credentials");
    QTest::newRow("home with trailing slash")
        << QStringList{QStringLiteral("HOME=/")} << QString() << HostPlatform::Posix
        << QStringLiteral("/.aws/config") << QStringLiteral("/.aws/credentials");
    QTest::newRow("empty AWS_CONFIG_FILE counts as unset")
        << QStringList{QStringLiteral("HOME=/home/u"), QStringLiteral("AWS_CONFIG_FILE=")}
        << QString() << HostPlatform::Posix << QStringLiteral("/home/u/.aws/config")
        << QStringLiteral("/home/u/.aws/credentials");
    QTest::newRow("no home at all leaves only overrides")
        << QStringList{QStringLiteral("AWS_CONFIG_FILE=/etc/aws/config")} << QString()
        << HostPlatform::Posix << QStringLiteral("/etc/aws/config") << QString();
}

void ProfileFileLocationTest::shouldExpandHomeInOverriddenPaths()
{
    QFETCH(QStringList, environment);
    QFETCH(QString, fallbackHome);
    QFETCH(HostPlatform, platform);
    QFETCH(QString, expectedConfig);
    QFETCH(QString, expectedCredentials);

    const ProfileFileLocation location =
        locateProfileFiles(environmentOf(environment), fallbackHome, platform);

    QCOMPARE(location.configFile, expectedConfig);
    QCOMPARE(location.credentialsFile, expectedCredentials);
}

QTEST_GUILESS_MAIN(ProfileFileLocationTest)
#include "test_profile_file_location.moc"
