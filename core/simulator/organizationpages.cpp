#include "simulator/organizationpages.h"

#include "simulator/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace {

constexpr int maxResultsLimit = 1000;

const QStringList &validStatuses()
{
    static const QStringList statuses{QStringLiteral("Active"), QStringLiteral("Inactive"),
                                      QStringLiteral("Pending"), QStringLiteral("Failed")};
    return statuses;
}

QByteArray accountJson(const SimulatedAccount &account)
{
    QByteArray json = "{\"accountId\":";
    JsonText::appendString(json, account.accountId);
    json += ",\"status\":";
    JsonText::appendString(json, account.status);
    if (account.statusReason) {
        json += ",\"statusReason\":";
        JsonText::appendString(json, *account.statusReason);
    }
    if (!account.lastUpdatedJson.isEmpty())
        json += ",\"lastUpdatedTimestamp\":" + account.lastUpdatedJson;
    json += '}';
    return json;
}

// Coral's own wording for a JSON value of the wrong type.
ServiceError wrongType(const QJsonValue &value, const char *expected)
{
    const char *found = "NULL_VALUE";
    switch (value.type()) {
    case QJsonValue::Bool:
        found = "BOOLEAN_VALUE";
        break;
    case QJsonValue::Double:
        found = "NUMBER_VALUE";
        break;
    case QJsonValue::String:
        found = "STRING_VALUE";
        break;
    case QJsonValue::Array:
        found = "START_ARRAY";
        break;
    case QJsonValue::Object:
        found = "START_OBJECT";
        break;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return ServiceErrors::serialization(QStringLiteral("%1 can not be converted to %2")
                                            .arg(QLatin1String(found), QLatin1String(expected)));
}

Expected<std::optional<QStringList>, ServiceError> parseFilters(const QJsonValue &filters)
{
    if (filters.isUndefined() || filters.isNull())
        return std::optional<QStringList>();
    if (!filters.isArray())
        return Unexpected{wrongType(filters, "a list")};

    std::optional<QStringList> allowed;
    for (const QJsonValue &filter : filters.toArray()) {
        if (!filter.isObject())
            return Unexpected{wrongType(filter, "an EnrollmentFilter")};
        const QJsonObject object = filter.toObject();
        const QJsonValue name = object.value(QLatin1String("name"));
        if (!name.isString())
            return Unexpected{ServiceErrors::invalidParameterValue(
                QStringLiteral("Each filter needs a name. The valid filter name is Status."))};
        if (name.toString() != QLatin1String("Status"))
            return Unexpected{ServiceErrors::invalidParameterValue(
                QStringLiteral("'%1' is not a valid filter name. The valid filter name is Status.")
                    .arg(name.toString()))};
        const QJsonValue values = object.value(QLatin1String("values"));
        if (!values.isArray() || values.toArray().isEmpty())
            return Unexpected{ServiceErrors::invalidParameterValue(
                QStringLiteral("The Status filter needs at least one value: Active, Inactive, Pending or Failed."))};

        QStringList wanted;
        for (const QJsonValue &value : values.toArray()) {
            if (!value.isString())
                return Unexpected{wrongType(value, "a String")};
            if (!validStatuses().contains(value.toString()))
                return Unexpected{ServiceErrors::invalidParameterValue(
                    QStringLiteral("'%1' is not a valid value for the Status filter. Valid values are Active, "
                                   "Inactive, Pending and Failed.")
                        .arg(value.toString()))};
            if (!wanted.contains(value.toString()))
                wanted.append(value.toString());
        }
        // Several Status filters must all match, so their values intersect.
        if (allowed) {
            QStringList both;
            for (const QString &status : std::as_const(*allowed)) {
                if (wanted.contains(status))
                    both.append(status);
            }
            allowed = both;
        } else {
            allowed = wanted;
        }
    }
    if (allowed)
        allowed->sort();
    return allowed;
}

} // namespace

OrganizationPages::OrganizationPages(const SimulatedOrganization &organization, quint64 tokenSalt)
    : m_tokens(tokenSalt)
{
    m_accountJson.reserve(organization.accounts.size());
    m_accountStatus.reserve(organization.accounts.size());
    for (const SimulatedAccount &account : organization.accounts) {
        m_accountJson.append(accountJson(account));
        m_accountStatus.append(account.status);
        if (account.status == QLatin1String("Active"))
            ++m_activeCount;
    }
}

QByteArray OrganizationPages::nextTokenIn(const QByteArray &body)
{
    const QJsonValue token = QJsonDocument::fromJson(body).object().value(QLatin1String("nextToken"));
    return token.isString() ? token.toString().toUtf8() : QByteArray();
}

Expected<PageRequest, ServiceError> OrganizationPages::parseRequest(const QByteArray &body)
{
    QJsonObject object;
    // botocore sends "{}" for an empty input; an empty body is read the same way.
    if (!body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return Unexpected{ServiceErrors::serialization(
                QStringLiteral("The request body is not valid JSON (%1 at offset %2).")
                    .arg(parseError.errorString())
                    .arg(parseError.offset))};
        if (!document.isObject())
            return Unexpected{ServiceErrors::serialization(QStringLiteral("The request body must be a JSON object."))};
        object = document.object();
    }

    PageRequest request;
    auto statuses = parseFilters(object.value(QLatin1String("filters")));
    if (!statuses)
        return Unexpected{statuses.error()};
    request.statuses = std::move(statuses.value());

    const QJsonValue maxResults = object.value(QLatin1String("maxResults"));
    if (!maxResults.isUndefined() && !maxResults.isNull()) {
        const double number = maxResults.toDouble();
        if (!maxResults.isDouble() || std::floor(number) != number || std::fabs(number) > 2147483647.0)
            return Unexpected{wrongType(maxResults, "an Integer")};
        if (number < 1 || number > maxResultsLimit)
            return Unexpected{ServiceErrors::invalidParameterValue(
                QStringLiteral("%1 is not a valid maxResults value. Specify a number from 1 to %2.")
                    .arg(static_cast<qint64>(number))
                    .arg(maxResultsLimit))};
        if (number > m_maxResultsLimit) {
            ServiceError refused = ServiceErrors::invalidParameterValue(
                QStringLiteral("1 validation error detected: Value '%1' at 'maxResults' failed to satisfy constraint: "
                               "Member must have value less than or equal to %2")
                    .arg(static_cast<qint64>(number))
                    .arg(m_maxResultsLimit));
            refused.typeNamespace = "com.amazon.coral.validate";
            refused.code = "ValidationException";
            return Unexpected{refused};
        }
        request.maxResults = static_cast<int>(number);
    }

    const QJsonValue nextToken = object.value(QLatin1String("nextToken"));
    if (!nextToken.isUndefined() && !nextToken.isNull()) {
        if (!nextToken.isString())
            return Unexpected{wrongType(nextToken, "a String")};
        if (!nextToken.toString().isEmpty()) {
            const std::optional<qsizetype> offset = m_tokens.decode(nextToken.toString().toUtf8());
            if (!offset || *offset > matchingCount(request.statuses))
                return Unexpected{ServiceErrors::invalidParameterValue(QStringLiteral(
                    "The nextToken is invalid. Request the first page again without a nextToken."))};
            request.offset = *offset;
        }
    }
    return request;
}

const QList<qsizetype> *OrganizationPages::matchingAccounts(const std::optional<QStringList> &statuses)
{
    if (!statuses)
        return nullptr;
    const QString key = statuses->join(QLatin1Char('|'));
    auto found = m_filtered.constFind(key);
    if (found == m_filtered.constEnd()) {
        QList<qsizetype> indices;
        for (qsizetype i = 0; i < m_accountStatus.size(); ++i) {
            if (statuses->contains(m_accountStatus[i]))
                indices.append(i);
        }
        found = m_filtered.insert(key, std::move(indices));
    }
    return &found.value();
}

qsizetype OrganizationPages::matchingCount(const std::optional<QStringList> &statuses)
{
    const QList<qsizetype> *indices = matchingAccounts(statuses);
    return indices ? indices->size() : m_accountJson.size();
}

QByteArray OrganizationPages::nextTokenAfter(const PageRequest &request)
{
    const qsizetype end = request.offset + request.maxResults;
    return end < matchingCount(request.statuses) ? m_tokens.encode(end) : QByteArray();
}

QByteArray OrganizationPages::tokenForOffset(qsizetype offset) const
{
    return m_tokens.encode(offset);
}

QByteArray OrganizationPages::pageJson(const PageRequest &request, const QByteArray &nextToken)
{
    const QList<qsizetype> *indices = matchingAccounts(request.statuses);
    const qsizetype total = indices ? indices->size() : m_accountJson.size();
    const qsizetype begin = qMin(request.offset, total);
    const qsizetype end = qMin(begin + request.maxResults, total);

    qsizetype size = 64 + nextToken.size();
    for (qsizetype i = begin; i < end; ++i)
        size += m_accountJson[indices ? indices->at(i) : i].size() + 1;
    QByteArray json;
    json.reserve(size);
    json.append("{\"accountEnrollmentStatuses\":[");
    for (qsizetype i = begin; i < end; ++i) {
        if (i != begin)
            json.append(',');
        json.append(m_accountJson[indices ? indices->at(i) : i]);
    }
    json.append(']');
    if (!nextToken.isEmpty()) {
        json.append(",\"nextToken\":");
        JsonText::appendString(json, QString::fromLatin1(nextToken));
    }
    json.append('}');
    return json;
}

QByteArray OrganizationPages::enrollmentStatusJson() const
{
    return "{\"status\":\"Active\",\"memberAccountsEnrolled\":true,\"numberOfMemberAccountsOptedIn\":"
        + QByteArray::number(m_activeCount) + ",\"lastUpdatedTimestamp\":1.7040672E9}";
}
