#include "export/enrollmentcsvwriter.h"

#include <QBuffer>
#include <QtTest>

namespace {

AccountEnrollment account(const QString &id, const QString &status, std::optional<QString> reason,
                          std::optional<qint64> msecs = std::nullopt, bool fraction = false)
{
    AccountEnrollment a;
    a.accountId = id;
    a.statusText = status;
    a.status = enrollmentStatusFromText(status);
    a.statusReason = std::move(reason);
    a.lastUpdatedMsecs = msecs;
    a.lastUpdatedHasFraction = fraction;
    return a;
}

QByteArray written(const QList<AccountEnrollment> &accounts)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    EnrollmentCsvWriter writer(&buffer);
    writer.writeHeader();
    writer.writeAccounts(accounts);
    return buffer.data();
}

} // namespace

class CsvWriterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldWriteTheDocumentedHeaderWithCrlf();
    void shouldQuoteFieldsAsRfc4180Says_data();
    void shouldQuoteFieldsAsRfc4180Says();
    void shouldMakeFormulaLikeTextInert_data();
    void shouldMakeFormulaLikeTextInert();
    void shouldWriteUtcTimestampsWithMillisecondsOnlyWhenSent();
    void shouldKeepLeadingZerosAndUnicode();
    void shouldReportAFullDevice();
    void shouldPutNamesAndEmailsRightAfterTheAccountId();
    void shouldStartWithAByteOrderMarkOnlyWhenAsked();
};

void CsvWriterTest::shouldWriteTheDocumentedHeaderWithCrlf()
{
    QCOMPARE(written({}), QByteArray("Account ID,Status,Status Reason,Last Updated (UTC)\r\n"));
}

void CsvWriterTest::shouldQuoteFieldsAsRfc4180Says_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QByteArray>("field");
    QTest::newRow("plain") << QStringLiteral("Enrolled") << QByteArray("Enrolled");
    QTest::newRow("comma") << QStringLiteral("a, b") << QByteArray("\"a, b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QStringLiteral("one\ntwo") << QByteArray("\"one\ntwo\"");
    QTest::newRow("crlf") << QStringLiteral("one\r\ntwo") << QByteArray("\"one\r\ntwo\"");
    QTest::newRow("empty") << QString() << QByteArray("");
}

void CsvWriterTest::shouldQuoteFieldsAsRfc4180Says()
{
    QFETCH(QString, reason);
    QFETCH(QByteArray, field);
    const QByteArray csv = written({account(QStringLiteral("111122223333"), QStringLiteral("Active"), reason)});
    QCOMPARE(csv.mid(csv.indexOf("\r\n") + 2), "111122223333,Active," + field + ",\r\n");
}

void CsvWriterTest::shouldMakeFormulaLikeTextInert_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("expected");
    QTest::newRow("equals") << QStringLiteral("=HYPERLINK(\"x\")") << QStringLiteral("'=HYPERLINK(\"x\")");
    QTest::newRow("plus") << QStringLiteral("+1") << QStringLiteral("'+1");
    QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
    QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("tab") << QStringLiteral("\tx") << QStringLiteral("'\tx");
    QTest::newRow("carriage return") << QStringLiteral("\rx") << QStringLiteral("'\rx");
    QTest::newRow("ordinary text untouched") << QStringLiteral("a=b") << QStringLiteral("a=b");
}

void CsvWriterTest::shouldMakeFormulaLikeTextInert()
{
    QFETCH(QString, reason);
    QFETCH(QString, expected);
    QCOMPARE(inertForSpreadsheets(reason), expected);
    const QByteArray csv = written({account(QStringLiteral("111122223333"), QStringLiteral("Active"), reason)});
    QVERIFY(csv.contains(csvField(expected).toUtf8()));
}

void CsvWriterTest::shouldWriteUtcTimestampsWithMillisecondsOnlyWhenSent()
{
    const QByteArray csv = written({
        account(QStringLiteral("111122223333"), QStringLiteral("Active"), {}, 1712252233000, false),
        account(QStringLiteral("111122223334"), QStringLiteral("Active"), {}, 1712252233456, true),
        account(QStringLiteral("111122223335"), QStringLiteral("Active"), {}),
    });
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.at(1), QByteArray("111122223333,Active,,2024-04-04T17:37:13Z\r"));
    QCOMPARE(lines.at(2), QByteArray("111122223334,Active,,2024-04-04T17:37:13.456Z\r"));
    QCOMPARE(lines.at(3), QByteArray("111122223335,Active,,\r"));
}

void CsvWriterTest::shouldKeepLeadingZerosAndUnicode()
{
    const QByteArray csv = written({account(QStringLiteral("000000000042"), QStringLiteral("Failed"),
                                            QStringLiteral("Rôle 日本 🚀"))});
    QVERIFY(csv.contains(QStringLiteral("000000000042,Failed,Rôle 日本 🚀,").toUtf8()));
}

void CsvWriterTest::shouldReportAFullDevice()
{
    QFile full(QStringLiteral("/dev/full"));
    if (!full.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        QSKIP("/dev/full is not available here");
    EnrollmentCsvWriter writer(&full);
    QVERIFY(!writer.writeHeader());
    QVERIFY(!writer.errorString().isEmpty());
}

void CsvWriterTest::shouldPutNamesAndEmailsRightAfterTheAccountId()
{
    AccountNames names;
    names.insert(QStringLiteral("111122223333"), AccountName{QStringLiteral("Finance, Legal"), QStringLiteral("f@example.com")});
    names.insert(QStringLiteral("444455556666"), AccountName{QStringLiteral("=cmd"), QStringLiteral("x@example.com")});
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    EnrollmentCsvWriter writer(&buffer, &names);
    writer.writeHeader();
    writer.writeAccounts({account(QStringLiteral("111122223333"), QStringLiteral("Active"), {}),
                          account(QStringLiteral("444455556666"), QStringLiteral("Failed"), QStringLiteral("r")),
                          account(QStringLiteral("777788889999"), QStringLiteral("Pending"), {})});
    // OU Path, Account State and Joined follow, empty for names that do not say them.
    QCOMPARE(buffer.data(), QByteArray("Account ID,Account Name,Email,OU Path,Account State,Joined (UTC),Status,Status "
                                       "Reason,Last Updated (UTC)\r\n"
                                       "111122223333,\"Finance, Legal\",f@example.com,,,,Active,,\r\n"
                                       "444455556666,'=cmd,x@example.com,,,,Failed,r,\r\n"
                                       "777788889999,,,,,,Pending,,\r\n"));
}

void CsvWriterTest::shouldStartWithAByteOrderMarkOnlyWhenAsked()
{
    QVERIFY(!written({}).startsWith("\xEF\xBB\xBF"));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    EnrollmentCsvWriter writer(&buffer);
    QVERIFY(writer.writeByteOrderMark());
    QVERIFY(writer.writeHeader());
    QCOMPARE(buffer.data(), QByteArray("\xEF\xBB\xBF" "Account ID,Status,Status Reason,Last Updated (UTC)\r\n"));
}

QTEST_GUILESS_MAIN(CsvWriterTest)
#include "test_csv_writer.moc"
