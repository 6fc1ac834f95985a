#include "enrollment/enrollmentpageparser.h"

#include <QtTest>

class EnrollmentPageParserTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadTimestampsInEveryNumberForm_data();
    void shouldReadTimestampsInEveryNumberForm();
    void shouldKeepUnknownStatusText();
    void shouldAcceptMissingReasonAndIgnoreUnknownMembers();
    void shouldKeepLeadingZerosInAccountIds();
    void shouldTreatMissingListAsEmptyPage();
    void shouldReadNextToken();
    void shouldRejectMalformedPages_data();
    void shouldRejectMalformedPages();
};

void EnrollmentPageParserTest::shouldReadTimestampsInEveryNumberForm_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::addColumn<qint64>("msecs");
    QTest::addColumn<bool>("hasFraction");
    QTest::newRow("integer") << QByteArray("1712252233") << qint64(1712252233000) << false;
    QTest::newRow("fraction") << QByteArray("1712252233.456") << qint64(1712252233456) << true;
    QTest::newRow("exponent") << QByteArray("1.6084512E9") << qint64(1608451200000) << false;
    QTest::newRow("lower-case exponent with fraction") << QByteArray("1.6084512345e9") << qint64(1608451234500)
                                                       << true;
}

void EnrollmentPageParserTest::shouldReadTimestampsInEveryNumberForm()
{
    QFETCH(QByteArray, number);
    QFETCH(qint64, msecs);
    QFETCH(bool, hasFraction);
    const QByteArray body = R"({"accountEnrollmentStatuses":[{"accountId":"111122223333","status":"Active",)"
                            R"("lastUpdatedTimestamp":)"
        + number + "}]}";
    const auto page = parseEnrollmentPage(body);
    QVERIFY2(page, qPrintable(page.hasValue() ? QString() : page.error()));
    QCOMPARE(page->accounts.size(), 1);
    QCOMPARE(page->accounts[0].lastUpdatedMsecs.value(), msecs);
    QCOMPARE(page->accounts[0].lastUpdatedHasFraction, hasFraction);
}

void EnrollmentPageParserTest::shouldKeepUnknownStatusText()
{
    const auto page = parseEnrollmentPage(R"({"accountEnrollmentStatuses":[{"accountId":"111122223333",)"
                                          R"("status":"Suspended","lastUpdatedTimestamp":1}]})");
    QVERIFY(page);
    QCOMPARE(page->accounts[0].statusText, QStringLiteral("Suspended"));
    QCOMPARE(page->accounts[0].status, EnrollmentStatus::Other);
}

void EnrollmentPageParserTest::shouldAcceptMissingReasonAndIgnoreUnknownMembers()
{
    const auto page = parseEnrollmentPage(
        R"({"accountEnrollmentStatuses":[{"accountId":"111122223333","status":"Failed","futureField":{"a":1}},)"
        R"({"accountId":"444455556666","status":"Pending","statusReason":"Waiting, \"soon\"\n日本"}],"extra":true})");
    QVERIFY(page);
    QCOMPARE(page->accounts.size(), 2);
    QVERIFY(!page->accounts[0].statusReason.has_value());
    QVERIFY(!page->accounts[0].lastUpdatedMsecs.has_value());
    QCOMPARE(page->accounts[0].status, EnrollmentStatus::Failed);
    QCOMPARE(page->accounts[1].statusReason.value(), QStringLiteral("Waiting, \"soon\"\n日本"));
}

void EnrollmentPageParserTest::shouldKeepLeadingZerosInAccountIds()
{
    const auto page = parseEnrollmentPage(R"({"accountEnrollmentStatuses":[{"accountId":"000012345678","status":"Active"}]})");
    QVERIFY(page);
    QCOMPARE(page->accounts[0].accountId, QStringLiteral("000012345678"));
}

void EnrollmentPageParserTest::shouldTreatMissingListAsEmptyPage()
{
    const auto page = parseEnrollmentPage("{}");
    QVERIFY(page);
    QVERIFY(page->accounts.isEmpty());
    QVERIFY(page->nextToken.isEmpty());
}

void EnrollmentPageParserTest::shouldReadNextToken()
{
    const auto page = parseEnrollmentPage(R"({"accountEnrollmentStatuses":[],"nextToken":"abc=="})");
    QVERIFY(page);
    QCOMPARE(page->nextToken, QStringLiteral("abc=="));
    const auto last = parseEnrollmentPage(R"({"accountEnrollmentStatuses":[],"nextToken":null})");
    QVERIFY(last);
    QVERIFY(last->nextToken.isEmpty());
}

void EnrollmentPageParserTest::shouldRejectMalformedPages_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty body") << QByteArray("") << QStringLiteral("empty");
    QTest::newRow("not JSON") << QByteArray("<html>503</html>") << QStringLiteral("not valid JSON");
    QTest::newRow("truncated JSON") << QByteArray(R"({"accountEnrollmentStatuses":[{"accountId":"1)")
                                    << QStringLiteral("not valid JSON");
    QTest::newRow("array at top") << QByteArray("[]") << QStringLiteral("not an object");
    QTest::newRow("list is an object") << QByteArray(R"({"accountEnrollmentStatuses":{}})")
                                       << QStringLiteral("accountEnrollmentStatuses");
    QTest::newRow("entry is a string") << QByteArray(R"({"accountEnrollmentStatuses":["x"]})")
                                       << QStringLiteral("account entry 1");
    QTest::newRow("missing account id") << QByteArray(R"({"accountEnrollmentStatuses":[{"status":"Active"}]})")
                                        << QStringLiteral("accountId");
    QTest::newRow("numeric account id") << QByteArray(R"({"accountEnrollmentStatuses":[{"accountId":1234}]})")
                                        << QStringLiteral("accountId");
    QTest::newRow("timestamp as text")
        << QByteArray(R"({"accountEnrollmentStatuses":[{"accountId":"111122223333","lastUpdatedTimestamp":"x"}]})")
        << QStringLiteral("lastUpdatedTimestamp");
    QTest::newRow("status as number")
        << QByteArray(R"({"accountEnrollmentStatuses":[{"accountId":"111122223333","status":3}]})")
        << QStringLiteral("status");
    QTest::newRow("token as number") << QByteArray(R"({"nextToken":5})") << QStringLiteral("nextToken");
}

void EnrollmentPageParserTest::shouldRejectMalformedPages()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    const auto page = parseEnrollmentPage(body);
    QVERIFY(!page);
    QVERIFY2(page.error().contains(mentions), qPrintable(page.error()));
}

QTEST_GUILESS_MAIN(EnrollmentPageParserTest)
#include "test_enrollment_page_parser.moc"
