#include "network/enrollmenterror.h"

#include <QtTest>

class AwsJsonErrorsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldParseEverySmithyErrorCase_data();
    void shouldParseEverySmithyErrorCase();
    void shouldExplainEachOperationError_data();
    void shouldExplainEachOperationError();
};

void AwsJsonErrorsTest::shouldParseEverySmithyErrorCase_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QVariantMap>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedCode");
    QTest::addColumn<QVariant>("expectedMessage");

    const QString path = qEnvironmentVariable("JSON_ERROR_TESTS", QStringLiteral(TEST_DATA_DIR "/json-errors.json"));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QJsonArray cases = QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("cases")).toArray();
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue &value : cases) {
        const QJsonObject testCase = value.toObject();
        QTest::newRow(qPrintable(testCase.value(QLatin1String("id")).toString()))
            << testCase.value(QLatin1String("status")).toInt()
            << testCase.value(QLatin1String("headers")).toObject().toVariantMap()
            << testCase.value(QLatin1String("body")).toString().toUtf8()
            << testCase.value(QLatin1String("expectErrorCode")).toString()
            << testCase.value(QLatin1String("expectMessage")).toVariant();
    }
}

void AwsJsonErrorsTest::shouldParseEverySmithyErrorCase()
{
    QFETCH(int, status);
    QFETCH(QVariantMap, headers);
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedCode);
    QFETCH(QVariant, expectedMessage);

    HttpHeaders httpHeaders;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        httpHeaders.append({it.key().toLatin1(), it.value().toString().toUtf8()});
    const AwsError error = parseAwsJsonError(status, httpHeaders, body);
    QCOMPARE(error.code, expectedCode);
    QCOMPARE(error.httpStatus, status);
    if (expectedMessage.isValid() && !expectedMessage.isNull())
        QCOMPARE(error.message, expectedMessage.toString());
}

void AwsJsonErrorsTest::shouldExplainEachOperationError_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("serverMessage");
    QTest::addColumn<QString>("mustSay");
    QTest::newRow("access denied") << 400 << QStringLiteral("AccessDeniedException") << QStringLiteral("no")
                                   << QStringLiteral("management account or a delegated administrator");
    QTest::newRow("missing authentication token") << 403 << QStringLiteral("MissingAuthenticationToken") << QString()
                                                  << QStringLiteral("without credentials");
    QTest::newRow("invalid signature") << 403 << QStringLiteral("InvalidSignatureException") << QString()
                                       << QStringLiteral("secret access key");
    QTest::newRow("invalid signature names the clock") << 403 << QStringLiteral("InvalidSignatureException")
                                                       << QString() << QStringLiteral("clock");
    QTest::newRow("invalid parameter keeps server text")
        << 400 << QStringLiteral("InvalidParameterValueException") << QStringLiteral("maxResults must be <= 1000")
        << QStringLiteral("maxResults must be <= 1000");
    QTest::newRow("throttling") << 400 << QStringLiteral("ThrottlingException") << QString()
                                << QStringLiteral("retry");
    QTest::newRow("service unavailable") << 503 << QStringLiteral("ServiceUnavailableException") << QString()
                                         << QStringLiteral("unavailable");
    QTest::newRow("internal server error") << 500 << QStringLiteral("InternalServerException") << QString()
                                           << QStringLiteral("internal error");
    QTest::newRow("unknown error names the code") << 400 << QStringLiteral("BrandNewException") << QString()
                                                  << QStringLiteral("BrandNewException");
}

void AwsJsonErrorsTest::shouldExplainEachOperationError()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, serverMessage);
    QFETCH(QString, mustSay);
    AwsError error;
    error.httpStatus = status;
    error.code = code;
    error.message = serverMessage;
    const QString explanation = explainEnrollmentError(error);
    QVERIFY2(explanation.contains(mustSay, Qt::CaseInsensitive), qPrintable(explanation));
}

QTEST_GUILESS_MAIN(AwsJsonErrorsTest)
#include "test_aws_json_errors.moc"
