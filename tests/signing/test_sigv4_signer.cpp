#include "requesttext.h"

#include "signing/canonicalrequest.h"
#include "signing/sha256.h"
#include "signing/sigv4signer.h"

#include <QTest>
#include <QTimeZone>

class SigV4SignerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldSignJsonPostAsBotocoreDoes();
    void shouldEncodePathAndSortQueryAsBotocoreDoes();
    void shouldAddContentSha256OnlyWhenSigningBody();
    void shouldReplaceSigningHeadersWhenSignedAgain();
    void shouldDateTheRequestInUtc();
    void shouldLeaveHopByHopHeadersUnsigned_data();
    void shouldLeaveHopByHopHeadersUnsigned();
    void shouldSignContentLengthWhenPresent();
    void shouldBuildCanonicalUri_data();
    void shouldBuildCanonicalUri();
    void shouldBuildCanonicalQuery_data();
    void shouldBuildCanonicalQuery();
};

namespace {

AwsCredentials exampleCredentials(const QString &sessionToken = {})
{
    AwsCredentials credentials;
    credentials.accessKeyId = QStringLiteral("AKIDEXAMPLE");
    credentials.secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    credentials.sessionToken = sessionToken;
    return credentials;
}

QDateTime exampleTime()
{
    return QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9), Qt::UTC);
}

qsizetype countHeaders(const SignableRequest &request, QByteArrayView lowercaseName)
{
    return std::count_if(request.headers.cbegin(), request.headers.cend(),
                         [lowercaseName](const auto &header) { return header.first.toLower() == lowercaseName; });
}

QByteArray signedHeadersOf(const SigV4Result &result)
{
    const QList<QByteArray> lines = result.canonicalRequest.split('\n');
    return lines.at(lines.size() - 2);
}

} // namespace

void SigV4SignerTest::shouldSignJsonPostAsBotocoreDoes()
{
    // Expected values come from botocore 1.43's SigV4Auth given the same request, keys and time.
    SignableRequest request;
    request.method = "POST";
    request.path = "/";
    request.headers = {
        {"Content-Type", "application/x-amz-json-1.0"},
        {"X-Amz-Target", "ComputeOptimizerService.GetEnrollmentStatusesForOrganization"},
        {"Host", "127.0.0.1:12345"},
        {"User-Agent", "EnrollmentDesk/0.1.0"},
    };
    request.body = R"({"maxResults":100})";

    const SigV4Signer signer(SigningScope{QStringLiteral("us-east-1"), QStringLiteral("compute-optimizer")});
    const SigV4Result result =
        signer.sign(request, exampleCredentials(QStringLiteral("session-token-example")), exampleTime());

    QCOMPARE(result.canonicalRequest,
             QByteArray("POST\n/\n\n"
                        "content-type:application/x-amz-json-1.0\n"
                        "host:127.0.0.1:12345\n"
                        "x-amz-date:20240506T070809Z\n"
                        "x-amz-security-token:session-token-example\n"
                        "x-amz-target:ComputeOptimizerService.GetEnrollmentStatusesForOrganization\n\n"
                        "content-type;host;x-amz-date;x-amz-security-token;x-amz-target\n")
                 + sha256Hex(request.body));
    QCOMPARE(result.signature, QByteArray("679b738d985307b380e4e34262496e40a4fbdd1d50c207314d374e82e81404fa"));
    QCOMPARE(result.authorization,
             QByteArray("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240506/us-east-1/compute-optimizer/aws4_request, "
                        "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, "
                        "Signature=679b738d985307b380e4e34262496e40a4fbdd1d50c207314d374e82e81404fa"));
    QCOMPARE(headerNamed(request, "authorization"), result.authorization);
    QCOMPARE(headerNamed(request, "x-amz-date"), QByteArray("20240506T070809Z"));
    QCOMPARE(headerNamed(request, "x-amz-security-token"), QByteArray("session-token-example"));
    QCOMPARE(headerNamed(request, "user-agent"), QByteArray("EnrollmentDesk/0.1.0"));
    QCOMPARE(countHeaders(request, "x-amz-content-sha256"), 0);
}

void SigV4SignerTest::shouldEncodePathAndSortQueryAsBotocoreDoes()
{
    SignableRequest request;
    request.method = "GET";
    request.path = "/a%2Fb/./c%20d/";
    request.query = "b=2&a=&c=x%20y&a=z";
    request.headers = {{"Host", "example.amazonaws.com"}};

    const SigV4Signer signer(SigningScope{QStringLiteral("us-east-1"), QStringLiteral("service")});
    const SigV4Result result = signer.sign(request, exampleCredentials(), exampleTime());

    QCOMPARE(result.canonicalRequest,
             QByteArray("GET\n/a%252Fb/c%2520d/\na=&a=z&b=2&c=x%20y\nhost:example.amazonaws.com\n"
                        "x-amz-date:20240506T070809Z\n\nhost;x-amz-date\n"
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(result.signature, QByteArray("356d7eef9ab671b99d472b1853a48fd46d92efe1b3a02048cde021bc63a99eb2"));
}

void SigV4SignerTest::shouldAddContentSha256OnlyWhenSigningBody()
{
    SignableRequest plain;
    plain.method = "POST";
    plain.path = "/";
    plain.headers = {{"Host", "127.0.0.1:12345"}};
    plain.body = "{}";
    SignableRequest withBodyHash = plain;

    SigV4Options options;
    options.signBody = true;
    const SigningScope scope{QStringLiteral("us-east-1"), QStringLiteral("compute-optimizer")};
    const SigV4Result plainResult = SigV4Signer(scope).sign(plain, exampleCredentials(), exampleTime());
    const SigV4Result bodyResult = SigV4Signer(scope, options).sign(withBodyHash, exampleCredentials(), exampleTime());

    QCOMPARE(countHeaders(plain, "x-amz-content-sha256"), 0);
    QCOMPARE(signedHeadersOf(plainResult), QByteArray("host;x-amz-date"));
    QCOMPARE(countHeaders(withBodyHash, "x-amz-content-sha256"), 1);
    QCOMPARE(headerNamed(withBodyHash, "x-amz-content-sha256"), sha256Hex("{}"));
    QCOMPARE(signedHeadersOf(bodyResult), QByteArray("host;x-amz-content-sha256;x-amz-date"));
    QVERIFY(bodyResult.canonicalRequest.endsWith(sha256Hex("{}")));
}

void SigV4SignerTest::shouldReplaceSigningHeadersWhenSignedAgain()
{
    SignableRequest request;
    request.method = "POST";
    request.path = "/";
    request.headers = {{"Host", "127.0.0.1:12345"}};
    SigV4Options options;
    options.signBody = true;
    const SigV4Signer signer(SigningScope{QStringLiteral("us-east-1"), QStringLiteral("compute-optimizer")}, options);

    signer.sign(request, exampleCredentials(QStringLiteral("first-token")), exampleTime());
    const SigV4Result second =
        signer.sign(request, exampleCredentials(QStringLiteral("second-token")), exampleTime().addSecs(60));

    QCOMPARE(countHeaders(request, "authorization"), 1);
    QCOMPARE(countHeaders(request, "x-amz-date"), 1);
    QCOMPARE(countHeaders(request, "x-amz-security-token"), 1);
    QCOMPARE(countHeaders(request, "x-amz-content-sha256"), 1);
    QCOMPARE(headerNamed(request, "x-amz-date"), QByteArray("20240506T070909Z"));
    QCOMPARE(headerNamed(request, "x-amz-security-token"), QByteArray("second-token"));
    QCOMPARE(headerNamed(request, "authorization"), second.authorization);
    QVERIFY(!second.canonicalRequest.contains("authorization"));
}

void SigV4SignerTest::shouldDateTheRequestInUtc()
{
    SignableRequest request;
    request.method = "GET";
    request.path = "/";
    request.headers = {{"Host", "example.amazonaws.com"}};
    const QDateTime sameInstantAtPlusTen = exampleTime().toTimeZone(QTimeZone(10 * 3600));

    const SigV4Result result = SigV4Signer(SigningScope{QStringLiteral("eu-west-1"), QStringLiteral("service")})
                                   .sign(request, exampleCredentials(), sameInstantAtPlusTen);

    QCOMPARE(headerNamed(request, "x-amz-date"), QByteArray("20240506T070809Z"));
    QVERIFY(result.stringToSign.contains("\n20240506/eu-west-1/service/aws4_request\n"));
}

void SigV4SignerTest::shouldLeaveHopByHopHeadersUnsigned_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("User-Agent") << QByteArray("User-Agent");
    QTest::newRow("X-Amzn-Trace-Id") << QByteArray("X-Amzn-Trace-Id");
    QTest::newRow("Expect") << QByteArray("Expect");
    QTest::newRow("Connection") << QByteArray("Connection");
    QTest::newRow("Transfer-Encoding") << QByteArray("Transfer-Encoding");
    QTest::newRow("Authorization left from an earlier attempt") << QByteArray("Authorization");
}

void SigV4SignerTest::shouldLeaveHopByHopHeadersUnsigned()
{
    QFETCH(QByteArray, name);
    SignableRequest request;
    request.method = "POST";
    request.path = "/";
    request.headers = {{"Host", "127.0.0.1:12345"}, {name, "some value"}};

    const SigV4Result result = SigV4Signer(SigningScope{QStringLiteral("us-east-1"), QStringLiteral("service")})
                                   .sign(request, exampleCredentials(), exampleTime());

    QCOMPARE(signedHeadersOf(result), QByteArray("host;x-amz-date"));
}

void SigV4SignerTest::shouldSignContentLengthWhenPresent()
{
    SignableRequest request;
    request.method = "POST";
    request.path = "/";
    request.headers = {{"Host", "127.0.0.1:12345"}, {"Content-Length", "2"}};
    request.body = "{}";

    const SigV4Result result = SigV4Signer(SigningScope{QStringLiteral("us-east-1"), QStringLiteral("service")})
                                   .sign(request, exampleCredentials(), exampleTime());

    QCOMPARE(signedHeadersOf(result), QByteArray("content-length;host;x-amz-date"));
}

void SigV4SignerTest::shouldBuildCanonicalUri_data()
{
    QTest::addColumn<QByteArray>("rawPath");
    QTest::addColumn<bool>("normalizePath");
    QTest::addColumn<bool>("doubleEncodePath");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty path becomes the root") << QByteArray() << true << true << QByteArray("/");
    QTest::newRow("dot-dot above the root stays at the root") << QByteArray("/../a") << true << true
                                                              << QByteArray("/a");
    QTest::newRow("trailing dot keeps the directory slash") << QByteArray("/a/b/.") << true << true
                                                            << QByteArray("/a/b/");
    QTest::newRow("unnormalized path keeps its dots") << QByteArray("/a/./b/../c") << false << true
                                                      << QByteArray("/a/./b/../c");
    QTest::newRow("escape is encoded again for most services") << QByteArray("/a%2Fb") << true << true
                                                               << QByteArray("/a%252Fb");
    QTest::newRow("escape is kept for S3") << QByteArray("/a%2Fb") << false << false << QByteArray("/a%2Fb");
    QTest::newRow("raw bytes are encoded once for S3") << QByteArray("/a b+c") << false << false
                                                       << QByteArray("/a%20b%2Bc");
    QTest::newRow("reserved characters are escaped") << QByteArray("/a:b@c=d") << true << true
                                                     << QByteArray("/a%3Ab%40c%3Dd");
}

void SigV4SignerTest::shouldBuildCanonicalUri()
{
    QFETCH(QByteArray, rawPath);
    QFETCH(bool, normalizePath);
    QFETCH(bool, doubleEncodePath);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4::canonicalUri(rawPath, normalizePath, doubleEncodePath), expected);
}

void SigV4SignerTest::shouldBuildCanonicalQuery_data()
{
    QTest::addColumn<QByteArray>("rawQuery");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("no query") << QByteArray() << QByteArray();
    QTest::newRow("empty value is kept") << QByteArray("a=") << QByteArray("a=");
    QTest::newRow("key without equals gets an empty value") << QByteArray("a") << QByteArray("a=");
    QTest::newRow("keys sort by their encoded bytes") << QByteArray("b=1&B=2&a=3") << QByteArray("B=2&a=3&b=1");
    QTest::newRow("repeated keys sort by value") << QByteArray("a=2&a=10&a=1") << QByteArray("a=1&a=10&a=2");
    QTest::newRow("escaped key is not escaped twice") << QByteArray("%E1%88%B4=x")
                                                      << QByteArray("%E1%88%B4=x");
    QTest::newRow("space and plus are escaped") << QByteArray("q=a b+c") << QByteArray("q=a%20b%2Bc");
    QTest::newRow("reserved characters in values are escaped") << QByteArray("q=a/b:c")
                                                                << QByteArray("q=a%2Fb%3Ac");
    QTest::newRow("empty pieces are dropped") << QByteArray("&a=1&&b=2&") << QByteArray("a=1&b=2");
    QTest::newRow("lowercase escapes become uppercase") << QByteArray("q=%2f") << QByteArray("q=%2F");
}

void SigV4SignerTest::shouldBuildCanonicalQuery()
{
    QFETCH(QByteArray, rawQuery);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4::canonicalQuery(rawQuery), expected);
}

QTEST_GUILESS_MAIN(SigV4SignerTest)
#include "test_sigv4_signer.moc"
