#include "requesttext.h"
#include "sigv4suite.h"

#include "signing/awscredentials.h"
#include "signing/clock.h"
#include "signing/sigv4signer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

class SigV4SuiteTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldFindEveryCaseOfTheSuite();
    void shouldSignEveryCaseAsTheSuiteDoes_data();
    void shouldSignEveryCaseAsTheSuiteDoes();
};

namespace {

QList<std::pair<QByteArray, QByteArray>> sortedLowercaseHeaders(const SignableRequest &request)
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    for (const auto &[name, value] : request.headers)
        headers.append({name.toLower(), value.trimmed()});
    std::sort(headers.begin(), headers.end());
    return headers;
}

} // namespace

void SigV4SuiteTest::shouldFindEveryCaseOfTheSuite()
{
    QCOMPARE(sigv4SuiteCases().size(), 38);
}

void SigV4SuiteTest::shouldSignEveryCaseAsTheSuiteDoes_data()
{
    QTest::addColumn<QString>("caseName");
    const QStringList caseNames = sigv4SuiteCases();
    for (const QString &caseName : caseNames)
        QTest::newRow(qPrintable(caseName)) << caseName;
    if (caseNames.isEmpty())
        QTest::newRow("no suite cases found") << QString();
}

void SigV4SuiteTest::shouldSignEveryCaseAsTheSuiteDoes()
{
    QFETCH(QString, caseName);
    QVERIFY2(!caseName.isEmpty(), "No SigV4 suite cases were found; set SIGV4_SUITE_DIR to the suite's folder.");
    if (!QFile::exists(sigv4SuiteDir() + u'/' + caseName + u"/header-canonical-request.txt"))
        QSKIP("This case has only query (presigned) results, and presigning is not implemented.");

    const QJsonObject context =
        QJsonDocument::fromJson(readSuiteFile(caseName, QStringLiteral("context.json"))).object();
    QVERIFY(!context.isEmpty());
    const QJsonObject jsonCredentials = context.value(u"credentials").toObject();
    AwsCredentials credentials;
    credentials.accessKeyId = jsonCredentials.value(u"access_key_id").toString();
    credentials.secretAccessKey = jsonCredentials.value(u"secret_access_key").toString();
    credentials.sessionToken = jsonCredentials.value(u"token").toString();
    // "Header after": the token travels with the request but is added after signing, so it is not signed.
    const bool omitSessionToken = context.value(u"omit_session_token").toBool(false);
    const QString sessionToken = credentials.sessionToken;
    if (omitSessionToken)
        credentials.sessionToken.clear();

    SigV4Options options;
    options.normalizePath = context.value(u"normalize").toBool(true);
    options.signBody = context.value(u"sign_body").toBool(false);
    const SigV4Signer signer(
        SigningScope{context.value(u"region").toString(), context.value(u"service").toString()}, options);
    const FixedClock clock(QDateTime::fromString(context.value(u"timestamp").toString(), Qt::ISODate));
    QVERIFY(clock.nowUtc().isValid());

    SignableRequest request = parseRequestText(readSuiteFile(caseName, QStringLiteral("request.txt")));
    const SigV4Result result = signer.sign(request, credentials, clock.nowUtc());
    if (omitSessionToken)
        request.headers.append({QByteArrayLiteral("X-Amz-Security-Token"), sessionToken.toUtf8()});

    QCOMPARE(result.canonicalRequest, readSuiteFile(caseName, QStringLiteral("header-canonical-request.txt")));
    QCOMPARE(result.stringToSign, readSuiteFile(caseName, QStringLiteral("header-string-to-sign.txt")));
    QCOMPARE(result.signature, readSuiteFile(caseName, QStringLiteral("header-signature.txt")).trimmed());

    const SignableRequest expected =
        parseRequestText(readSuiteFile(caseName, QStringLiteral("header-signed-request.txt")));
    QCOMPARE(result.authorization, headerNamed(expected, "authorization"));
    QCOMPARE(sortedLowercaseHeaders(request), sortedLowercaseHeaders(expected));
}

QTEST_GUILESS_MAIN(SigV4SuiteTest)
#include "test_sigv4_suite.moc"
