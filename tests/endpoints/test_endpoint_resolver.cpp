#include "endpoints/endpointresolver.h"

#include <QTest>

#include <thread>
#include <vector>

class EndpointResolverTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldGiveSameAnswerOnManyThreadsAtOnce()
    {
        // First in this file on purpose: the built-in data is parsed lazily, and racing first
        // uses must still agree.
        constexpr int threadCount = 8;
        std::vector<QString> urls(threadCount);
        std::vector<std::thread> threads;
        for (int i = 0; i < threadCount; ++i) {
            threads.emplace_back([&urls, i] {
                const Expected<ResolvedEndpoint> resolved = resolveComputeOptimizerEndpoint(
                    {QStringLiteral("ap-southeast-2"), i % 2 == 0, false, QString()});
                urls[static_cast<size_t>(i)]
                    = resolved ? resolved->url.toString() : resolved.error();
            });
        }
        for (std::thread &thread : threads)
            thread.join();

        for (int i = 0; i < threadCount; ++i) {
            QCOMPARE(
                urls[static_cast<size_t>(i)],
                i % 2 == 0
                    ? QStringLiteral("https://compute-optimizer-fips.ap-southeast-2.amazonaws.com")
                    : QStringLiteral("https://compute-optimizer.ap-southeast-2.amazonaws.com"));
        }
    }

    void shouldResolveHostForRegionAndPartition_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<bool>("useFips");
        QTest::addColumn<bool>("useDualStack");
        QTest::addColumn<QString>("expectedUrl");

        QTest::newRow("china region uses the amazonaws.com.cn suffix")
            << QStringLiteral("cn-north-1") << false << false
            << QStringLiteral("https://compute-optimizer.cn-north-1.amazonaws.com.cn");
        QTest::newRow("govcloud west with FIPS")
            << QStringLiteral("us-gov-west-1") << true << false
            << QStringLiteral("https://compute-optimizer-fips.us-gov-west-1.amazonaws.com");
        QTest::newRow("govcloud east with FIPS and dual-stack")
            << QStringLiteral("us-gov-east-1") << true << true
            << QStringLiteral("https://compute-optimizer-fips.us-gov-east-1.api.aws");
        QTest::newRow("region matching no partition pattern falls back to aws")
            << QStringLiteral("mars-west-1") << false << false
            << QStringLiteral("https://compute-optimizer.mars-west-1.amazonaws.com");
        QTest::newRow("unknown region in the aws pattern uses the aws partition")
            << QStringLiteral("eu-future-9") << false << true
            << QStringLiteral("https://compute-optimizer.eu-future-9.api.aws");
        QTest::newRow("dual-stack in aws uses api.aws")
            << QStringLiteral("eu-west-1") << false << true
            << QStringLiteral("https://compute-optimizer.eu-west-1.api.aws");
        QTest::newRow("dual-stack in china uses api.amazonwebservices.com.cn")
            << QStringLiteral("cn-northwest-1") << false << true
            << QStringLiteral(
                   "https://compute-optimizer.cn-northwest-1.api.amazonwebservices.com.cn");
        QTest::newRow("european sovereign cloud with dual-stack")
            << QStringLiteral("eusc-de-east-1") << false << true
            << QStringLiteral("https://compute-optimizer.eusc-de-east-1.api.amazonwebservices.eu");
        QTest::newRow("iso-e region by pattern")
            << QStringLiteral("eu-isoe-west-1") << true << false
            << QStringLiteral("https://compute-optimizer-fips.eu-isoe-west-1.cloud.adc-e.uk");
        QTest::newRow("iso-f region with FIPS and dual-stack")
            << QStringLiteral("us-isof-south-1") << true << true
            << QStringLiteral("https://compute-optimizer-fips.us-isof-south-1.api.aws.hci.ic.gov");
    }

    void shouldResolveHostForRegionAndPartition()
    {
        QFETCH(QString, region);
        QFETCH(bool, useFips);
        QFETCH(bool, useDualStack);
        QFETCH(QString, expectedUrl);

        const Expected<ResolvedEndpoint> resolved
            = resolveComputeOptimizerEndpoint({region, useFips, useDualStack, QString()});

        QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error()));
        QCOMPARE(resolved->url, QUrl(expectedUrl));
        QCOMPARE(resolved->signingRegion, region);
        QCOMPARE(resolved->signingName, QStringLiteral("compute-optimizer"));
    }

    void shouldPassPlainHttpLoopbackEndpointThrough()
    {
        const Expected<ResolvedEndpoint> resolved = resolveComputeOptimizerEndpoint(
            {QStringLiteral("us-west-2"), false, false, QStringLiteral("http://127.0.0.1:1234")});

        QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error()));
        QCOMPARE(resolved->url.scheme(), QStringLiteral("http"));
        QCOMPARE(resolved->url.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(resolved->url.port(), 1234);
        QCOMPARE(resolved->signingRegion, QStringLiteral("us-west-2"));
        QCOMPARE(resolved->signingName, QStringLiteral("compute-optimizer"));
    }

    void shouldKeepCustomEndpointPathAsGiven()
    {
        const Expected<ResolvedEndpoint> resolved = resolveComputeOptimizerEndpoint(
            {QString(), false, false, QStringLiteral("http://127.0.0.1:8080/simulator/")});

        QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error()));
        QCOMPARE(resolved->url.toString(), QStringLiteral("http://127.0.0.1:8080/simulator/"));
        QVERIFY(resolved->signingRegion.isEmpty());
    }

    void shouldRejectCustomEndpointWithoutScheme()
    {
        const Expected<ResolvedEndpoint> resolved = resolveComputeOptimizerEndpoint(
            {QStringLiteral("us-east-1"), false, false, QStringLiteral("127.0.0.1:1234")});

        QVERIFY(!resolved);
        QVERIFY2(resolved.error().contains(QLatin1String("127.0.0.1:1234")),
                 qPrintable(resolved.error()));
        QVERIFY2(resolved.error().contains(QLatin1String("http://")), qPrintable(resolved.error()));
    }

    void shouldRejectRegionThatCannotBeAHostLabel_data()
    {
        QTest::addColumn<QString>("region");
        QTest::newRow("slash") << QStringLiteral("us-east-1/evil");
        QTest::newRow("dot") << QStringLiteral("us-east-1.example.com");
        QTest::newRow("leading hyphen") << QStringLiteral("-us-east-1");
        QTest::newRow("space") << QStringLiteral("us east 1");
    }

    void shouldRejectRegionThatCannotBeAHostLabel()
    {
        QFETCH(QString, region);

        const Expected<ResolvedEndpoint> resolved
            = resolveComputeOptimizerEndpoint({region, false, false, QString()});

        QVERIFY(!resolved);
        QVERIFY2(resolved.error().contains(region), qPrintable(resolved.error()));
    }

    void shouldExplainRuleSetErrorsWithWhatToDo_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<bool>("useFips");
        QTest::addColumn<bool>("useDualStack");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("awsText");
        QTest::addColumn<QString>("advice");

        QTest::newRow("missing region") << QString() << false << false << QString()
                                        << QStringLiteral("Invalid Configuration: Missing Region")
                                        << QStringLiteral("AWS_REGION");
        QTest::newRow("FIPS with custom endpoint")
            << QStringLiteral("us-east-1") << true << false
            << QStringLiteral("http://127.0.0.1:1234")
            << QStringLiteral("Invalid Configuration: FIPS and custom endpoint are not supported")
            << QStringLiteral("AWS_USE_FIPS_ENDPOINT");
        QTest::newRow("dual-stack with custom endpoint")
            << QStringLiteral("us-east-1") << false << true
            << QStringLiteral("http://127.0.0.1:1234")
            << QStringLiteral(
                   "Invalid Configuration: Dualstack and custom endpoint are not supported")
            << QStringLiteral("AWS_USE_DUALSTACK_ENDPOINT");
    }

    void shouldExplainRuleSetErrorsWithWhatToDo()
    {
        QFETCH(QString, region);
        QFETCH(bool, useFips);
        QFETCH(bool, useDualStack);
        QFETCH(QString, endpoint);
        QFETCH(QString, awsText);
        QFETCH(QString, advice);

        const Expected<ResolvedEndpoint> resolved
            = resolveComputeOptimizerEndpoint({region, useFips, useDualStack, endpoint});

        QVERIFY(!resolved);
        QVERIFY2(resolved.error().startsWith(awsText + QLatin1Char('.')),
                 qPrintable(resolved.error()));
        QVERIFY2(resolved.error().contains(advice), qPrintable(resolved.error()));
    }
};

QTEST_GUILESS_MAIN(EndpointResolverTest)
#include "test_endpoint_resolver.moc"
