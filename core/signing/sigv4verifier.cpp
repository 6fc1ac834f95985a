#include "signing/sigv4verifier.h"

#include "signing/canonicalrequest.h"
#include "signing/sha256.h"

#include <openssl/crypto.h>

namespace {

using Outcome = SigV4Verification::Outcome;

std::optional<QByteArray> headerValue(const SignableRequest &request, QByteArrayView lowercaseName)
{
    for (const auto &[name, value] : request.headers) {
        if (name.trimmed().toLower() == lowercaseName)
            return value.trimmed();
    }
    return std::nullopt;
}

struct AuthorizationHeader
{
    QByteArray credential;
    QByteArray signedHeaders;
    QByteArray signature;
};

std::optional<AuthorizationHeader> parseAuthorization(const QByteArray &value)
{
    const QByteArray prefix = SigV4::algorithm.toByteArray() + ' ';
    if (!value.startsWith(prefix))
        return std::nullopt;
    AuthorizationHeader parsed;
    for (const QByteArray &component : value.mid(prefix.size()).split(',')) {
        const QByteArray part = component.trimmed();
        const qsizetype equals = part.indexOf('=');
        if (equals < 0)
            return std::nullopt;
        const QByteArray key = part.left(equals).trimmed();
        const QByteArray field = part.mid(equals + 1).trimmed();
        if (key == "Credential")
            parsed.credential = field;
        else if (key == "SignedHeaders")
            parsed.signedHeaders = field;
        else if (key == "Signature")
            parsed.signature = field;
    }
    if (parsed.credential.isEmpty() || parsed.signedHeaders.isEmpty() || parsed.signature.isEmpty())
        return std::nullopt;
    return parsed;
}

QDateTime parseAmzDate(const QByteArray &amzDate)
{
    if (amzDate.size() != 16 || amzDate.at(8) != 'T' || amzDate.at(15) != 'Z')
        return {};
    const QDate date = QDate::fromString(QString::fromLatin1(amzDate.left(8)), QStringLiteral("yyyyMMdd"));
    const QTime time = QTime::fromString(QString::fromLatin1(amzDate.mid(9, 6)), QStringLiteral("HHmmss"));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

SigV4Verification failed(SigV4Verification verification, Outcome outcome, const QString &message)
{
    verification.outcome = outcome;
    verification.message = message;
    return verification;
}

} // namespace

SigV4Verification verifySigV4(
    const SignableRequest &received,
    const std::function<std::optional<QString>(const QString &accessKeyId)> &secretForAccessKey)
{
    SigV4Verification verification;

    const std::optional<QByteArray> authorizationValue = headerValue(received, "authorization");
    if (!authorizationValue)
        return failed(verification, Outcome::MissingAuthentication,
                      QStringLiteral("The request has no Authorization header. Sign it with AWS Signature Version 4."));

    const std::optional<AuthorizationHeader> authorization = parseAuthorization(*authorizationValue);
    if (!authorization)
        return failed(verification, Outcome::IncompleteSignature,
                      QStringLiteral("The Authorization header must be 'AWS4-HMAC-SHA256 Credential=..., "
                                     "SignedHeaders=..., Signature=...'. Sign the request with SigV4."));

    const QList<QByteArray> scope = authorization->credential.split('/');
    if (scope.size() != 5 || scope.at(4) != SigV4::scopeTerminator || scope.at(0).isEmpty())
        return failed(verification, Outcome::IncompleteSignature,
                      QStringLiteral("The Credential must be 'AccessKeyId/yyyyMMdd/region/service/aws4_request'. "
                                     "Sign the request with SigV4."));
    verification.accessKeyId = QString::fromUtf8(scope.at(0));
    verification.region = QString::fromUtf8(scope.at(2));
    verification.service = QString::fromUtf8(scope.at(3));

    const QByteArray amzDate = headerValue(received, "x-amz-date").value_or(QByteArray());
    verification.requestTimeUtc = parseAmzDate(amzDate);
    if (!verification.requestTimeUtc.isValid())
        return failed(verification, Outcome::IncompleteSignature,
                      QStringLiteral("The request needs an X-Amz-Date header in the form yyyyMMddTHHmmssZ."));

    const QList<QByteArray> signedNames = authorization->signedHeaders.split(';');
    if (!signedNames.contains("host"))
        return failed(verification, Outcome::IncompleteSignature,
                      QStringLiteral("The Host header must be one of the SignedHeaders. Add it before signing."));

    if (scope.at(1) != amzDate.left(8))
        return failed(verification, Outcome::SignatureMismatch,
                      QStringLiteral("The date in the Credential scope does not match X-Amz-Date. "
                                     "Sign with one timestamp for both."));

    const std::optional<QString> secret = secretForAccessKey(verification.accessKeyId);
    if (!secret)
        return failed(verification, Outcome::UnknownAccessKey,
                      QStringLiteral("The access key '%1' is not known here. Use the credentials this server "
                                     "was started with.")
                          .arg(verification.accessKeyId));

    const bool isS3 = scope.at(3) == "s3";
    const QByteArray canonicalRequest = SigV4::canonicalRequest(received, signedNames, !isS3, !isS3);
    const QByteArray credentialScope = SigV4::credentialScope(scope.at(1), scope.at(2), scope.at(3));
    const QByteArray stringToSign = SigV4::stringToSign(amzDate, credentialScope, canonicalRequest);
    const QByteArray expected =
        hmacSha256(SigV4::signingKey(secret->toUtf8(), scope.at(1), scope.at(2), scope.at(3)), stringToSign).toHex();

    const QByteArray &provided = authorization->signature;
    if (provided.size() != expected.size()
        || CRYPTO_memcmp(provided.constData(), expected.constData(), static_cast<size_t>(expected.size())) != 0)
        return failed(verification, Outcome::SignatureMismatch,
                      QStringLiteral("The request signature does not match the one calculated for it. "
                                     "Check the secret access key and that the request was not changed after "
                                     "signing."));

    verification.outcome = Outcome::Valid;
    return verification;
}
