#include "endpoints/endpointfunctions.h"

#include "endpoints/partitions.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <functional>

namespace {

bool isAscii(const QString &value)
{
    for (const QChar c : value) {
        if (c.unicode() > 0x7f)
            return false;
    }
    return true;
}

bool isIpv4Address(const QString &host)
{
    const QStringList parts = host.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        if (part.isEmpty() || part.size() > 3)
            return false;
        bool ok = false;
        const int number = part.toInt(&ok);
        if (!ok || number < 0 || number > 255 || !part.at(0).isDigit())
            return false;
    }
    return true;
}

QJsonValue parseUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.hasQuery() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return QJsonValue();

    const QString path = url.path(QUrl::FullyEncoded);
    QString normalizedPath = path;
    if (!normalizedPath.startsWith(QLatin1Char('/')))
        normalizedPath.prepend(QLatin1Char('/'));
    if (!normalizedPath.endsWith(QLatin1Char('/')))
        normalizedPath.append(QLatin1Char('/'));

    // QUrl hands back IPv6 hosts without their brackets, so a colon means an IPv6 literal.
    const QString host = url.host();
    const bool isIp = isIpv4Address(host) || host.contains(QLatin1Char(':'));
    return QJsonObject{{QStringLiteral("scheme"), scheme},
                       {QStringLiteral("authority"), url.authority(QUrl::FullyEncoded)},
                       {QStringLiteral("path"), path},
                       {QStringLiteral("normalizedPath"), normalizedPath},
                       {QStringLiteral("isIp"), isIp}};
}

QJsonValue substring(const QString &input, int start, int stop, bool reverse)
{
    const int length = static_cast<int>(input.size());
    if (start < 0 || start >= stop || stop > length || !isAscii(input))
        return QJsonValue();
    const int from = reverse ? length - stop : start;
    return input.mid(from, stop - start);
}

QJsonValue parseArn(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() < 6 || parts.at(0) != QLatin1String("arn") || parts.at(1).isEmpty()
        || parts.at(2).isEmpty())
        return QJsonValue();
    const QString resource = parts.mid(5).join(QLatin1Char(':'));
    if (resource.isEmpty())
        return QJsonValue();
    QJsonArray resourceId;
    QString segment;
    for (const QChar c : resource) {
        if (c == QLatin1Char(':') || c == QLatin1Char('/')) {
            resourceId.append(segment);
            segment.clear();
        } else {
            segment.append(c);
        }
    }
    resourceId.append(segment);
    return QJsonObject{{QStringLiteral("partition"), parts.at(1)},
                       {QStringLiteral("service"), parts.at(2)},
                       {QStringLiteral("region"), parts.at(3)},
                       {QStringLiteral("accountId"), parts.at(4)},
                       {QStringLiteral("resourceId"), resourceId}};
}

bool isVirtualHostableS3Bucket(const QString &bucket, bool allowSubDomains)
{
    if (bucket.size() < 3 || bucket.size() > 63 || bucket != bucket.toLower()
        || isIpv4Address(bucket))
        return false;
    return isValidHostLabel(bucket, allowSubDomains);
}

bool isTruthy(const QJsonValue &value)
{
    return !value.isNull() && !value.isUndefined() && !(value.isBool() && !value.toBool());
}

struct Signature
{
    const char *name;
    int arity;
    std::function<QJsonValue(const QList<QJsonValue> &, const Partitions &)> call;
};

const QList<Signature> &library()
{
    static const QList<Signature> functions{
        {"isSet", 1,
         [](const QList<QJsonValue> &a, const Partitions &) {
             return QJsonValue(!a[0].isNull() && !a[0].isUndefined());
         }},
        {"not", 1,
         [](const QList<QJsonValue> &a, const Partitions &) {
             return QJsonValue(!isTruthy(a[0]));
         }},
        {"booleanEquals", 2,
         [](const QList<QJsonValue> &a, const Partitions &) {
             return QJsonValue(a[0].isBool() && a[1].isBool() && a[0].toBool() == a[1].toBool());
         }},
        {"stringEquals", 2,
         [](const QList<QJsonValue> &a, const Partitions &) {
             return QJsonValue(a[0].isString() && a[1].isString()
                               && a[0].toString() == a[1].toString());
         }},
        {"getAttr", 2,
         [](const QList<QJsonValue> &a, const Partitions &) {
             return attributeAt(a[0], a[1].toString());
         }},
        {"parseURL", 1,
         [](const QList<QJsonValue> &a, const Partitions &) {
             return a[0].isString() ? parseUrl(a[0].toString()) : QJsonValue();
         }},
        {"isValidHostLabel", 2,
         [](const QList<QJsonValue> &a, const Partitions &) {
             return QJsonValue(a[0].isString() && isValidHostLabel(a[0].toString(), a[1].toBool()));
         }},
        {"substring", 4,
         [](const QList<QJsonValue> &a, const Partitions &) {
             return a[0].isString()
                 ? substring(a[0].toString(), a[1].toInt(-1), a[2].toInt(-1), a[3].toBool())
                 : QJsonValue();
         }},
        {"uriEncode", 1,
         [](const QList<QJsonValue> &a, const Partitions &) {
             return a[0].isString()
                 ? QJsonValue(QString::fromLatin1(QUrl::toPercentEncoding(a[0].toString())))
                 : QJsonValue();
         }},
        {"aws.partition", 1,
         [](const QList<QJsonValue> &a, const Partitions &partitions) {
             return a[0].isString() ? QJsonValue(partitions.partitionFor(a[0].toString()))
                                    : QJsonValue();
         }},
        {"aws.parseArn", 1,
         [](const QList<QJsonValue> &a, const Partitions &) {
             return a[0].isString() ? parseArn(a[0].toString()) : QJsonValue();
         }},
        {"aws.isVirtualHostableS3Bucket", 2,
         [](const QList<QJsonValue> &a, const Partitions &) {
             return QJsonValue(a[0].isString()
                               && isVirtualHostableS3Bucket(a[0].toString(), a[1].toBool()));
         }},
    };
    return functions;
}

} // namespace

Expected<QJsonValue> callEndpointFunction(const QString &name, const QList<QJsonValue> &arguments,
                                          const Partitions &partitions)
{
    for (const Signature &function : library()) {
        if (name != QLatin1String(function.name))
            continue;
        if (arguments.size() != function.arity)
            return Unexpected{QStringLiteral("The endpoint rules call '%1' with %2 arguments "
                                             "instead of %3.")
                                  .arg(name)
                                  .arg(arguments.size())
                                  .arg(function.arity)};
        return function.call(arguments, partitions);
    }
    return Unexpected{QStringLiteral("The endpoint rules use the function '%1', which this "
                                     "version of Enrollment Desk does not know.")
                          .arg(name)};
}

QJsonValue attributeAt(const QJsonValue &value, const QString &path)
{
    QJsonValue current = value;
    const QStringList parts = path.split(QLatin1Char('.'));
    for (const QString &part : parts) {
        const qsizetype bracket = part.indexOf(QLatin1Char('['));
        const QString key = bracket < 0 ? part : part.left(bracket);
        if (!key.isEmpty()) {
            if (!current.isObject())
                return QJsonValue();
            current = current.toObject().value(key);
        }
        if (bracket < 0)
            continue;
        if (!part.endsWith(QLatin1Char(']')) || !current.isArray())
            return QJsonValue();
        bool isNumber = false;
        const qsizetype index
            = part.mid(bracket + 1, part.size() - bracket - 2).toLongLong(&isNumber);
        const QJsonArray array = current.toArray();
        if (!isNumber || index < 0 || index >= array.size())
            return QJsonValue();
        current = array.at(index);
    }
    return current.isUndefined() ? QJsonValue() : current;
}

bool isValidHostLabel(const QString &value, bool allowSubDomains)
{
    const QStringList labels = allowSubDomains ? value.split(QLatin1Char('.')) : QStringList{value};
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(QLatin1Char('-'))
            || label.endsWith(QLatin1Char('-')))
            return false;
        for (const QChar c : label) {
            const char16_t u = c.unicode();
            const bool allowed = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
                || (u >= u'0' && u <= u'9') || u == u'-';
            if (!allowed)
                return false;
        }
    }
    return true;
}
