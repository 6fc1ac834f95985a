#include "endpoints/endpointresolver.h"

#include <QtTest>

Q_DECLARE_METATYPE(AwsService)

// The rule sets of the other services we call (values from botocore 1.43 for the same settings).
class ServiceEndpointsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldResolveEveryServiceWeCall_data();
    void shouldResolveEveryServiceWeCall();
    void shouldPassACustomEndpointThroughForEveryService();
};

void ServiceEndpointsTest::shouldResolveEveryServiceWeCall_data()
{
    QTest::addColumn<AwsService>("service");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("signingRegion");
    QTest::addColumn<QString>("signingName");
    QTest::newRow("organizations in us-east-1") << AwsService::Organizations << QStringLiteral("us-east-1")
                                                << QStringLiteral("https://organizations.us-east-1.amazonaws.com")
                                                << QStringLiteral("us-east-1") << QStringLiteral("organizations");
    QTest::newRow("organizations is global: eu-west-1 signs for us-east-1")
        << AwsService::Organizations << QStringLiteral("eu-west-1")
        << QStringLiteral("https://organizations.us-east-1.amazonaws.com") << QStringLiteral("us-east-1")
        << QStringLiteral("organizations");
    QTest::newRow("organizations in China") << AwsService::Organizations << QStringLiteral("cn-north-1")
                                            << QStringLiteral("https://organizations.cn-northwest-1.amazonaws.com.cn")
                                            << QStringLiteral("cn-northwest-1") << QStringLiteral("organizations");
    QTest::newRow("organizations in GovCloud") << AwsService::Organizations << QStringLiteral("us-gov-east-1")
                                               << QStringLiteral("https://organizations.us-gov-west-1.amazonaws.com")
                                               << QStringLiteral("us-gov-west-1") << QStringLiteral("organizations");
    QTest::newRow("regional STS") << AwsService::Sts << QStringLiteral("us-west-2")
                                  << QStringLiteral("https://sts.us-west-2.amazonaws.com") << QStringLiteral("us-west-2")
                                  << QStringLiteral("sts");
    QTest::newRow("SSO portal") << AwsService::Sso << QStringLiteral("eu-west-1")
                                << QStringLiteral("https://portal.sso.eu-west-1.amazonaws.com")
                                << QStringLiteral("eu-west-1") << QStringLiteral("awsssoportal");
    QTest::newRow("SSO OIDC") << AwsService::SsoOidc << QStringLiteral("eu-west-1")
                              << QStringLiteral("https://oidc.eu-west-1.amazonaws.com") << QStringLiteral("eu-west-1")
                              << QStringLiteral("sso-oauth");
}

void ServiceEndpointsTest::shouldResolveEveryServiceWeCall()
{
    QFETCH(AwsService, service);
    QFETCH(QString, region);
    QFETCH(QString, url);
    QFETCH(QString, signingRegion);
    QFETCH(QString, signingName);
    EndpointParameters parameters;
    parameters.region = region;
    const auto endpoint = resolveEndpoint(service, parameters);
    QVERIFY2(endpoint, qPrintable(endpoint.hasValue() ? QString() : endpoint.error()));
    QCOMPARE(endpoint->url.toString(), url);
    QCOMPARE(endpoint->signingRegion, signingRegion);
    QCOMPARE(endpoint->signingName, signingName);
}

void ServiceEndpointsTest::shouldPassACustomEndpointThroughForEveryService()
{
    for (AwsService service : {AwsService::ComputeOptimizer, AwsService::Organizations, AwsService::Sts,
                               AwsService::Sso, AwsService::SsoOidc}) {
        EndpointParameters parameters;
        parameters.region = QStringLiteral("us-east-1");
        parameters.endpoint = QStringLiteral("http://127.0.0.1:4567");
        const auto endpoint = resolveEndpoint(service, parameters);
        QVERIFY(endpoint);
        QCOMPARE(endpoint->url.toString(), QStringLiteral("http://127.0.0.1:4567"));
        QCOMPARE(endpoint->signingName, signingNameOf(service));
    }
}

QTEST_GUILESS_MAIN(ServiceEndpointsTest)
#include "test_service_endpoints.moc"
