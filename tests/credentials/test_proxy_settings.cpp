// https_proxy, http_proxy and no_proxy as curl and AWS CLI read them, in either case; loopback
// goes direct unless asked; and every network access manager of ours, the fetcher's included,
// goes through the proxy they name.
#include "loadrecorder.h"
#include "awsfilesfixture.h"
#include "http/environmentproxyfactory.h"
#include "client/awsclient.h"
#include "network/loadsession.h"
#include "profiles/assumerolecredentialprovider.h"
#include "profiles/clientsettings.h"
#include "profiles/staticcredentialprovider.h"
#include "simulator/enrollmentsimulator.h"
#include "simulator/ssoportalsimulator.h"
#include "testcertificates.h"
#include "testproxy.h"

#include <QNetworkProxyQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

QProcessEnvironment environmentOf(const QStringList &assignments)
{
    QProcessEnvironment environment;
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(u'=');
        environment.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    return environment;
}

// The HTTP status the portal answered a GET with, through an AwsClient with network: its proxies
// and CA bundle. 0 with the failure's message when no answer came.
struct Answer
{
    int status = 0;
    QString failure;
};

std::optional<Answer> waitForAnswer(const NetworkSettings &network, const QUrl &url)
{
    ClientConfiguration configuration;
    configuration.network = network;
    configuration.maxAttempts = 1;
    AwsClient client(configuration);
    AwsRequest request;
    request.endpoint.url = url;
    request.endpoint.signingRegion = QStringLiteral("us-east-1");
    request.endpoint.signingName = QStringLiteral("awsssoportal");
    request.serviceName = QStringLiteral("IAM Identity Center (SSO portal)");
    request.operation = QStringLiteral("GetRoleCredentials");
    request.method = "GET";
    request.signing = AwsRequest::Signing::None;
    request.parseError = parseRestJsonError;
    auto answer = std::make_shared<std::optional<Answer>>();
    client.send(request, [answer](const AwsResult &result) {
        if (result)
            *answer = Answer{result->httpStatus, {}};
        else
            *answer = Answer{result.error().error.httpStatus, result.error().message};
    });
    if (!QTest::qWaitFor([&] { return answer->has_value(); }, 20'000))
        return std::nullopt;
    return *answer;
}

} // namespace

class ProxySettingsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void shouldReadProxiesFromTheEnvironment_data();
    void shouldReadProxiesFromTheEnvironment();
    void shouldRefuseProxyUrlsItCannotUse_data();
    void shouldRefuseProxyUrlsItCannotUse();
    void shouldDecideWhichHostsGoDirect_data();
    void shouldDecideWhichHostsGoDirect();
    void shouldGiveQtTheProxyForEachUrl();
    void shouldTunnelHttpsThroughTheProxy();
    void shouldGoDirectToHostsInNoProxy();
    void shouldSendLoopbackDirectUnlessAsked();
    void shouldLoadTheListThroughTheProxy();
    void shouldGiveStsCallsTheProxiesOfTheEnvironment();

private:
    QTemporaryDir m_dir;
    std::optional<TestCertificates> m_certificates;
};

void ProxySettingsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_certificates = makeTestCertificates(m_dir.path(), &error);
    QVERIFY2(m_certificates, qPrintable(error));
}

void ProxySettingsTest::shouldReadProxiesFromTheEnvironment_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("httpsProxy");
    QTest::addColumn<QString>("httpProxy");
    QTest::addColumn<QStringList>("noProxy");

    QTest::newRow("nothing set") << QStringList{} << QString() << QString() << QStringList{};
    QTest::newRow("lower case") << QStringList{"https_proxy=http://proxy.corp:3128", "no_proxy=.corp,10.0.0.0/8"}
                                << "http://proxy.corp:3128" << QString() << QStringList{".corp", "10.0.0.0/8"};
    QTest::newRow("upper case") << QStringList{"HTTPS_PROXY=http://proxy.corp:3128", "NO_PROXY=internal.example"}
                                << "http://proxy.corp:3128" << QString() << QStringList{"internal.example"};
    QTest::newRow("lower case wins over upper case")
        << QStringList{"https_proxy=http://lower:1", "HTTPS_PROXY=http://upper:2", "no_proxy=a", "NO_PROXY=b"}
        << "http://lower:1" << QString() << QStringList{"a"};
    QTest::newRow("an empty lower-case variable turns the proxy off")
        << QStringList{"https_proxy=", "HTTPS_PROXY=http://upper:2"} << QString() << QString() << QStringList{};
    QTest::newRow("http_proxy is for http:// URLs")
        << QStringList{"http_proxy=http://plain:8080", "HTTP_PROXY=http://other:1"} << QString()
        << "http://plain:8080" << QStringList{};
    QTest::newRow("a proxy without a scheme is http://")
        << QStringList{"HTTPS_PROXY=proxy.corp:3128"} << "http://proxy.corp:3128" << QString() << QStringList{};
    QTest::newRow("a proxy with a user and password")
        << QStringList{"https_proxy=http://jane:s%40cret@proxy.corp:3128"} << "http://jane:s%40cret@proxy.corp:3128"
        << QString() << QStringList{};
    QTest::newRow("SOCKS5") << QStringList{"https_proxy=socks5h://127.0.0.1:1080"} << "socks5h://127.0.0.1:1080"
                            << QString() << QStringList{};
    QTest::newRow("no_proxy separated by commas and blanks")
        << QStringList{"NO_PROXY= a.example , b.example  c.example,"} << QString() << QString()
        << QStringList{"a.example", "b.example", "c.example"};
}

void ProxySettingsTest::shouldReadProxiesFromTheEnvironment()
{
    QFETCH(QStringList, environment);
    QFETCH(QString, httpsProxy);
    QFETCH(QString, httpProxy);
    QFETCH(QStringList, noProxy);

    const Expected<ProxySettings> settings = proxySettingsFromEnvironment(environmentOf(environment));
    QVERIFY2(settings, settings ? "" : qPrintable(settings.error()));
    QCOMPARE(settings->httpsProxy.toString(QUrl::FullyEncoded), httpsProxy);
    QCOMPARE(settings->httpProxy.toString(QUrl::FullyEncoded), httpProxy);
    QCOMPARE(settings->noProxy, noProxy);
    QVERIFY(!settings->proxyLoopback);
}

void ProxySettingsTest::shouldRefuseProxyUrlsItCannotUse_data()
{
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<QString>("error");

    QTest::newRow("a TLS proxy") << "HTTPS_PROXY=https://proxy.corp:3128"
                                 << "HTTPS_PROXY names a https:// proxy, which Enrollment Desk cannot use. Use an "
                                    "http:// or socks5:// proxy URL, or unset HTTPS_PROXY.";
    QTest::newRow("no host") << "https_proxy=http://"
                             << "https_proxy is set to 'http://', which is not a proxy URL. Set it to a URL such as "
                                "http://proxy.example.com:3128, or unset it.";
    QTest::newRow("the password is not repeated") << "http_proxy=ftp://jane:hunter2@proxy.corp"
                                                  << "http_proxy names a ftp:// proxy, which Enrollment Desk cannot "
                                                     "use. Use an http:// or socks5:// proxy URL, or unset http_proxy.";
}

void ProxySettingsTest::shouldRefuseProxyUrlsItCannotUse()
{
    QFETCH(QString, assignment);
    QFETCH(QString, error);

    const Expected<ProxySettings> settings = proxySettingsFromEnvironment(environmentOf({assignment}));
    QVERIFY(!settings);
    QCOMPARE(settings.error(), error);
}

void ProxySettingsTest::shouldDecideWhichHostsGoDirect_data()
{
    QTest::addColumn<QString>("noProxy");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("proxyLoopback");
    QTest::addColumn<bool>("proxied");

    const QString aws = QStringLiteral("https://compute-optimizer.us-east-1.amazonaws.com/");
    QTest::newRow("no no_proxy") << QString() << aws << false << true;
    QTest::newRow("a star sends everything direct") << "*" << aws << false << false;
    QTest::newRow("a domain covers its subdomains") << "amazonaws.com" << aws << false << false;
    QTest::newRow("a leading dot means the same") << ".amazonaws.com" << aws << false << false;
    QTest::newRow("a leading star-dot means the same") << "*.amazonaws.com" << aws << false << false;
    QTest::newRow("names compare without case") << "AmazonAWS.com" << aws << false << false;
    QTest::newRow("a domain is not a suffix of another word")
        << "awsamazonaws.com,zonaws.com" << aws << false << true;
    QTest::newRow("the exact host") << "compute-optimizer.us-east-1.amazonaws.com" << aws << false << false;
    QTest::newRow("a port that matches") << "compute-optimizer.us-east-1.amazonaws.com:443" << aws << false << false;
    QTest::newRow("a port that does not match")
        << "compute-optimizer.us-east-1.amazonaws.com:8443" << aws << false << true;
    QTest::newRow("an IP address") << "10.1.2.3" << "https://10.1.2.3:8443/" << false << false;
    QTest::newRow("a CIDR block") << "10.0.0.0/8" << "https://10.1.2.3/" << false << false;
    QTest::newRow("outside the CIDR block") << "10.0.0.0/8" << "https://11.1.2.3/" << false << true;
    QTest::newRow("an IPv6 address") << "[fd00::1]" << "https://[fd00::1]/" << false << false;
    QTest::newRow("an IPv6 block") << "fd00::/8" << "https://[fd12::1]/" << false << false;
    QTest::newRow("loopback goes direct") << QString() << "http://127.0.0.1:4566/" << false << false;
    QTest::newRow("localhost goes direct") << QString() << "https://localhost:4566/" << false << false;
    QTest::newRow("IPv6 loopback goes direct") << QString() << "https://[::1]:4566/" << false << false;
    QTest::newRow("loopback through the proxy when asked") << QString() << "http://127.0.0.1:4566/" << true << true;
    QTest::newRow("no_proxy still wins when asked") << "127.0.0.1" << "http://127.0.0.1:4566/" << true << false;
}

void ProxySettingsTest::shouldDecideWhichHostsGoDirect()
{
    QFETCH(QString, noProxy);
    QFETCH(QString, target);
    QFETCH(bool, proxyLoopback);
    QFETCH(bool, proxied);

    Expected<ProxySettings> settings = proxySettingsFromEnvironment(environmentOf(
        {QStringLiteral("https_proxy=http://proxy.corp:3128"), QStringLiteral("http_proxy=http://proxy.corp:3128"),
         QStringLiteral("no_proxy=") + noProxy}));
    QVERIFY(settings);
    settings->proxyLoopback = proxyLoopback;
    const std::optional<QUrl> proxy = proxyFor(settings.value(), QUrl(target));
    QCOMPARE(proxy.has_value(), proxied);
    if (proxied)
        QCOMPARE(proxy->toString(), QStringLiteral("http://proxy.corp:3128"));
}

void ProxySettingsTest::shouldGiveQtTheProxyForEachUrl()
{
    Expected<ProxySettings> settings = proxySettingsFromEnvironment(environmentOf(
        {QStringLiteral("HTTPS_PROXY=http://jane:s%40cret@proxy.corp:3128"),
         QStringLiteral("HTTP_PROXY=socks5://socks.corp")}));
    QVERIFY(settings);
    EnvironmentProxyFactory factory(settings.value());

    const QList<QNetworkProxy> https =
        factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("https://sts.eu-west-1.amazonaws.com/"))));
    QCOMPARE(https.size(), 1);
    QCOMPARE(https.first().type(), QNetworkProxy::HttpProxy);
    QCOMPARE(https.first().hostName(), QStringLiteral("proxy.corp"));
    QCOMPARE(https.first().port(), quint16(3128));
    QCOMPARE(https.first().user(), QStringLiteral("jane"));
    QCOMPARE(https.first().password(), QStringLiteral("s@cret"));

    const QList<QNetworkProxy> http =
        factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("http://compute.corp.example/"))));
    QCOMPARE(http.first().type(), QNetworkProxy::Socks5Proxy);
    QCOMPARE(http.first().port(), quint16(1080));
    QVERIFY(!(http.first().capabilities() & QNetworkProxy::HostNameLookupCapability));

    const QList<QNetworkProxy> local = factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("http://127.0.0.1:1/"))));
    QCOMPARE(local.first().type(), QNetworkProxy::NoProxy);
}

void ProxySettingsTest::shouldTunnelHttpsThroughTheProxy()
{
    TestProxy proxy;
    QVERIFY(proxy.listen());
    SsoPortalSimulator portal;
    portal.useTls(m_certificates->server, m_certificates->serverKey);
    QVERIFY(portal.listen());

    NetworkSettings network;
    network.proxies.httpsProxy = proxy.url();
    network.proxies.proxyLoopback = true;
    network.caBundle = m_certificates->authorityPemPath;
    const std::optional<Answer> answer =
        waitForAnswer(network, portal.url().resolved(QUrl(QStringLiteral("/federation/credentials"))));
    QVERIFY(answer);
    QVERIFY2(answer->status == 401, qPrintable(answer->failure));
    QCOMPARE(proxy.requestLines(),
             QStringList{QStringLiteral("CONNECT 127.0.0.1:%1 HTTP/1.1").arg(portal.url().port())});
    QCOMPARE(portal.requestCount(), 1);
}

void ProxySettingsTest::shouldGoDirectToHostsInNoProxy()
{
    TestProxy proxy;
    QVERIFY(proxy.listen());
    SsoPortalSimulator portal;
    QVERIFY(portal.listen());

    NetworkSettings network;
    network.proxies.httpProxy = proxy.url();
    network.proxies.proxyLoopback = true;
    network.proxies.noProxy = {QStringLiteral("127.0.0.0/8")};
    const std::optional<Answer> answer =
        waitForAnswer(network, portal.url().resolved(QUrl(QStringLiteral("/federation/credentials"))));
    QVERIFY(answer);
    QCOMPARE(answer->status, 401);
    QVERIFY(proxy.requestLines().isEmpty());
}

void ProxySettingsTest::shouldSendLoopbackDirectUnlessAsked()
{
    TestProxy proxy;
    QVERIFY(proxy.listen());
    SsoPortalSimulator portal;
    QVERIFY(portal.listen());

    NetworkSettings network;
    network.proxies.httpProxy = proxy.url();
    std::optional<Answer> answer =
        waitForAnswer(network, portal.url().resolved(QUrl(QStringLiteral("/federation/credentials"))));
    QVERIFY(answer);
    QCOMPARE(answer->status, 401);
    QVERIFY(proxy.requestLines().isEmpty());

    network.proxies.proxyLoopback = true;
    answer = waitForAnswer(network, portal.url().resolved(QUrl(QStringLiteral("/federation/credentials"))));
    QVERIFY(answer);
    QCOMPARE(answer->status, 401);
    QCOMPARE(proxy.requestLines(),
             QStringList{QStringLiteral("GET %1/federation/credentials HTTP/1.1").arg(portal.url().toString())});
}

void ProxySettingsTest::shouldLoadTheListThroughTheProxy()
{
    TestProxy proxy;
    QVERIFY(proxy.listen());
    const SimulatedOrganization organization = SimulatedOrganization::generate(250, 3);
    EnrollmentSimulator simulator(organization);
    simulator.addCredentials(QStringLiteral("AKIDPROXIED"), QStringLiteral("proxied-secret"));
    QVERIFY(simulator.listen());

    EnrollmentQuery query;
    query.endpoint = simulator.endpointUrl();
    query.signingRegion = QStringLiteral("us-east-1");
    query.credentials = std::make_shared<StaticCredentialProvider>(
        AwsCredentials{QStringLiteral("AKIDPROXIED"), QStringLiteral("proxied-secret"), {}, {}}, QStringLiteral("test"));
    query.client.network.proxies.httpProxy = proxy.url();
    query.client.network.proxies.proxyLoopback = true;

    LoadSession loader;
    LoadRecorder recorder(&loader);
    loader.start(query);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 30'000);
    QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Finished);
    QCOMPARE(recorder.distinctAccounts(), 250);
    QCOMPARE(proxy.requestLines().size(), simulator.pageRequestCount());
    QVERIFY(simulator.pageRequestCount() >= 3);
    for (const QString &line : proxy.requestLines())
        QCOMPARE(line, QStringLiteral("POST %1/ HTTP/1.1").arg(simulator.endpointUrl().toString()));
}

void ProxySettingsTest::shouldGiveStsCallsTheProxiesOfTheEnvironment()
{
    AwsFilesFixture files;
    QVERIFY(files.writeConfig(QStringLiteral("[profile audit]\nregion = eu-west-1\nrole_arn = "
                                             "arn:aws:iam::111122223333:role/Audit\nsource_profile = base\n")));
    QVERIFY(files.writeCredentials(QStringLiteral("[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n")));
    ClientSettingsRequest request;
    request.profileOption = QStringLiteral("audit");
    request.environment = files.environment(
        {QStringLiteral("HTTPS_PROXY=http://proxy.corp:3128"), QStringLiteral("NO_PROXY=.internal.example")});
    request.homeDirectory = files.home();
    const Expected<ClientSettings> settings = resolveClientSettings(request);
    QVERIFY2(settings, settings ? "" : qPrintable(settings.error()));
    QCOMPARE(settings->proxies.httpsProxy.toString(), QStringLiteral("http://proxy.corp:3128"));
    // STS goes through the one client, which is built from these settings.
    QVERIFY(dynamic_cast<const AssumeRoleCredentialProvider *>(settings->credentials.get()));
    const ClientConfiguration client = settings->clientConfiguration();
    QCOMPARE(client.network.proxies.httpsProxy.toString(), QStringLiteral("http://proxy.corp:3128"));
    QCOMPARE(client.network.proxies.noProxy, QStringList{QStringLiteral(".internal.example")});
}

QTEST_GUILESS_MAIN(ProxySettingsTest)
#include "test_proxy_settings.moc"
