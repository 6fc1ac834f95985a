#include "signing/sigv4signer.h"

#include "signing/canonicalrequest.h"
#include "signing/sha256.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <utility>

namespace {

// Headers a proxy or Qt's HTTP stack may add, drop or rewrite, as botocore also leaves them unsigned.
// Content-Length is signed when present (the suite expects it); one Qt adds later is simply unsigned.
bool isUnsignable(const QByteArray &lowercaseName)
{
    static constexpr QByteArrayView unsignable[] = {
        "authorization", "connection", "expect",  "keep-alive", "proxy-authenticate", "proxy-authorization",
        "te",            "trailer",    "transfer-encoding",     "upgrade",            "user-agent",
        "x-amzn-trace-id",
    };
    return std::find(std::begin(unsignable), std::end(unsignable), lowercaseName) != std::end(unsignable);
}

void removeHeader(QList<std::pair<QByteArray, QByteArray>> &headers, QByteArrayView lowercaseName)
{
    headers.removeIf([lowercaseName](const auto &header) { return header.first.trimmed().toLower() == lowercaseName; });
}

} // namespace

SigV4Signer::SigV4Signer(SigningScope scope, SigV4Options options)
    : m_scope(std::move(scope))
    , m_options(options)
{
}

SigV4Result SigV4Signer::sign(SignableRequest &request, const AwsCredentials &credentials,
                              const QDateTime &nowUtc) const
{
    const QByteArray amzDate =
        QLocale::c().toString(nowUtc.toUTC(), QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
    const QByteArray date = amzDate.left(8);
    const QByteArray region = m_scope.region.toUtf8();
    const QByteArray service = m_scope.service.toUtf8();

    removeHeader(request.headers, "authorization");
    removeHeader(request.headers, "x-amz-date");
    removeHeader(request.headers, "x-amz-security-token");
    request.headers.append({QByteArrayLiteral("X-Amz-Date"), amzDate});
    if (!credentials.sessionToken.isEmpty())
        request.headers.append({QByteArrayLiteral("X-Amz-Security-Token"), credentials.sessionToken.toUtf8()});
    if (m_options.signBody) {
        removeHeader(request.headers, "x-amz-content-sha256");
        request.headers.append({QByteArrayLiteral("X-Amz-Content-SHA256"), sha256Hex(request.body)});
    }

    QSet<QByteArray> names;
    for (const auto &header : std::as_const(request.headers)) {
        const QByteArray name = header.first.trimmed().toLower();
        if (!isUnsignable(name))
            names.insert(name);
    }
    QList<QByteArray> signedNames(names.cbegin(), names.cend());
    std::sort(signedNames.begin(), signedNames.end());

    SigV4Result result;
    result.canonicalRequest =
        SigV4::canonicalRequest(request, signedNames, m_options.normalizePath, m_options.doubleEncodePath);
    const QByteArray scope = SigV4::credentialScope(date, region, service);
    result.stringToSign = SigV4::stringToSign(amzDate, scope, result.canonicalRequest);
    const QByteArray key = SigV4::signingKey(credentials.secretAccessKey.toUtf8(), date, region, service);
    result.signature = hmacSha256(key, result.stringToSign).toHex();
    result.authorization = SigV4::algorithm.toByteArray() + " Credential=" + credentials.accessKeyId.toUtf8() + '/'
        + scope + ", SignedHeaders=" + signedNames.join(';') + ", Signature=" + result.signature;
    request.headers.append({QByteArrayLiteral("Authorization"), result.authorization});
    return result;
}
