#include "requesttext.h"
#include "sigv4suite.h"

#include "signing/sigv4signer.h"
#include "signing/sigv4verifier.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

Q_DECLARE_METATYPE(SignableRequest)
Q_DECLARE_METATYPE(SigV4Verification::Outcome)

class SigV4VerifierTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldAcceptWhatTheSignerProduced_data();
    void shouldAcceptWhatTheSignerProduced();
    void shouldAcceptEveryNormalizedSuiteRequest_data();
    void shouldAcceptEveryNormalizedSuiteRequest();
    void shouldRejectRequestsThatDoNotVerify_data();
    void shouldRejectRequestsThatDoNotVerify();
    void shouldAcceptUnsignedHeadersAddedAfterSigning();
    void shouldReadHeaderNamesInAnyCase();
    void shouldReportWhoSignedAndWhen();
};

namespace {

const QString exampleAccessKey = QStringLiteral("AKIDEXAMPLE");
const QString exampleSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

std::optional<QString> knownSecrets(const QString &accessKeyId)
{
    if (accessKeyId == exampleAccessKey)
        return exampleSecret;
    return std::nullopt;
}

AwsCredentials exampleCredentials(const QString &sessionToken = {})
{
    AwsCredentials credentials;
    credentials.accessKeyId = exampleAccessKey;
    credentials.secretAccessKey = exampleSecret;
    credentials.sessionToken = sessionToken;
    return credentials;
}

QDateTime exampleTime()
{
    return QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9), Qt::UTC);
}

SignableRequest jsonPost()
{
    SignableRequest request;
    request.method = "POST";
    request.path = "/";
    request.headers = {
        {"Content-Type", "application/x-amz-json-1.0"},
        {"X-Amz-Target", "ComputeOptimizerService.GetEnrollmentStatusesForOrganization"},
        {"Host", "127.0.0.1:12345"},
    };
    request.body = R"({"maxResults":100})";
    return request;
}

SignableRequest signedJsonPost(SigV4Options options = {})
{
    SignableRequest request = jsonPost();
    SigV4Signer(SigningScope{QStringLiteral("us-east-1"), QStringLiteral("compute-optimizer")}, options)
        .sign(request, exampleCredentials(), exampleTime());
    return request;
}

void replaceHeader(SignableRequest &request, QByteArrayView lowercaseName, const QByteArray &value)
{
    for (auto &header : request.headers) {
        if (header.first.toLower() == lowercaseName)
            header.second = value;
    }
}

void removeHeader(SignableRequest &request, QByteArrayView lowercaseName)
{
    request.headers.removeIf([lowercaseName](const auto &header) { return header.first.toLower() == lowercaseName; });
}

} // namespace

void SigV4VerifierTest::shouldAcceptWhatTheSignerProduced_data()
{
    QTest::addColumn<SignableRequest>("request");
    QTest::addColumn<QString>("service");
    QTest::addColumn<SigV4Options>("options");
    QTest::addColumn<QString>("sessionToken");

    QTest::newRow("JSON 1.0 POST") << jsonPost() << QStringLiteral("compute-optimizer") << SigV4Options{} << QString();
    QTest::newRow("JSON 1.0 POST with a session token")
        << jsonPost() << QStringLiteral("compute-optimizer") << SigV4Options{} << QStringLiteral("token");
    QTest::newRow("JSON 1.0 POST with a signed body hash")
        << jsonPost() << QStringLiteral("compute-optimizer") << SigV4Options{true, true, true} << QString();

    SignableRequest odd;
    odd.method = "GET";
    odd.path = "/a%2Fb/../c d/";
    odd.query = "z=1&a=%E1%88%B4&a=";
    odd.headers = {{"host", "[::1]:8443"}, {"X-Custom", "  spaced   value "}, {"X-Custom", "second"}};
    QTest::newRow("GET with odd path, query and repeated header")
        << odd << QStringLiteral("service") << SigV4Options{} << QString();
    QTest::newRow("S3 GET without normalising or double encoding")
        << odd << QStringLiteral("s3") << SigV4Options{false, false, true} << QString();
}

void SigV4VerifierTest::shouldAcceptWhatTheSignerProduced()
{
    QFETCH(SignableRequest, request);
    QFETCH(QString, service);
    QFETCH(SigV4Options, options);
    QFETCH(QString, sessionToken);

    SigV4Signer(SigningScope{QStringLiteral("us-east-1"), service}, options)
        .sign(request, exampleCredentials(sessionToken), exampleTime());
    const SigV4Verification verification = verifySigV4(request, knownSecrets);

    QCOMPARE(verification.message, QString());
    QCOMPARE(verification.outcome, SigV4Verification::Outcome::Valid);
}

void SigV4VerifierTest::shouldAcceptEveryNormalizedSuiteRequest_data()
{
    QTest::addColumn<QString>("caseName");
    const QStringList caseNames = sigv4SuiteCases();
    if (caseNames.isEmpty())
        QTest::newRow("no suite cases found") << QString();
    for (const QString &caseName : caseNames) {
        const QJsonObject context =
            QJsonDocument::fromJson(readSuiteFile(caseName, QStringLiteral("context.json"))).object();
        // The verifier signs paths the way AWS services do, so it cannot accept unnormalised signatures.
        if (context.value(u"normalize").toBool(true))
            QTest::newRow(qPrintable(caseName)) << caseName;
    }
}

void SigV4VerifierTest::shouldAcceptEveryNormalizedSuiteRequest()
{
    QFETCH(QString, caseName);
    QVERIFY2(!caseName.isEmpty(), "No SigV4 suite cases were found; set SIGV4_SUITE_DIR to the suite's folder.");
    const SignableRequest received =
        parseRequestText(readSuiteFile(caseName, QStringLiteral("header-signed-request.txt")));

    const SigV4Verification verification = verifySigV4(received, knownSecrets);

    QCOMPARE(verification.message, QString());
    QCOMPARE(verification.outcome, SigV4Verification::Outcome::Valid);
}

void SigV4VerifierTest::shouldRejectRequestsThatDoNotVerify_data()
{
    using Outcome = SigV4Verification::Outcome;
    QTest::addColumn<SignableRequest>("received");
    QTest::addColumn<Outcome>("expected");

    SignableRequest request = signedJsonPost();
    request.body = R"({"maxResults":99})";
    QTest::newRow("body changed after signing") << request << Outcome::SignatureMismatch;

    request = signedJsonPost();
    replaceHeader(request, "x-amz-target", "ComputeOptimizerService.UpdateEnrollmentStatus");
    QTest::newRow("signed header changed after signing") << request << Outcome::SignatureMismatch;

    request = signedJsonPost();
    request.headers.emplaceBack("X-Amz-Target", "ComputeOptimizerService.UpdateEnrollmentStatus");
    QTest::newRow("signed header repeated after signing") << request << Outcome::SignatureMismatch;

    request = signedJsonPost();
    request.path = "/other";
    QTest::newRow("path changed after signing") << request << Outcome::SignatureMismatch;

    request = signedJsonPost();
    request.query = "a=1";
    QTest::newRow("query added after signing") << request << Outcome::SignatureMismatch;

    request = signedJsonPost();
    QByteArray authorization = request.headers.constLast().second;
    authorization.back() = authorization.back() == '0' ? '1' : '0';
    replaceHeader(request, "authorization", authorization);
    QTest::newRow("signature altered") << request << Outcome::SignatureMismatch;

    request = signedJsonPost();
    replaceHeader(request, "x-amz-date", "20240506T070810Z");
    QTest::newRow("date changed after signing") << request << Outcome::SignatureMismatch;

    request = signedJsonPost();
    replaceHeader(request, "x-amz-date", "20240507T070809Z");
    QTest::newRow("date outside the credential scope") << request << Outcome::SignatureMismatch;

    request = jsonPost();
    AwsCredentials stranger = exampleCredentials();
    stranger.accessKeyId = QStringLiteral("AKIDSTRANGER");
    SigV4Signer(SigningScope{QStringLiteral("us-east-1"), QStringLiteral("compute-optimizer")})
        .sign(request, stranger, exampleTime());
    QTest::newRow("unknown access key") << request << Outcome::UnknownAccessKey;

    request = jsonPost();
    AwsCredentials wrongSecret = exampleCredentials();
    wrongSecret.secretAccessKey = QStringLiteral("not-the-secret");
    SigV4Signer(SigningScope{QStringLiteral("us-east-1"), QStringLiteral("compute-optimizer")})
        .sign(request, wrongSecret, exampleTime());
    QTest::newRow("wrong secret key") << request << Outcome::SignatureMismatch;

    request = signedJsonPost();
    removeHeader(request, "authorization");
    QTest::newRow("missing Authorization") << request << Outcome::MissingAuthentication;

    request = signedJsonPost();
    replaceHeader(request, "authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240506/us-east-1/"
                                            "compute-optimizer/aws4_request, SignedHeaders=host;x-amz-date");
    QTest::newRow("Authorization without a signature") << request << Outcome::IncompleteSignature;

    request = signedJsonPost();
    replaceHeader(request, "authorization", "Bearer abc");
    QTest::newRow("Authorization of another scheme") << request << Outcome::IncompleteSignature;

    request = signedJsonPost();
    replaceHeader(request, "authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240506/us-east-1, "
                                            "SignedHeaders=host;x-amz-date, Signature=00");
    QTest::newRow("credential scope too short") << request << Outcome::IncompleteSignature;

    request = signedJsonPost();
    removeHeader(request, "x-amz-date");
    QTest::newRow("missing X-Amz-Date") << request << Outcome::IncompleteSignature;

    request = jsonPost();
    removeHeader(request, "host");
    SigV4Signer(SigningScope{QStringLiteral("us-east-1"), QStringLiteral("compute-optimizer")})
        .sign(request, exampleCredentials(), exampleTime());
    request.headers.emplaceBack("Host", "127.0.0.1:12345");
    QTest::newRow("Host not signed") << request << Outcome::IncompleteSignature;
}

void SigV4VerifierTest::shouldRejectRequestsThatDoNotVerify()
{
    QFETCH(SignableRequest, received);
    QFETCH(SigV4Verification::Outcome, expected);

    const SigV4Verification verification = verifySigV4(received, knownSecrets);

    QCOMPARE(verification.outcome, expected);
    QVERIFY(!verification.message.isEmpty());
    QVERIFY(!verification.message.contains(exampleSecret));
}

void SigV4VerifierTest::shouldAcceptUnsignedHeadersAddedAfterSigning()
{
    SignableRequest request = signedJsonPost();
    request.headers.emplaceBack("User-Agent", "Mozilla/5.0");
    request.headers.emplaceBack("Content-Length", QByteArray::number(request.body.size()));
    request.headers.emplaceBack("Connection", "Keep-Alive");

    QCOMPARE(verifySigV4(request, knownSecrets).outcome, SigV4Verification::Outcome::Valid);
}

void SigV4VerifierTest::shouldReadHeaderNamesInAnyCase()
{
    SignableRequest lower = signedJsonPost();
    SignableRequest upper = lower;
    for (auto &header : lower.headers)
        header.first = header.first.toLower();
    for (auto &header : upper.headers)
        header.first = header.first.toUpper();

    QCOMPARE(verifySigV4(lower, knownSecrets).outcome, SigV4Verification::Outcome::Valid);
    QCOMPARE(verifySigV4(upper, knownSecrets).outcome, SigV4Verification::Outcome::Valid);
}

void SigV4VerifierTest::shouldReportWhoSignedAndWhen()
{
    const SigV4Verification verification = verifySigV4(signedJsonPost(), knownSecrets);

    QCOMPARE(verification.outcome, SigV4Verification::Outcome::Valid);
    QCOMPARE(verification.accessKeyId, exampleAccessKey);
    QCOMPARE(verification.region, QStringLiteral("us-east-1"));
    QCOMPARE(verification.service, QStringLiteral("compute-optimizer"));
    QCOMPARE(verification.requestTimeUtc, exampleTime());
    QCOMPARE(verification.requestTimeUtc.timeSpec(), Qt::UTC);
}

QTEST_GUILESS_MAIN(SigV4VerifierTest)
#include "test_sigv4_verifier.moc"
