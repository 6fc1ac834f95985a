#include "network/clockskew.h"

#include <cstdlib>

namespace {

bool isSkewErrorCode(const QString &code)
{
    for (QStringView candidate : {u"RequestTimeTooSkewed", u"RequestExpired", u"InvalidSignatureException",
                                  u"SignatureDoesNotMatch", u"AuthFailure", u"RequestInTheFuture"}) {
        if (code == candidate)
            return true;
    }
    return false;
}

} // namespace

std::optional<qint64> clockSkewCorrectionMs(const AwsError &error, const QByteArray &dateHeader,
                                            const QDateTime &signingTimeUtc)
{
    if (!isSkewErrorCode(error.code) || dateHeader.isEmpty())
        return std::nullopt;
    const QDateTime serverTime = QDateTime::fromString(QString::fromLatin1(dateHeader).trimmed(), Qt::RFC2822Date);
    if (!serverTime.isValid())
        return std::nullopt;
    const qint64 skew = signingTimeUtc.msecsTo(serverTime);
    if (std::llabs(skew) <= ClockSkewThresholdMs)
        return std::nullopt;
    return skew;
}
