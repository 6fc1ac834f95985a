#include "export/enrollmentcsvwriter.h"
#include "profilechoices.h"
#include "tablecopy.h"
#include "tableexport.h"
#include "windowsettings.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QtTest>

namespace {

AccountEnrollment account(const QString &id, const QString &status, std::optional<QString> reason,
                          std::optional<qint64> updatedMsecs, bool fraction = false)
{
    AccountEnrollment result;
    result.accountId = id;
    result.statusText = status;
    result.status = enrollmentStatusFromText(status);
    result.statusReason = std::move(reason);
    result.lastUpdatedMsecs = updatedMsecs;
    result.lastUpdatedHasFraction = fraction;
    return result;
}

QList<AccountEnrollment> awkwardAccounts()
{
    return {account(QStringLiteral("000000000042"), QStringLiteral("Active"), QStringLiteral("Plain reason"),
                    1'700'000'000'000),
            account(QStringLiteral("123456789012"), QStringLiteral("Failed"),
                    QStringLiteral("Line one\nline two\twith a tab, and \"quotes\""), 1'700'000'000'250, true),
            account(QStringLiteral("210987654321"), QStringLiteral("Pending"), QStringLiteral("=HYPERLINK(\"x\")"),
                    std::nullopt),
            account(QStringLiteral("555555555555"), QStringLiteral("Inactive"), std::nullopt, 1'600'000'000'000)};
}

// QVERIFY2 builds its message even when the check passes: ask for the error only when there is one.
template <typename T>
QByteArray errorOf(const Expected<T> &result)
{
    return result ? QByteArray() : result.error().toUtf8();
}

QByteArray csvFromWriter(const QList<AccountEnrollment> &accounts)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    EnrollmentCsvWriter writer(&buffer);
    writer.writeHeader();
    writer.writeAccounts(accounts);
    return buffer.data();
}

} // namespace

class TableTextTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldCopyRowsAsTabSeparatedLinesUnderAHeader();
    void shouldExportTheSameBytesAsTheHeadlessWriter();
    void shouldRefuseToExportIntoAFolder();
    void shouldLeaveNoFileWhenTheFolderIsMissing();
    void shouldOfferEnvironmentCredentialsBeforeProfiles();
    void shouldOfferDefaultWhenNothingIsConfigured();
    void shouldRememberWhatTheWindowStores();
};

void TableTextTest::shouldCopyRowsAsTabSeparatedLinesUnderAHeader()
{
    const QString text = accountsAsTabSeparatedText(awkwardAccounts());
    const QStringList lines = text.split(u'\n');
    QCOMPARE(lines.size(), 6); // header, four accounts, and the empty tail after the last newline
    QCOMPARE(lines.at(0), QStringLiteral("Account ID\tStatus\tStatus Reason\tLast Updated (UTC)"));
    QCOMPARE(lines.at(1), QStringLiteral("000000000042\tActive\tPlain reason\t2023-11-14T22:13:20Z"));
    QCOMPARE(lines.at(2), QStringLiteral("123456789012\tFailed\tLine one line two with a tab, and \"quotes\"\t"
                                         "2023-11-14T22:13:20.250Z"));
    QCOMPARE(lines.at(3), QStringLiteral("210987654321\tPending\t'=HYPERLINK(\"x\")\t"));
    QCOMPARE(lines.at(4), QStringLiteral("555555555555\tInactive\t\t2020-09-13T12:26:40Z"));
    QCOMPARE(lines.at(5), QString());
    for (const QString &line : lines.mid(1, 4))
        QCOMPARE(line.count(u'\t'), 3);
}

void TableTextTest::shouldExportTheSameBytesAsTheHeadlessWriter()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("accounts.csv"));
    const auto written = exportAccountsAsCsv(path, awkwardAccounts());
    QVERIFY2(written.hasValue(), errorOf(written).constData());
    QCOMPARE(written.value(), 4);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), csvFromWriter(awkwardAccounts()));
}

void TableTextTest::shouldRefuseToExportIntoAFolder()
{
    QTemporaryDir dir;
    const auto written = exportAccountsAsCsv(dir.path(), awkwardAccounts());
    QVERIFY(!written.hasValue());
    QVERIFY2(written.error().contains(QStringLiteral("is a folder")), qPrintable(written.error()));
}

void TableTextTest::shouldLeaveNoFileWhenTheFolderIsMissing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/accounts.csv"));
    const auto written = exportAccountsAsCsv(path, awkwardAccounts());
    QVERIFY(!written.hasValue());
    QVERIFY2(written.error().startsWith(QStringLiteral("Cannot write")), qPrintable(written.error()));
    QVERIFY(!QFile::exists(path));
}

void TableTextTest::shouldOfferEnvironmentCredentialsBeforeProfiles()
{
    QTemporaryDir home;
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".aws")));
    QFile config(home.filePath(QStringLiteral(".aws/config")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[default]\nregion = us-east-1\n[profile audit]\nregion = eu-west-1\n");
    config.close();

    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDEXAMPLE"));
    environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("not-a-real-secret"));
    const QList<ProfileChoice> choices = profileChoices(environment, home.path());
    const QList<ProfileChoice> expected{{QStringLiteral("Environment"), QString()},
                                        {QStringLiteral("default"), QStringLiteral("default")},
                                        {QStringLiteral("audit"), QStringLiteral("audit")}};
    QCOMPARE(choices, expected);
}

void TableTextTest::shouldOfferDefaultWhenNothingIsConfigured()
{
    QTemporaryDir home;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), home.path());
    const QList<ProfileChoice> expected{{QStringLiteral("default"), QString()}};
    QCOMPARE(profileChoices(environment, home.path()), expected);
}

void TableTextTest::shouldRememberWhatTheWindowStores()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    StatusFilter filter = StatusFilter::all();
    filter.setAccepted(EnrollmentStatus::Pending, false);
    {
        WindowSettings settings(file);
        QCOMPARE(settings.statusFilter(), StatusFilter::all());
        settings.setStatusFilter(filter);
        settings.setRegion(QStringLiteral("ap-southeast-2"));
        settings.setProfile(QStringLiteral("audit"));
        settings.setTableHeader(QByteArrayLiteral("header"));
    }
    WindowSettings settings(file);
    QCOMPARE(settings.statusFilter(), filter);
    QCOMPARE(settings.region(), QStringLiteral("ap-southeast-2"));
    QCOMPARE(settings.profile(), QStringLiteral("audit"));
    QCOMPARE(settings.tableHeader(), QByteArrayLiteral("header"));
}

QTEST_GUILESS_MAIN(TableTextTest)
#include "test_ui_table_text.moc"
