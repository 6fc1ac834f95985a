#include "export/jsonexportwriter.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

QByteArray written(const QList<AccountEnrollment> &accounts, const AccountNames *names = nullptr)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    JsonExportWriter writer(&buffer, names);
    if (!writer.write(accounts))
        return {};
    return buffer.data();
}

QJsonArray statusesIn(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return {};
    return document.object().value(QLatin1String("accountEnrollmentStatuses")).toArray();
}

} // namespace

class JsonExportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldWriteOneDocumentWithAwsFieldNames();
    void shouldLeaveOutWhatTheServiceDidNotSend();
    void shouldAddNamesAndEmailsWhereKnown();
    void shouldKeepEveryCharacterExactly();
    void shouldWriteAnEmptyList();
    void shouldReportAFullDevice();
};

void JsonExportTest::shouldWriteOneDocumentWithAwsFieldNames()
{
    const QDateTime whole(QDate(2024, 4, 4), QTime(17, 37, 13), Qt::UTC);
    const QDateTime fraction(QDate(2024, 4, 5), QTime(1, 2, 3, 450), Qt::UTC);
    const QJsonArray statuses = statusesIn(written(
        {account(QStringLiteral("012345678901"), QStringLiteral("Active"), QStringLiteral("ok"),
                 whole.toMSecsSinceEpoch()),
         account(QStringLiteral("222233334444"), QStringLiteral("Failed"), QStringLiteral("denied"),
                 fraction.toMSecsSinceEpoch(), true)}));
    QCOMPARE(statuses.size(), 2);
    const QJsonObject first = statuses.at(0).toObject();
    QCOMPARE(first.keys(), (QStringList{QStringLiteral("accountId"), QStringLiteral("lastUpdatedTimestamp"),
                                        QStringLiteral("status"), QStringLiteral("statusReason")}));
    QCOMPARE(first.value(QLatin1String("accountId")).toString(), QStringLiteral("012345678901"));
    QCOMPARE(first.value(QLatin1String("status")).toString(), QStringLiteral("Active"));
    QCOMPARE(first.value(QLatin1String("statusReason")).toString(), QStringLiteral("ok"));
    QCOMPARE(first.value(QLatin1String("lastUpdatedTimestamp")).toString(), QStringLiteral("2024-04-04T17:37:13Z"));
    QCOMPARE(statuses.at(1).toObject().value(QLatin1String("lastUpdatedTimestamp")).toString(),
             QStringLiteral("2024-04-05T01:02:03.450Z"));
}

void JsonExportTest::shouldLeaveOutWhatTheServiceDidNotSend()
{
    const QJsonArray statuses = statusesIn(written({account(QStringLiteral("111122223333"), QStringLiteral("Pending")),
                                                    account(QStringLiteral("222233334444"), QStringLiteral("Active"),
                                                            QString())}));
    QCOMPARE(statuses.at(0).toObject().keys(), (QStringList{QStringLiteral("accountId"), QStringLiteral("status")}));
    QVERIFY2(statuses.at(1).toObject().contains(QLatin1String("statusReason")), "an empty reason the service sent stays");
}

void JsonExportTest::shouldAddNamesAndEmailsWhereKnown()
{
    AccountNames names;
    names.insert(QStringLiteral("111122223333"), {QStringLiteral("Finance"), QStringLiteral("f@example.com")});
    names.insert(QStringLiteral("222233334444"), {QStringLiteral("No mail"), QString()});
    const QJsonArray statuses = statusesIn(written({account(QStringLiteral("111122223333"), QStringLiteral("Active")),
                                                    account(QStringLiteral("222233334444"), QStringLiteral("Active")),
                                                    account(QStringLiteral("333344445555"), QStringLiteral("Active"))},
                                                   &names));
    QCOMPARE(statuses.size(), 3);
    QCOMPARE(statuses.at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("Finance"));
    QCOMPARE(statuses.at(0).toObject().value(QLatin1String("email")).toString(), QStringLiteral("f@example.com"));
    QVERIFY(!statuses.at(1).toObject().contains(QLatin1String("email")));
    QVERIFY(!statuses.at(2).toObject().contains(QLatin1String("name")));
}

void JsonExportTest::shouldKeepEveryCharacterExactly()
{
    const QString awkward = QStringLiteral("=HYPERLINK(\"x\") \\ \t\r\n\x01\x1f ") + QChar(0)
        + QString::fromUtf8(" Ñandú \xF0\x9F\xA6\x84 _x0041_");
    const QByteArray json = written({account(QStringLiteral("111122223333"), QStringLiteral("Active"), awkward)});
    const QJsonArray statuses = statusesIn(json);
    QCOMPARE(statuses.at(0).toObject().value(QLatin1String("statusReason")).toString(), awkward);
    QVERIFY2(json.contains("\\u0001"), json.constData());
    QVERIFY(json.contains("\xF0\x9F\xA6\x84")); // UTF-8 as it is, not \u-escaped
}

void JsonExportTest::shouldWriteAnEmptyList()
{
    const QByteArray json = written({});
    QVERIFY(QJsonDocument::fromJson(json).isObject());
    QCOMPARE(statusesIn(json).size(), 0);
}

void JsonExportTest::shouldReportAFullDevice()
{
    QFile full(QStringLiteral("/dev/full"));
    if (!full.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        QSKIP("/dev/full is not available here");
    JsonExportWriter writer(&full);
    QVERIFY(!writer.write({account(QStringLiteral("111122223333"), QStringLiteral("Active"))}));
    QVERIFY(!writer.errorString().isEmpty());
}

QTEST_GUILESS_MAIN(JsonExportTest)
#include "test_json_export.moc"
