#include "client/clockskew.h"

#include <QLocale>

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

QDateTime parseHttpDate(const QByteArray &value)
{
    // RFC 7231 IMF-fixdate, which AWS sends; Qt::RFC2822Date does not accept "GMT".
    QString text = QString::fromLatin1(value).trimmed();
    if (text.endsWith(QLatin1String(" GMT")))
        text.chop(4);
    QDateTime parsed = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!parsed.isValid())
        return QDateTime::fromString(QString::fromLatin1(value).trimmed(), Qt::RFC2822Date);
    parsed.setTimeSpec(Qt::UTC);
    return parsed;
}

std::optional<qint64> clockSkewCorrectionMs(const AwsError &error, const QByteArray &dateHeader,
                                            const QDateTime &signingTimeUtc)
{
    if (!isSkewErrorCode(error.code) || dateHeader.isEmpty())
        return std::nullopt;
    const QDateTime serverTime = parseHttpDate(dateHeader);
    if (!serverTime.isValid())
        return std::nullopt;
    const qint64 skew = signingTimeUtc.msecsTo(serverTime);
    if (std::llabs(skew) <= ClockSkewThresholdMs)
        return std::nullopt;
    return skew;
}
