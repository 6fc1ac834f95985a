#include "client/clockskew.h"

#include <QtTest>

class ClockSkewTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldCorrectOnlyLargeSkewOnTimeErrors_data();
    void shouldCorrectOnlyLargeSkewOnTimeErrors();
};

void ClockSkewTest::shouldCorrectOnlyLargeSkewOnTimeErrors_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QByteArray>("serverDate");
    QTest::addColumn<qint64>("expectedSkewMs"); // 0 = no correction

    // Our clock reads 2024-04-04T12:00:00Z.
    QTest::newRow("server 10 minutes ahead") << QStringLiteral("InvalidSignatureException")
                                             << QByteArray("Thu, 04 Apr 2024 12:10:00 GMT") << qint64(600'000);
    QTest::newRow("server 10 minutes behind") << QStringLiteral("InvalidSignatureException")
                                              << QByteArray("Thu, 04 Apr 2024 11:50:00 GMT") << qint64(-600'000);
    QTest::newRow("RequestTimeTooSkewed") << QStringLiteral("RequestTimeTooSkewed")
                                          << QByteArray("Thu, 04 Apr 2024 13:00:00 GMT") << qint64(3'600'000);
    QTest::newRow("three minutes is within tolerance") << QStringLiteral("InvalidSignatureException")
                                                       << QByteArray("Thu, 04 Apr 2024 12:03:00 GMT") << qint64(0);
    QTest::newRow("not a time error") << QStringLiteral("AccessDeniedException")
                                      << QByteArray("Thu, 04 Apr 2024 12:10:00 GMT") << qint64(0);
    QTest::newRow("no Date header") << QStringLiteral("InvalidSignatureException") << QByteArray() << qint64(0);
    QTest::newRow("unreadable Date header") << QStringLiteral("InvalidSignatureException")
                                            << QByteArray("yesterday") << qint64(0);
}

void ClockSkewTest::shouldCorrectOnlyLargeSkewOnTimeErrors()
{
    QFETCH(QString, code);
    QFETCH(QByteArray, serverDate);
    QFETCH(qint64, expectedSkewMs);
    AwsError error;
    error.httpStatus = 400;
    error.code = code;
    const QDateTime ours(QDate(2024, 4, 4), QTime(12, 0), Qt::UTC);
    const auto skew = clockSkewCorrectionMs(error, serverDate, ours);
    if (expectedSkewMs == 0)
        QVERIFY(!skew.has_value());
    else
        QCOMPARE(skew.value_or(0), expectedSkewMs);
}

QTEST_GUILESS_MAIN(ClockSkewTest)
#include "test_clock_skew.moc"
