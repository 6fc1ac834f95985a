#include "simulator/requestauthenticator.h"

#include "signing/sigv4verifier.h"

namespace {

QString amzTime(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

QByteArray securityToken(const SignableRequest &request)
{
    for (const auto &[name, value] : request.headers) {
        if (name.compare("X-Amz-Security-Token", Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

std::optional<ServiceError> skewError(const QDateTime &requestTime, const QDateTime &serverNow)
{
    const qint64 skew = requestTime.secsTo(serverNow);
    const qint64 allowed = RequestAuthenticator::allowedSkewSeconds;
    const QString minutes = QString::number(allowed / 60);
    if (skew > allowed)
        return ServiceErrors::invalidSignature(QStringLiteral("Signature expired: %1 is now earlier than %2 (%3 - %4 min.)")
                                                   .arg(amzTime(requestTime), amzTime(serverNow.addSecs(-allowed)),
                                                        amzTime(serverNow), minutes));
    if (skew < -allowed)
        return ServiceErrors::invalidSignature(
            QStringLiteral("Signature not yet current: %1 is still later than %2 (%3 + %4 min.)")
                .arg(amzTime(requestTime), amzTime(serverNow.addSecs(allowed)), amzTime(serverNow), minutes));
    return std::nullopt;
}

} // namespace

void RequestAuthenticator::addCredentials(const QString &accessKeyId, const QString &secretAccessKey,
                                          const QString &sessionToken)
{
    m_credentials.insert(accessKeyId, Secret{secretAccessKey, sessionToken});
}

void RequestAuthenticator::setRegion(const QString &region)
{
    m_region = region;
}

QString RequestAuthenticator::region() const
{
    return m_region;
}

std::optional<ServiceError> RequestAuthenticator::check(const SignableRequest &request,
                                                        const QDateTime &serverNowUtc,
                                                        const QString &expectedService) const
{
    using Outcome = SigV4Verification::Outcome;
    const SigV4Verification verification =
        verifySigV4(request, [this](const QString &accessKeyId) -> std::optional<QString> {
            const auto found = m_credentials.constFind(accessKeyId);
            if (found == m_credentials.constEnd())
                return std::nullopt;
            return found->secretAccessKey;
        });

    switch (verification.outcome) {
    case Outcome::MissingAuthentication:
        return ServiceErrors::missingAuthenticationToken();
    case Outcome::IncompleteSignature:
        return ServiceErrors::incompleteSignature(verification.message);
    case Outcome::UnknownAccessKey:
    case Outcome::SignatureMismatch:
    case Outcome::Valid:
        break;
    }

    // AWS judges the time and the scope before the key and the signature.
    if (auto expired = skewError(verification.requestTimeUtc, serverNowUtc))
        return expired;
    if (verification.service != expectedService)
        return ServiceErrors::invalidSignature(
            QStringLiteral("Credential should be scoped to correct service: '%1'.").arg(expectedService));
    if (verification.region != m_region)
        return ServiceErrors::invalidSignature(QStringLiteral("Credential should be scoped to a valid region."));
    if (verification.outcome == Outcome::UnknownAccessKey)
        return ServiceErrors::unrecognizedClient();
    if (verification.outcome == Outcome::SignatureMismatch)
        return ServiceErrors::signatureMismatch();

    const QString expectedToken = m_credentials.value(verification.accessKeyId).sessionToken;
    if (QString::fromUtf8(securityToken(request)) != expectedToken)
        return ServiceErrors::unrecognizedClient();
    return std::nullopt;
}
