#include "endpoints/endpointresolver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// botocore's own endpoint cases for Compute Optimizer; ENDPOINT_TESTS may point at another copy.
class EndpointSuiteTest : public QObject
{
    Q_OBJECT

private:
    static QString suitePath()
    {
        const QString overridden = qEnvironmentVariable("ENDPOINT_TESTS");
        return overridden.isEmpty()
            ? QStringLiteral(TEST_DATA_DIR "/endpoints/compute-optimizer-endpoint-tests-1.json")
            : overridden;
    }

    static QJsonArray testCases()
    {
        QFile file(suitePath());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll())
            .object()
            .value(QLatin1String("testCases"))
            .toArray();
    }

private Q_SLOTS:
    void shouldReadEveryCaseOfTheSuite()
    {
        const QJsonArray cases = testCases();
        QVERIFY2(!cases.isEmpty(), qPrintable(QStringLiteral("No cases in %1").arg(suitePath())));
        if (qEnvironmentVariableIsEmpty("ENDPOINT_TESTS"))
            QCOMPARE(cases.size(), 37);
    }

    void shouldResolveLikeBotocore_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<bool>("useFips");
        QTest::addColumn<bool>("useDualStack");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("expectedUrl");
        QTest::addColumn<QString>("expectedError");

        const QJsonArray cases = testCases();
        for (const QJsonValue &entry : cases) {
            const QJsonObject testCase = entry.toObject();
            const QJsonObject params = testCase.value(QLatin1String("params")).toObject();
            const QJsonObject expect = testCase.value(QLatin1String("expect")).toObject();
            QTest::newRow(qPrintable(testCase.value(QLatin1String("documentation")).toString()))
                << params.value(QLatin1String("Region")).toString()
                << params.value(QLatin1String("UseFIPS")).toBool()
                << params.value(QLatin1String("UseDualStack")).toBool()
                << params.value(QLatin1String("Endpoint")).toString()
                << expect.value(QLatin1String("endpoint"))
                       .toObject()
                       .value(QLatin1String("url"))
                       .toString()
                << expect.value(QLatin1String("error")).toString();
        }
    }

    void shouldResolveLikeBotocore()
    {
        QFETCH(QString, region);
        QFETCH(bool, useFips);
        QFETCH(bool, useDualStack);
        QFETCH(QString, endpoint);
        QFETCH(QString, expectedUrl);
        QFETCH(QString, expectedError);

        const Expected<ResolvedEndpoint> resolved
            = resolveComputeOptimizerEndpoint({region, useFips, useDualStack, endpoint});

        if (!expectedError.isEmpty()) {
            QVERIFY2(!resolved, "resolution should have failed");
            QVERIFY2(resolved.error().startsWith(expectedError), qPrintable(resolved.error()));
            QVERIFY2(resolved.error().size() > expectedError.size(),
                     "the error should say what to do next");
            return;
        }
        QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error()));
        QCOMPARE(resolved->url.toString(), expectedUrl);
        QCOMPARE(resolved->signingName, QStringLiteral("compute-optimizer"));
        QCOMPARE(resolved->signingRegion, region);
    }
};

QTEST_GUILESS_MAIN(EndpointSuiteTest)
#include "test_endpoint_suite.moc"
