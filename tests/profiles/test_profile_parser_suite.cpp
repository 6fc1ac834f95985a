#include "profiles/profilefile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QString suitePath()
{
    const QString overridden = qEnvironmentVariable("PROFILE_PARSER_TESTS");
    return overridden.isEmpty() ? QStringLiteral(TEST_DATA_DIR "/profiles/profile-parser-tests.json")
                                : overridden;
}

QJsonObject sectionsAsJson(const QMap<QString, ProfileSection> &sections)
{
    QJsonObject result;
    for (const ProfileSection &section : sections) {
        QJsonObject properties;
        for (auto it = section.properties.cbegin(); it != section.properties.cend(); ++it)
            properties.insert(it.key(), it.value());
        result.insert(section.name, properties);
    }
    return result;
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

// The smithy-rs profile parser suite: every case, data-driven.
class ProfileParserSuiteTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldMatchSuiteCase_data();
    void shouldMatchSuiteCase();

    void shouldParseSubPropertiesIntoMap();
    void shouldReadServicesSectionsFromConfigFileOnly();
    void shouldNameFileAndLineInErrors();
    void shouldDropSubPropertiesWhenCredentialsFileReplacesValue();
};

void ProfileParserSuiteTest::shouldMatchSuiteCase_data()
{
    QTest::addColumn<QString>("configText");
    QTest::addColumn<QString>("credentialsText");
    QTest::addColumn<QString>("expectedProfiles");
    QTest::addColumn<QString>("expectedSsoSessions"); // empty: the case does not say
    QTest::addColumn<QString>("expectedError");

    QFile file(suitePath());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(suitePath()));
    const QJsonArray cases = QJsonDocument::fromJson(file.readAll()).object().value(u"tests").toArray();
    QVERIFY2(cases.size() >= 60, "the parser suite should have all its cases");

    int index = 0;
    for (const QJsonValue &value : cases) {
        const QJsonObject testCase = value.toObject();
        const QJsonObject input = testCase.value(u"input").toObject();
        const QJsonObject output = testCase.value(u"output").toObject();
        const QJsonObject config = output.value(u"config").toObject();
        const QString ssoSessions = config.contains(u"sso_sessions")
                                        ? compact(config.value(u"sso_sessions").toObject())
                                        : QString();
        // Row names carry the index because the suite repeats some case names.
        const QString name = QStringLiteral("%1: %2").arg(++index, 2, 10, QChar(u'0'))
                                 .arg(testCase.value(u"name").toString());
        QTest::newRow(qPrintable(name))
            << input.value(u"configFile").toString() << input.value(u"credentialsFile").toString()
            << compact(config.value(u"profiles").toObject()) << ssoSessions
            << output.value(u"errorContaining").toString();
    }
}

void ProfileParserSuiteTest::shouldMatchSuiteCase()
{
    QFETCH(QString, configText);
    QFETCH(QString, credentialsText);
    QFETCH(QString, expectedProfiles);
    QFETCH(QString, expectedSsoSessions);
    QFETCH(QString, expectedError);

    const Expected<ProfileSet> parsed = parseProfileFiles(configText, credentialsText);

    if (!expectedError.isEmpty()) {
        QVERIFY2(!parsed, "the input should be rejected");
        QVERIFY2(parsed.error().contains(expectedError), qPrintable(parsed.error()));
        return;
    }
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error()));
    QCOMPARE(compact(sectionsAsJson(parsed->profiles)), expectedProfiles);
    if (!expectedSsoSessions.isEmpty())
        QCOMPARE(compact(sectionsAsJson(parsed->ssoSessions)), expectedSsoSessions);
}

void ProfileParserSuiteTest::shouldParseSubPropertiesIntoMap()
{
    const Expected<ProfileSet> parsed = parseProfileFiles(
        QStringLiteral("[profile foo]\ns3 =\n  max_concurrent_requests = 20\n\n  url = http://x/?a=b\n"
                       "region = us-east-1\n"),
        QString());
    QVERIFY(parsed);
    const ProfileSection foo = parsed->profiles.value(QStringLiteral("foo"));
    QCOMPARE(foo.value(QStringLiteral("s3")),
             QStringLiteral("\nmax_concurrent_requests = 20\nurl = http://x/?a=b"));
    const QMap<QString, QString> s3 = foo.subProperties.value(QStringLiteral("s3"));
    QCOMPARE(s3.value(QStringLiteral("max_concurrent_requests")), QStringLiteral("20"));
    QCOMPARE(s3.value(QStringLiteral("url")), QStringLiteral("http://x/?a=b"));
    QCOMPARE(s3.size(), 2);
    QVERIFY(!foo.subProperties.contains(QStringLiteral("region")));
}

void ProfileParserSuiteTest::shouldReadServicesSectionsFromConfigFileOnly()
{
    const Expected<ProfileSet> parsed = parseProfileFiles(
        QStringLiteral("[services local]\ncompute_optimizer =\n  endpoint_url = http://127.0.0.1:4566\n"
                       "[profile dev]\nservices = local\n"),
        QStringLiteral("[services other]\nx = 1\n"));
    QVERIFY(parsed);
    QCOMPARE(parsed->services.keys(), QStringList{QStringLiteral("local")});
    QCOMPARE(parsed->services.value(QStringLiteral("local"))
                 .subProperties.value(QStringLiteral("compute_optimizer"))
                 .value(QStringLiteral("endpoint_url")),
             QStringLiteral("http://127.0.0.1:4566"));
    QCOMPARE(parsed->profiles.keys(), QStringList{QStringLiteral("dev")});
}

void ProfileParserSuiteTest::shouldNameFileAndLineInErrors()
{
    const Expected<ProfileSet> parsed =
        parseProfileFile(QStringLiteral("[default]\nregion = us-east-1\n[profile broken\n"),
                         ProfileFileKind::Config, QStringLiteral("/home/u/.aws/config"));
    QVERIFY(!parsed);
    QCOMPARE(parsed.error(), QStringLiteral("Line 3 of /home/u/.aws/config: Profile definition must "
                                            "end with ']'. Correct that line and try again."));
}

void ProfileParserSuiteTest::shouldDropSubPropertiesWhenCredentialsFileReplacesValue()
{
    const Expected<ProfileSet> parsed =
        parseProfileFiles(QStringLiteral("[profile foo]\ns3 =\n  a = b\n"),
                          QStringLiteral("[foo]\ns3 = flat\n"));
    QVERIFY(parsed);
    const ProfileSection foo = parsed->profiles.value(QStringLiteral("foo"));
    QCOMPARE(foo.value(QStringLiteral("s3")), QStringLiteral("flat"));
    QVERIFY(!foo.subProperties.contains(QStringLiteral("s3")));
}

QTEST_GUILESS_MAIN(ProfileParserSuiteTest)
#include "test_profile_parser_suite.moc"
