#include "simulator/organizationsservice.h"

#include "simulator/jsontext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace {

constexpr char Namespace[] = "com.amazonaws.organizations.v20161128";

ServiceError organizationsError(const char *code, const QString &message)
{
    ServiceError error;
    error.httpStatus = 400;
    error.typeNamespace = Namespace;
    error.code = code;
    error.message = message;
    error.messageKey = "Message";
    return error;
}

ServiceError invalidInput(const QString &message)
{
    ServiceError error = organizationsError("InvalidInputException", message);
    error.messageKey = "message";
    return error;
}

bool needsParent(QByteArrayView operation)
{
    return operation == "ListOrganizationalUnitsForParent" || operation == "ListAccountsForParent";
}

} // namespace

OrganizationsService::OrganizationsService(const SimulatedOrganization &organization, quint64 tokenSalt)
    : m_organization(organization)
    , m_allAccounts(organization.organizationAccounts())
    , m_tokens(tokenSalt ^ 0x6f7267u)
{
    for (const SimulatedUnit &unit : organization.units) {
        m_parentOf.insert(unit.id, unit.parentId);
        m_unitsByParent[unit.parentId].append(
            "{\"Id\":" + JsonText::quoted(unit.id) + ",\"Arn\":"
            + JsonText::quoted(QStringLiteral("arn:aws:organizations::%1:ou/%2/%3")
                                   .arg(organization.managementAccount.accountId, organization.organizationId, unit.id))
            + ",\"Name\":" + JsonText::quoted(unit.name) + '}');
    }
    for (int i = 0; i < m_allAccounts.size(); ++i) {
        m_withPaths.append(accountJson(m_allAccounts.at(i), true));
        m_withoutPaths.append(accountJson(m_allAccounts.at(i), false));
        const QString parent = m_allAccounts.at(i).parentId.isEmpty() ? organization.rootId : m_allAccounts.at(i).parentId;
        m_accountsByParent[parent].append(i);
    }
}

bool OrganizationsService::serves(QByteArrayView operation)
{
    return operation == "ListAccounts" || operation == "ListRoots" || needsParent(operation);
}

QByteArray OrganizationsService::accountJson(const SimulatedAccount &account, bool withPaths) const
{
    QByteArray json = "{\"Id\":" + JsonText::quoted(account.accountId) + ",\"Arn\":"
        + JsonText::quoted(QStringLiteral("arn:aws:organizations::%1:account/%2/%3")
                               .arg(m_organization.managementAccount.accountId, m_organization.organizationId,
                                    account.accountId))
        + ",\"Email\":" + JsonText::quoted(account.email) + ",\"Name\":" + JsonText::quoted(account.name)
        + ",\"State\":" + JsonText::quoted(account.state) + ",\"JoinedMethod\":" + JsonText::quoted(account.joinedMethod)
        + ",\"JoinedTimestamp\":" + QByteArray::number(account.joinedSeconds) + ".25";
    if (withPaths) {
        QStringList ids;
        for (QString at = account.parentId; !at.isEmpty(); at = m_parentOf.value(at))
            ids.prepend(at);
        if (ids.isEmpty() || ids.first() != m_organization.rootId)
            ids.prepend(m_organization.rootId);
        const QString path = m_organization.organizationId + u'/' + ids.join(u'/') + u'/' + account.accountId + u'/';
        json += ",\"Paths\":[" + JsonText::quoted(path) + ']';
    }
    json += '}';
    return json;
}

Expected<OrganizationsService::Page, ServiceError>
OrganizationsService::readPage(QByteArrayView operation, const QByteArray &body, bool parentRequired) const
{
    QJsonObject request;
    if (!body.trimmed().isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson(body);
        if (!document.isObject())
            return Unexpected{invalidInput(QStringLiteral("The request body must be a JSON object."))};
        request = document.object();
    }
    Page page;
    const QJsonValue max = request.value(QLatin1String("MaxResults"));
    if (!max.isUndefined() && !max.isNull()) {
        page.maxResults = max.toInt(-1);
        if (page.maxResults < 1 || page.maxResults > MaxResults)
            return Unexpected{invalidInput(QStringLiteral("You provided a value that does not match the required "
                                                          "pattern: MaxResults must be between 1 and 20."))};
    }
    const QString token = request.value(QLatin1String("NextToken")).toString();
    if (!token.isEmpty()) {
        const auto decoded = m_tokens.decode(token.toLatin1());
        if (!decoded || *decoded < 0)
            return Unexpected{invalidInput(QStringLiteral("The NextToken is invalid."))};
        page.offset = *decoded;
    }
    if (parentRequired) {
        page.parentId = request.value(QLatin1String("ParentId")).toString();
        if (page.parentId.isEmpty())
            return Unexpected{invalidInput(QStringLiteral("ParentId is required for %1.")
                                               .arg(QString::fromLatin1(operation.data(), operation.size())))};
        if (page.parentId != m_organization.rootId && !m_parentOf.contains(page.parentId))
            return Unexpected{organizationsError("ParentNotFoundException",
                                                 QStringLiteral("We can't find a root or OU with the ParentId that "
                                                                "you specified."))};
    }
    return page;
}

QByteArray OrganizationsService::listPage(const char *member, const QList<QByteArray> &items, const Page &page) const
{
    const qsizetype begin = qMin(page.offset, items.size());
    const qsizetype end = qMin<qsizetype>(items.size(), begin + page.maxResults);
    QByteArray out = QByteArray("{\"") + member + "\":[";
    for (qsizetype i = begin; i < end; ++i) {
        if (i > begin)
            out += ',';
        out += items.at(i);
    }
    out += ']';
    if (end < items.size())
        out += ",\"NextToken\":\"" + m_tokens.encode(end) + '"';
    out += '}';
    return out;
}

Expected<QByteArray, ServiceError> OrganizationsService::answer(QByteArrayView operation, const QByteArray &body) const
{
    if (m_access == Access::NotInUse)
        return Unexpected{organizationsError("AWSOrganizationsNotInUseException",
                                             QStringLiteral("Your account is not a member of an organization."))};
    const bool treeOperation = operation != "ListAccounts";
    if (m_access == Access::Denied || (m_access == Access::UnitsDenied && treeOperation))
        return Unexpected{organizationsError("AccessDeniedException",
                                             QStringLiteral("You don't have permissions to access this resource."))};
    auto page = readPage(operation, body, needsParent(operation));
    if (!page)
        return Unexpected{page.error()};

    QList<QByteArray> items;
    if (operation == "ListAccounts") {
        return listPage("Accounts", accountsJson(), *page);
    }
    if (operation == "ListRoots") {
        items.append("{\"Id\":" + JsonText::quoted(m_organization.rootId) + ",\"Arn\":"
                     + JsonText::quoted(QStringLiteral("arn:aws:organizations::%1:root/%2/%3")
                                            .arg(m_organization.managementAccount.accountId,
                                                 m_organization.organizationId, m_organization.rootId))
                     + ",\"Name\":\"Root\",\"PolicyTypes\":[]}");
        return listPage("Roots", items, *page);
    }
    if (operation == "ListOrganizationalUnitsForParent")
        return listPage("OrganizationalUnits", m_unitsByParent.value(page->parentId), *page);
    for (const int index : m_accountsByParent.value(page->parentId))
        items.append(accountsJson().at(index));
    return listPage("Accounts", items, *page);
}
