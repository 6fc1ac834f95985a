#include "network/listaccountsparser.h"

#include <QtTest>

class ListAccountsParserTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadNamesEmailsAndToken();
    void shouldKeepAccountsWithoutNameOrEmail();
    void shouldRejectMalformedPages_data();
    void shouldRejectMalformedPages();
};

void ListAccountsParserTest::shouldReadNamesEmailsAndToken()
{
    const auto page = parseListAccountsPage(
        R"({"Accounts":[{"Id":"000011112222","Name":"payments, prod","Email":"a@example.com","Status":"ACTIVE"}],)"
        R"("NextToken":"abc"})");
    QVERIFY(page);
    QCOMPARE(page->names.size(), 1);
    QCOMPARE(page->names.value(QStringLiteral("000011112222")).name, QStringLiteral("payments, prod"));
    QCOMPARE(page->names.value(QStringLiteral("000011112222")).email, QStringLiteral("a@example.com"));
    QCOMPARE(page->nextToken, QStringLiteral("abc"));
}

void ListAccountsParserTest::shouldKeepAccountsWithoutNameOrEmail()
{
    const auto page = parseListAccountsPage(R"({"Accounts":[{"Id":"000011112222"}]})");
    QVERIFY(page);
    QVERIFY(page->names.contains(QStringLiteral("000011112222")));
    QVERIFY(page->nextToken.isEmpty());
}

void ListAccountsParserTest::shouldRejectMalformedPages_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << QByteArray("<html>");
    QTest::newRow("accounts not a list") << QByteArray(R"({"Accounts":{}})");
    QTest::newRow("account without id") << QByteArray(R"({"Accounts":[{"Name":"x"}]})");
    QTest::newRow("token is a number") << QByteArray(R"({"Accounts":[],"NextToken":3})");
}

void ListAccountsParserTest::shouldRejectMalformedPages()
{
    QFETCH(QByteArray, body);
    QVERIFY(!parseListAccountsPage(body));
}

QTEST_GUILESS_MAIN(ListAccountsParserTest)
#include "test_list_accounts_parser.moc"
