#include "enrollment/enrollmentpageparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace {

constexpr qint64 EarliestTimestampMsecs = -62135596800000; // 0001-01-01T00:00:00Z
constexpr qint64 LatestTimestampMsecs = 253402300799999;   // 9999-12-31T23:59:59.999Z

QString describeType(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

// JSON lets "\ud800" through unpaired; such text cannot be written as UTF-8, and two IDs that
// differ only there would export as the same row.
bool isText(const QJsonValue &value)
{
    return value.isString() && value.toString().isValidUtf16();
}

QString notText(const QJsonValue &value)
{
    return value.isString() ? QStringLiteral("a string that is not valid Unicode (an unpaired surrogate)")
                            : describeType(value) % QStringLiteral(", not a string");
}

Expected<AccountEnrollment> parseAccount(const QJsonValue &value, qsizetype index)
{
    const QString where = QStringLiteral("account entry %1").arg(index + 1);
    if (!value.isObject())
        return Unexpected{where % QStringLiteral(" is ") % describeType(value) % QStringLiteral(", not an object")};
    const QJsonObject object = value.toObject();

    AccountEnrollment account;
    const QJsonValue id = object.value(QLatin1String("accountId"));
    if (!id.isString() || id.toString().isEmpty())
        return Unexpected{where % QStringLiteral(" has no accountId string (it is ") % describeType(id) % u')'};
    if (!isText(id))
        return Unexpected{where % QStringLiteral(" has an accountId that is ") % notText(id)};
    account.accountId = id.toString();

    const QJsonValue status = object.value(QLatin1String("status"));
    if (!status.isUndefined() && !status.isNull()) {
        if (!isText(status))
            return Unexpected{QStringLiteral("account %1 has a status that is %2")
                                  .arg(account.accountId, notText(status))};
        account.statusText = status.toString();
    }
    account.status = enrollmentStatusFromText(account.statusText);

    const QJsonValue reason = object.value(QLatin1String("statusReason"));
    if (!reason.isUndefined() && !reason.isNull()) {
        if (!isText(reason))
            return Unexpected{QStringLiteral("account %1 has a statusReason that is %2")
                                  .arg(account.accountId, notText(reason))};
        account.statusReason = reason.toString();
    }

    const QJsonValue updated = object.value(QLatin1String("lastUpdatedTimestamp"));
    if (!updated.isUndefined() && !updated.isNull()) {
        if (!updated.isDouble() || !std::isfinite(updated.toDouble()))
            return Unexpected{QStringLiteral("account %1 has a lastUpdatedTimestamp that is %2, not epoch seconds")
                                  .arg(account.accountId, describeType(updated))};
        const double seconds = updated.toDouble();
        // The export writes ISO 8601, which ends at the years 1 and 9999: anything outside is
        // garbage, not a date, and would otherwise export as an empty cell.
        const double msecs = std::round(seconds * 1000.0);
        if (msecs < double(EarliestTimestampMsecs) || msecs > double(LatestTimestampMsecs))
            return Unexpected{QStringLiteral("account %1 has a lastUpdatedTimestamp out of range (%2)")
                                  .arg(account.accountId)
                                  .arg(seconds)};
        account.lastUpdatedMsecs = qint64(msecs);
        account.lastUpdatedHasFraction = std::floor(seconds) != seconds;
    }
    return account;
}

} // namespace

Expected<EnrollmentPage> parseEnrollmentPage(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return Unexpected{QStringLiteral("the response body is empty")};

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Unexpected{QStringLiteral("the response is not valid JSON (%1 at byte %2)")
                              .arg(parseError.errorString())
                              .arg(parseError.offset)};
    if (!document.isObject())
        return Unexpected{QStringLiteral("the response is JSON but not an object")};
    const QJsonObject root = document.object();

    EnrollmentPage page;
    const QJsonValue list = root.value(QLatin1String("accountEnrollmentStatuses"));
    // AWS JSON services omit empty lists, so a missing list is an empty page, not an error.
    if (!list.isUndefined() && !list.isNull()) {
        if (!list.isArray())
            return Unexpected{QStringLiteral("accountEnrollmentStatuses is ") % describeType(list)
                              % QStringLiteral(", not an array")};
        const QJsonArray entries = list.toArray();
        page.accounts.reserve(entries.size());
        for (qsizetype i = 0; i < entries.size(); ++i) {
            auto account = parseAccount(entries.at(i), i);
            if (!account)
                return Unexpected{account.error()};
            page.accounts.append(std::move(account).value());
        }
    }

    const QJsonValue token = root.value(QLatin1String("nextToken"));
    if (!token.isUndefined() && !token.isNull()) {
        if (!isText(token))
            return Unexpected{QStringLiteral("nextToken is ") % notText(token)};
        page.nextToken = token.toString();
    }
    return page;
}
