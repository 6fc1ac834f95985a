// The XLSX export read back as a spreadsheet reads it: the zip opened with QuaZip, every part
// parsed with QXmlStreamReader (which refuses the control characters XML cannot hold). The
// workbook is written by xlsx_fixture_writer, in its own process (exportfixture.h says why).
#include "exportfixture.h"
#include "xlsxreader.h"

#include <QtTest>

namespace {

AccountEnrollment account(const QString &id, const QString &status, std::optional<QString> reason = {},
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

ExportLoad sampleLoad()
{
    ExportLoad load;
    load.profile = QStringLiteral("audit");
    load.region = QStringLiteral("eu-west-1");
    load.statusFilter = {QStringLiteral("Active"), QStringLiteral("Failed")};
    load.loadedAtUtc = QDateTime(QDate(2026, 3, 14), QTime(9, 26, 53), Qt::UTC);
    load.applicationVersion = QStringLiteral("9.8.7");
    return load;
}

struct WriterRun
{
    int exitCode = -1;
    QByteArray workbook;
    QByteArray err;
};

WriterRun runWriter(const QList<AccountEnrollment> &accounts, const AccountNames *names, const ExportLoad &load,
                    const QString &outputPath = QString())
{
    ExportFixture fixture{accounts, names != nullptr, names ? *names : AccountNames(), load};
    QByteArray bytes;
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    stream << fixture;
    QTemporaryDir dir;
    const QString path = outputPath.isEmpty() ? dir.filePath(QStringLiteral("out.xlsx")) : outputPath;
    QProcess writer;
    writer.start(QStringLiteral(XLSX_FIXTURE_WRITER), {path});
    writer.write(bytes);
    writer.closeWriteChannel();
    WriterRun run;
    if (!writer.waitForFinished(60'000) || writer.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = writer.exitCode();
    run.err = writer.readAllStandardError();
    QFile file(path);
    if (outputPath.isEmpty() && file.open(QIODevice::ReadOnly))
        run.workbook = file.readAll();
    return run;
}

XlsxWorkbook exported(const QList<AccountEnrollment> &accounts, const AccountNames *names = nullptr,
                      const ExportLoad &load = sampleLoad())
{
    const WriterRun run = runWriter(accounts, names, load);
    if (run.exitCode != 0) {
        XlsxWorkbook failed;
        failed.errorString = QStringLiteral("write failed (%1): %2").arg(run.exitCode).arg(QString::fromUtf8(run.err));
        return failed;
    }
    return readXlsx(run.workbook);
}

// The spreadsheet date-time number of a UTC moment, worked out from the calendar.
double serialOf(const QDateTime &utc)
{
    return double(QDate(1899, 12, 30).daysTo(utc.date())) + utc.time().msecsSinceStartOfDay() / 86'400'000.0;
}

bool isDateTimeFormat(const QString &code)
{
    return code.contains(QLatin1String("yyyy")) && code.contains(QLatin1String("mm")) && code.contains(QLatin1String("hh"))
        && code.contains(QLatin1String("ss"));
}

// The Summary's "Status | Accounts" table, as label -> count.
QList<std::pair<QString, int>> summaryCounts(const XlsxSheet &summary)
{
    QList<std::pair<QString, int>> counts;
    bool inTable = false;
    for (int row = 0; row < summary.lastRow; ++row) {
        const QString label = summary.cell(cellRef(row, 0)).text;
        if (inTable && summary.has(cellRef(row, 0)))
            counts.append({label, summary.cell(cellRef(row, 1)).number.toInt()});
        if (label == u"Status" && summary.cell(cellRef(row, 1)).text == u"Accounts")
            inTable = true;
    }
    return counts;
}

QString summaryValue(const XlsxSheet &summary, const QString &label)
{
    for (int row = 0; row < summary.lastRow; ++row) {
        if (summary.cell(cellRef(row, 0)).text == label)
            return summary.cell(cellRef(row, 1)).type.isEmpty() ? summary.cell(cellRef(row, 1)).number
                                                                : summary.cell(cellRef(row, 1)).text;
    }
    return QStringLiteral("<no %1 row>").arg(label);
}

} // namespace

class XlsxWorkbookTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldHaveAnAccountsAndASummarySheet();
    void shouldWriteAccountIdsAsTextWithLeadingZeros();
    void shouldWriteLastUpdatedAsADateTimeNumberInUtc();
    void shouldFreezeTheHeaderAndFilterTheWholeTable_data();
    void shouldFreezeTheHeaderAndFilterTheWholeTable();
    void shouldFitColumnWidthsToTheText();
    void shouldMarkEachStatusWithItsColourAndKeepTheText();
    void shouldCountEveryStatusOnTheSummarySheet();
    void shouldSayWhatTheLoadWasOnTheSummarySheet();
    void shouldSetTheWorkbookProperties();
    void shouldKeepAwkwardStringsAsPlainText_data();
    void shouldKeepAwkwardStringsAsPlainText();
    void shouldApplyTheControlCharacterRuleToTheSummaryAndProperties();
    void shouldWriteAnEmptyListAsAHeaderAndZeroCounts();
    void shouldReportAFullDevice();
};

void XlsxWorkbookTest::shouldHaveAnAccountsAndASummarySheet()
{
    const XlsxWorkbook book = exported({account(QStringLiteral("111122223333"), QStringLiteral("Active"))});
    QVERIFY2(book.isValid(), qPrintable(book.errorString));
    QCOMPARE(book.sheetNames, (QStringList{QStringLiteral("Accounts"), QStringLiteral("Summary")}));
    const XlsxSheet &accounts = book.sheets[QStringLiteral("Accounts")];
    QCOMPARE(accounts.cell(QStringLiteral("A1")).text, QStringLiteral("Account ID"));
    QCOMPARE(accounts.cell(QStringLiteral("B1")).text, QStringLiteral("Status"));
    QCOMPARE(accounts.cell(QStringLiteral("C1")).text, QStringLiteral("Status Reason"));
    QCOMPARE(accounts.cell(QStringLiteral("D1")).text, QStringLiteral("Last Updated (UTC)"));
}

void XlsxWorkbookTest::shouldWriteAccountIdsAsTextWithLeadingZeros()
{
    const QStringList ids{QStringLiteral("000000000001"), QStringLiteral("093363212576"),
                          QStringLiteral("123456789012"), QStringLiteral("1e10"), QStringLiteral("00000000000")};
    QList<AccountEnrollment> accounts;
    for (const QString &id : ids)
        accounts.append(account(id, QStringLiteral("Active")));
    const XlsxWorkbook book = exported(accounts);
    QVERIFY2(book.isValid(), qPrintable(book.errorString));
    const XlsxSheet &sheet = book.sheets[QStringLiteral("Accounts")];
    for (int i = 0; i < ids.size(); ++i) {
        const XlsxCell cell = sheet.cell(cellRef(i + 1, 0));
        QCOMPARE(cell.type, QStringLiteral("inlineStr"));
        QCOMPARE(cell.text, ids.at(i));
        QVERIFY(cell.number.isEmpty());
        QCOMPARE(book.styleOf(cell).numberFormat, QStringLiteral("@"));
    }
}

void XlsxWorkbookTest::shouldWriteLastUpdatedAsADateTimeNumberInUtc()
{
    const QDateTime whole(QDate(2024, 4, 4), QTime(17, 37, 13), Qt::UTC);
    const QDateTime fraction(QDate(1999, 12, 31), QTime(23, 59, 59, 123), Qt::UTC);
    const XlsxWorkbook book = exported(
        {account(QStringLiteral("111122223333"), QStringLiteral("Active"), {}, whole.toMSecsSinceEpoch()),
         account(QStringLiteral("444455556666"), QStringLiteral("Active"), {}, fraction.toMSecsSinceEpoch(), true),
         account(QStringLiteral("777788889999"), QStringLiteral("Pending"))});
    QVERIFY2(book.isValid(), qPrintable(book.errorString));
    const XlsxSheet &sheet = book.sheets[QStringLiteral("Accounts")];

    const XlsxCell first = sheet.cell(QStringLiteral("D2"));
    QVERIFY2(first.type.isEmpty() || first.type == u"n", qPrintable(first.type));
    QVERIFY(!first.number.isEmpty());
    QVERIFY(qAbs(first.number.toDouble() - serialOf(whole)) < 0.5 / 86'400);
    QVERIFY2(isDateTimeFormat(book.styleOf(first).numberFormat), qPrintable(book.styleOf(first).numberFormat));
    QVERIFY(!book.styleOf(first).numberFormat.contains(QLatin1String(".000")));

    const XlsxCell second = sheet.cell(QStringLiteral("D3"));
    QVERIFY(qAbs(second.number.toDouble() - serialOf(fraction)) < 0.0005 / 86'400);
    QVERIFY(isDateTimeFormat(book.styleOf(second).numberFormat));
    QVERIFY(book.styleOf(second).numberFormat.contains(QLatin1String(".000")));

    QVERIFY2(!sheet.has(QStringLiteral("D4")), "no timestamp, no cell");
}

void XlsxWorkbookTest::shouldFreezeTheHeaderAndFilterTheWholeTable_data()
{
    QTest::addColumn<bool>("withNames");
    QTest::addColumn<QString>("filter");
    QTest::newRow("without names") << false << QStringLiteral("A1:D4");
    QTest::newRow("with names") << true << QStringLiteral("A1:I4");
}

void XlsxWorkbookTest::shouldFreezeTheHeaderAndFilterTheWholeTable()
{
    QFETCH(bool, withNames);
    QFETCH(QString, filter);
    AccountNames names;
    names.insert(QStringLiteral("111122223333"), {QStringLiteral("Finance"), QStringLiteral("f@example.com")});
    const XlsxWorkbook book = exported({account(QStringLiteral("111122223333"), QStringLiteral("Active")),
                                        account(QStringLiteral("222233334444"), QStringLiteral("Failed")),
                                        account(QStringLiteral("333344445555"), QStringLiteral("Pending"))},
                                       withNames ? &names : nullptr);
    QVERIFY2(book.isValid(), qPrintable(book.errorString));
    const XlsxSheet &sheet = book.sheets[QStringLiteral("Accounts")];
    QVERIFY(sheet.frozen);
    QCOMPARE(sheet.frozenRows, 1);
    QCOMPARE(sheet.topLeftCell, QStringLiteral("A2"));
    QCOMPARE(sheet.autoFilter, filter);
    QCOMPARE(sheet.lastRow, 4);
    if (withNames) {
        QCOMPARE(sheet.cell(QStringLiteral("B1")).text, QStringLiteral("Account Name"));
        QCOMPARE(sheet.cell(QStringLiteral("C1")).text, QStringLiteral("Email"));
        QCOMPARE(sheet.cell(QStringLiteral("I1")).text, QStringLiteral("Last Updated (UTC)"));
        QCOMPARE(sheet.cell(QStringLiteral("B2")).text, QStringLiteral("Finance"));
        QCOMPARE(sheet.cell(QStringLiteral("C2")).text, QStringLiteral("f@example.com"));
        QCOMPARE(sheet.cell(QStringLiteral("B3")).text, QString());
    }
}

void XlsxWorkbookTest::shouldFitColumnWidthsToTheText()
{
    const QString longReason(70, u'r');
    const XlsxWorkbook book = exported({account(QStringLiteral("111122223333"), QStringLiteral("Active"), longReason),
                                        account(QStringLiteral("222233334444"), QStringLiteral("Failed"),
                                                QString(500, u'x'))});
    QVERIFY2(book.isValid(), qPrintable(book.errorString));
    const XlsxSheet &sheet = book.sheets[QStringLiteral("Accounts")];
    QCOMPARE(sheet.columnWidths.size(), 4);
    QVERIFY(sheet.columnWidths.value(1) >= 12); // an account ID
    QVERIFY(sheet.columnWidths.value(1) < 30);
    QVERIFY(sheet.columnWidths.value(2) >= QStringLiteral("Status").size());
    QVERIFY2(sheet.columnWidths.value(3) <= 90, "a very long reason is capped, not 500 wide");
    QVERIFY(sheet.columnWidths.value(3) >= 70);
    QVERIFY(sheet.columnWidths.value(4) >= QStringLiteral("Last Updated (UTC)").size());
}

void XlsxWorkbookTest::shouldMarkEachStatusWithItsColourAndKeepTheText()
{
    const QStringList statuses{QStringLiteral("Active"), QStringLiteral("Inactive"), QStringLiteral("Pending"),
                               QStringLiteral("Failed"), QStringLiteral("Suspended")};
    QList<AccountEnrollment> accounts;
    for (int i = 0; i < statuses.size(); ++i)
        accounts.append(account(QStringLiteral("00000000000%1").arg(i), statuses.at(i)));
    const XlsxWorkbook book = exported(accounts);
    QVERIFY2(book.isValid(), qPrintable(book.errorString));
    const XlsxSheet &sheet = book.sheets[QStringLiteral("Accounts")];
    QSet<QString> colours;
    for (int i = 0; i < statuses.size(); ++i) {
        const XlsxCell cell = sheet.cell(cellRef(i + 1, 1));
        QCOMPARE(cell.text, statuses.at(i)); // colour is never the only signal
        QCOMPARE(cell.type, QStringLiteral("inlineStr"));
        const XlsxStyle style = book.styleOf(cell);
        QVERIFY(!style.fontColor.isEmpty());
        QVERIFY(!style.fillColor.isEmpty());
        colours.insert(style.fontColor);
    }
    QCOMPARE(colours.size(), statuses.size());
    QCOMPARE(book.styleOf(sheet.cell(QStringLiteral("B2"))).fontColor, QStringLiteral("FF1A7F37")); // the window's green
    QCOMPARE(book.styleOf(sheet.cell(QStringLiteral("B5"))).fontColor, QStringLiteral("FFCF222E")); // and red
}

void XlsxWorkbookTest::shouldCountEveryStatusOnTheSummarySheet()
{
    QList<AccountEnrollment> accounts;
    const QList<std::pair<QString, int>> wanted{{QStringLiteral("Failed"), 3}, {QStringLiteral("Active"), 5},
                                                {QStringLiteral("Suspended"), 2}, {QStringLiteral("Pending"), 1}};
    int serial = 0;
    for (const auto &[status, count] : wanted) {
        for (int i = 0; i < count; ++i)
            accounts.append(account(QStringLiteral("%1").arg(++serial, 12, 10, QLatin1Char('0')), status));
    }
    const XlsxWorkbook book = exported(accounts);
    QVERIFY2(book.isValid(), qPrintable(book.errorString));
    const QList<std::pair<QString, int>> expected{{QStringLiteral("Active"), 5},   {QStringLiteral("Inactive"), 0},
                                                  {QStringLiteral("Pending"), 1},  {QStringLiteral("Failed"), 3},
                                                  {QStringLiteral("Suspended"), 2}, {QStringLiteral("Total"), 11}};
    QCOMPARE(summaryCounts(book.sheets[QStringLiteral("Summary")]), expected);
}

void XlsxWorkbookTest::shouldSayWhatTheLoadWasOnTheSummarySheet()
{
    ExportLoad incomplete = sampleLoad();
    incomplete.complete = false;
    incomplete.incompleteReason = QStringLiteral("Page 3 could not be read.");
    incomplete.rowSelection = QStringLiteral("Visible rows only");
    for (const ExportLoad &load : {sampleLoad(), incomplete}) {
        const XlsxWorkbook book = exported({account(QStringLiteral("111122223333"), QStringLiteral("Active"))},
                                           nullptr, load);
        QVERIFY2(book.isValid(), qPrintable(book.errorString));
        const XlsxSheet &summary = book.sheets[QStringLiteral("Summary")];
        QCOMPARE(summaryValue(summary, QStringLiteral("Profile")), QStringLiteral("audit"));
        QCOMPARE(summaryValue(summary, QStringLiteral("Region")), QStringLiteral("eu-west-1"));
        QCOMPARE(summaryValue(summary, QStringLiteral("Status filter")), QStringLiteral("Active, Failed"));
        QCOMPARE(summaryValue(summary, QStringLiteral("Rows")),
                 load.complete ? QStringLiteral("Every account loaded") : QStringLiteral("Visible rows only"));
        QCOMPARE(summaryValue(summary, QStringLiteral("Complete")),
                 load.complete ? QStringLiteral("Yes: every page arrived")
                               : QStringLiteral("No: Page 3 could not be read."));
        QCOMPARE(summaryValue(summary, QStringLiteral("Exported by")), QStringLiteral("Enrollment Desk 9.8.7"));
        const double loadedAt = summaryValue(summary, QStringLiteral("Loaded at (UTC)")).toDouble();
        QVERIFY(qAbs(loadedAt - serialOf(load.loadedAtUtc)) < 0.5 / 86'400);
    }
}

void XlsxWorkbookTest::shouldSetTheWorkbookProperties()
{
    const XlsxWorkbook book = exported({});
    QVERIFY2(book.isValid(), qPrintable(book.errorString));
    QCOMPARE(book.core.value(QStringLiteral("title")), QStringLiteral("AWS Compute Optimizer enrollment"));
    QCOMPARE(book.core.value(QStringLiteral("created")), QStringLiteral("2026-03-14T09:26:53Z"));
    QCOMPARE(book.custom.value(QStringLiteral("Application")), QStringLiteral("Enrollment Desk"));
    QCOMPARE(book.custom.value(QStringLiteral("Application Version")), QStringLiteral("9.8.7"));
}

void XlsxWorkbookTest::shouldKeepAwkwardStringsAsPlainText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    const auto same = [](const QString &text) { QTest::newRow(qPrintable(text.left(20))) << text << text; };
    same(QStringLiteral("=HYPERLINK(\"https://example.invalid\",\"click\")"));
    same(QStringLiteral("+1 555 0100"));
    same(QStringLiteral("-2+3"));
    same(QStringLiteral("@SUM(A1:A2)"));
    same(QStringLiteral("\tstarts with a tab"));
    same(QStringLiteral("one\ntwo\nthree"));
    same(QStringLiteral("commas, \"quotes\", 'apostrophes'"));
    same(QStringLiteral("<b>&amp;</b> ]]>"));
    same(QStringLiteral("Ingeniería Ñandú"));
    same(QString::fromUtf8("emoji \xF0\x9F\x98\x80 and \xF0\x9F\xA6\x84 outside the BMP"));
    same(QStringLiteral("_x0041_ is not an A"));
    same(QStringLiteral("  leading and trailing spaces  "));
    QTest::newRow("CR LF") << QStringLiteral("one\r\ntwo") << QStringLiteral("one\ntwo");
    QTest::newRow("lone CR") << QStringLiteral("one\rtwo") << QStringLiteral("one\ntwo");
    QTest::newRow("C0 controls") << QStringLiteral("bell\x07 nul%1 esc\x1b us\x1f").arg(QChar(0))
                                 << QStringLiteral("bell\uFFFD nul\uFFFD esc\uFFFD us\uFFFD");
    QTest::newRow("non-characters") << QStringLiteral("a\uFFFEb\uFFFF") << QStringLiteral("a\uFFFDb\uFFFD");
    QTest::newRow("half a surrogate pair") << (QStringLiteral("x") + QChar(0xD83D) + QStringLiteral("y"))
                                           << QStringLiteral("x\uFFFDy");
}

void XlsxWorkbookTest::shouldKeepAwkwardStringsAsPlainText()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    AccountNames names;
    names.insert(QStringLiteral("012345678901"), {text, text});
    const XlsxWorkbook book = exported({account(QStringLiteral("012345678901"), text, text)}, &names);
    QVERIFY2(book.isValid(), qPrintable(book.errorString));
    const XlsxSheet &sheet = book.sheets[QStringLiteral("Accounts")];
    // Name, Email, then (after OU Path, Account State, Joined) Status and Status Reason.
    for (const QString &ref : {QStringLiteral("B2"), QStringLiteral("C2"), QStringLiteral("G2"), QStringLiteral("H2")}) {
        const XlsxCell cell = sheet.cell(ref);
        QCOMPARE(cell.type, QStringLiteral("inlineStr"));
        QVERIFY2(!cell.hasFormula, qPrintable(ref));
        QCOMPARE(cell.text, shown);
    }
    QCOMPARE(sheet.cell(QStringLiteral("A2")).text, QStringLiteral("012345678901"));
}

void XlsxWorkbookTest::shouldApplyTheControlCharacterRuleToTheSummaryAndProperties()
{
    ExportLoad load = sampleLoad();
    load.profile = QStringLiteral("odd\x01profile");
    load.applicationVersion = QStringLiteral("1.0\x02");
    const XlsxWorkbook book = exported({}, nullptr, load);
    QVERIFY2(book.isValid(), qPrintable(book.errorString)); // every part parsed as XML
    QCOMPARE(summaryValue(book.sheets[QStringLiteral("Summary")], QStringLiteral("Profile")),
             QStringLiteral("odd\uFFFDprofile"));
    QCOMPARE(book.core.value(QStringLiteral("subject")), QStringLiteral("Profile odd\uFFFDprofile, Region eu-west-1"));
    QCOMPARE(book.custom.value(QStringLiteral("Application Version")), QStringLiteral("1.0\uFFFD"));
}

void XlsxWorkbookTest::shouldWriteAnEmptyListAsAHeaderAndZeroCounts()
{
    const XlsxWorkbook book = exported({});
    QVERIFY2(book.isValid(), qPrintable(book.errorString));
    const XlsxSheet &sheet = book.sheets[QStringLiteral("Accounts")];
    QCOMPARE(sheet.lastRow, 1);
    QCOMPARE(sheet.autoFilter, QStringLiteral("A1:D1"));
    QCOMPARE(summaryCounts(book.sheets[QStringLiteral("Summary")]).constLast(),
             (std::pair<QString, int>{QStringLiteral("Total"), 0}));
}

void XlsxWorkbookTest::shouldReportAFullDevice()
{
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("/dev/full is not available here");
    const WriterRun run = runWriter({account(QStringLiteral("111122223333"), QStringLiteral("Active"))}, nullptr,
                                    sampleLoad(), QStringLiteral("/dev/full"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.err.trimmed().isEmpty(), "the writer says why");
}

QTEST_GUILESS_MAIN(XlsxWorkbookTest)
#include "test_xlsx_workbook.moc"
