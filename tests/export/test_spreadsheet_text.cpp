#include "export/exportformat.h"
#include "export/spreadsheettext.h"

#include <QtTest>

class SpreadsheetTextTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReplaceWhatXmlCannotHold_data();
    void shouldReplaceWhatXmlCannotHold();
    void shouldEscapeTextThatLooksLikeAnOoxmlEscape();
    void shouldCutACellAtTheSpreadsheetLimit();
    void shouldChooseTheFormatByNameOrExtension();
};

void SpreadsheetTextTest::shouldReplaceWhatXmlCannotHold_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("clean");
    QTest::newRow("plain") << QStringLiteral("Enrolled") << QStringLiteral("Enrolled");
    QTest::newRow("tab and LF stay") << QStringLiteral("a\tb\nc") << QStringLiteral("a\tb\nc");
    QTest::newRow("CR LF") << QStringLiteral("a\r\nb") << QStringLiteral("a\nb");
    QTest::newRow("lone CR") << QStringLiteral("a\rb\r") << QStringLiteral("a\nb\n");
    QTest::newRow("NUL") << (QStringLiteral("a") + QChar(0) + QStringLiteral("b")) << QStringLiteral("a\uFFFDb");
    QTest::newRow("every other C0") << QStringLiteral("\x01\x08\x0b\x0c\x0e\x1f") << QString(6, QChar(0xFFFD));
    QTest::newRow("DEL is allowed") << QStringLiteral("a\x7f") << QStringLiteral("a\x7f");
    QTest::newRow("non-characters") << QStringLiteral("\uFFFE\uFFFF") << QString(2, QChar(0xFFFD));
    QTest::newRow("pair kept") << QString::fromUtf8("\xF0\x9F\x98\x80") << QString::fromUtf8("\xF0\x9F\x98\x80");
    QTest::newRow("lone high") << (QStringLiteral("a") + QChar(0xD83D)) << QStringLiteral("a\uFFFD");
    QTest::newRow("lone low") << (QChar(0xDE00) + QStringLiteral("a")) << QStringLiteral("\uFFFDa");
}

void SpreadsheetTextTest::shouldReplaceWhatXmlCannotHold()
{
    QFETCH(QString, text);
    QFETCH(QString, clean);
    QCOMPARE(withReplacedControlCharacters(text), clean);
    QCOMPARE(xlsxCellText(text), clean);
}

void SpreadsheetTextTest::shouldEscapeTextThatLooksLikeAnOoxmlEscape()
{
    QCOMPARE(xlsxCellText(QStringLiteral("_x0041_")), QStringLiteral("_x005F_x0041_"));
    QCOMPARE(xlsxCellText(QStringLiteral("a_xBEEF_b_x12_")), QStringLiteral("a_x005F_xBEEF_b_x12_"));
    QCOMPARE(xlsxCellText(QStringLiteral("snake_case_x")), QStringLiteral("snake_case_x"));
    QCOMPARE(withReplacedControlCharacters(QStringLiteral("_x0041_")), QStringLiteral("_x0041_"));
}

void SpreadsheetTextTest::shouldCutACellAtTheSpreadsheetLimit()
{
    const QString cut = xlsxCellText(QString(40'000, u'a'));
    QCOMPARE(cut.size(), XlsxMaxCellCharacters);
    QVERIFY(cut.endsWith(u'\u2026'));
    QCOMPARE(xlsxCellText(QString(XlsxMaxCellCharacters, u'a')).size(), XlsxMaxCellCharacters);

    QString escapes;
    while (escapes.size() < 32'000)
        escapes += QStringLiteral("_x0041_");
    const QString escapedCut = xlsxCellText(escapes);
    QVERIFY(escapedCut.size() <= XlsxMaxCellCharacters);
    QVERIFY(escapedCut.endsWith(u'\u2026'));

    QString emoji;
    while (emoji.size() < 40'000)
        emoji += QString::fromUtf8("\xF0\x9F\x98\x80");
    const QString emojiCut = xlsxCellText(emoji);
    QVERIFY(emojiCut.size() <= XlsxMaxCellCharacters);
    QVERIFY2(!emojiCut.chopped(1).back().isHighSurrogate(), "never half a pair");
}

void SpreadsheetTextTest::shouldChooseTheFormatByNameOrExtension()
{
    QCOMPARE(exportFormatForFileName(QStringLiteral("accounts.xlsx")), ExportFormat::Xlsx);
    QCOMPARE(exportFormatForFileName(QStringLiteral("/tmp/A.XLSX")), ExportFormat::Xlsx);
    QCOMPARE(exportFormatForFileName(QStringLiteral("accounts.json")), ExportFormat::Json);
    QCOMPARE(exportFormatForFileName(QStringLiteral("accounts.csv")), ExportFormat::Csv);
    QCOMPARE(exportFormatForFileName(QStringLiteral("accounts.txt")), ExportFormat::Csv);
    QCOMPARE(exportFormatForFileName(QStringLiteral("-")), ExportFormat::Csv);
    QCOMPARE(exportFormatFromName(u"JSON"), std::optional(ExportFormat::Json));
    QCOMPARE(exportFormatFromName(u"xls"), std::nullopt);
    QCOMPARE(exportFormatName(ExportFormat::Xlsx), QStringLiteral("xlsx"));
}

QTEST_GUILESS_MAIN(SpreadsheetTextTest)
#include "test_spreadsheet_text.moc"
