#include "awsfilesfixture.h"

#include "profiles/profilelist.h"

#include <QTest>

// The names the GUI's profile picker offers.
class ProfileListTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldListProfilesOfBothFilesSortedWithDefaultFirst();
    void shouldListNothingWithoutFiles();
    void shouldKeepNamesOfTheReadableFileWhenTheOtherIsBroken();
    void shouldFollowOverriddenFileLocations();
};

void ProfileListTest::shouldListProfilesOfBothFilesSortedWithDefaultFirst()
{
    AwsFilesFixture files;
    QVERIFY(files.writeConfig(QStringLiteral("[profile zeta]\n[default]\n[profile Audit]\n"
                                             "[sso-session corp]\n[services local]\n[notaprofile]\n")));
    QVERIFY(files.writeCredentials(QStringLiteral("[beta]\n[zeta]\n[default]\n[profile ignored]\n")));

    QCOMPARE(listProfiles(files.environment(), files.home()),
             (QStringList{QStringLiteral("default"), QStringLiteral("Audit"), QStringLiteral("beta"),
                          QStringLiteral("zeta")}));
}

void ProfileListTest::shouldListNothingWithoutFiles()
{
    AwsFilesFixture files;
    QCOMPARE(listProfiles(files.environment(), files.home()), QStringList());
}

void ProfileListTest::shouldKeepNamesOfTheReadableFileWhenTheOtherIsBroken()
{
    AwsFilesFixture files;
    QVERIFY(files.writeConfig(QStringLiteral("[profile broken\n")));
    QVERIFY(files.writeCredentials(QStringLiteral("[audit]\n")));

    QCOMPARE(listProfiles(files.environment(), files.home()),
             QStringList{QStringLiteral("audit")});
}

void ProfileListTest::shouldFollowOverriddenFileLocations()
{
    AwsFilesFixture files;
    QVERIFY(files.writeConfig(QStringLiteral("[profile fromhome]\n")));
    QVERIFY(files.writeCredentials(QStringLiteral("[elsewhere]\n")));
    const QProcessEnvironment environment = files.environment(
        {QStringLiteral("AWS_CONFIG_FILE=") + files.credentialsPath() + QStringLiteral(".missing")});

    QCOMPARE(listProfiles(environment, files.home()), QStringList{QStringLiteral("elsewhere")});
}

QTEST_GUILESS_MAIN(ProfileListTest)
#include "test_profile_list.moc"
