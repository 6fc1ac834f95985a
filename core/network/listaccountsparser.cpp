#include "network/listaccountsparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <cmath>

namespace {

Expected<QJsonObject> documentObject(const QByteArray &body, QLatin1String operation)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Unexpected{QStringLiteral("the %1 response is not a JSON object").arg(operation)};
    return document.object();
}

Expected<QString> nextTokenOf(const QJsonObject &root, QLatin1String operation)
{
    const QJsonValue token = root.value(QLatin1String("NextToken"));
    if (!token.isUndefined() && !token.isNull() && (!token.isString() || !token.toString().isValidUtf16()))
        return Unexpected{QStringLiteral("NextToken in the %1 response is not a string").arg(operation)};
    return token.toString();
}

Expected<QJsonArray> listOf(const QJsonObject &root, QLatin1String member, QLatin1String operation)
{
    const QJsonValue list = root.value(member);
    if (!list.isUndefined() && !list.isNull() && !list.isArray())
        return Unexpected{QStringLiteral("%1 in the %2 response is not an array").arg(member, operation)};
    return list.toArray();
}

} // namespace

QString parentIdFromPath(QStringView path)
{
    QString parent;
    for (QStringView part : path.split(u'/')) {
        if (part.startsWith(u"r-") || part.startsWith(u"ou-"))
            parent = part.toString();
    }
    return parent;
}

Expected<AccountNamesPage> parseListAccountsPage(const QByteArray &body)
{
    const QLatin1String operation("ListAccounts");
    const auto root = documentObject(body, operation);
    if (!root)
        return Unexpected{root.error()};
    const auto list = listOf(*root, QLatin1String("Accounts"), operation);
    if (!list)
        return Unexpected{list.error()};

    AccountNamesPage page;
    page.names.reserve(list->size());
    for (const QJsonValue &value : *list) {
        const QJsonObject account = value.toObject();
        const QString id = account.value(QLatin1String("Id")).toString();
        if (id.isEmpty())
            return Unexpected{QStringLiteral("an account in the ListAccounts response has no Id")};
        AccountName name{account.value(QLatin1String("Name")).toString(),
                         account.value(QLatin1String("Email")).toString()};
        // JSON lets "\ud800" through unpaired; the UTF-8 export cannot hold such text.
        if (!id.isValidUtf16() || !name.name.isValidUtf16() || !name.email.isValidUtf16())
            return Unexpected{QStringLiteral("an account in the ListAccounts response has text that is not valid "
                                             "Unicode")};
        // State, not Status: AWS retired Status on 9 September 2026.
        name.state = accountStateFromText(account.value(QLatin1String("State")).toString());
        const QString method = account.value(QLatin1String("JoinedMethod")).toString();
        if (method == u"INVITED" || method == u"CREATED")
            name.joinedMethod = method;
        const QJsonValue joined = account.value(QLatin1String("JoinedTimestamp"));
        if (joined.isDouble() && std::isfinite(joined.toDouble()))
            name.joinedMsecs = qint64(std::llround(joined.toDouble() * 1000.0));
        // arn:aws:organizations::<management account>:account/o-.../<account>
        const QStringList arn = account.value(QLatin1String("Arn")).toString().split(u':');
        name.managementAccount = arn.size() >= 5 && arn.at(4) == id;
        const QJsonValue paths = account.value(QLatin1String("Paths"));
        if (paths.isArray()) {
            page.pathsSent = true;
            name.parentId = parentIdFromPath(paths.toArray().at(0).toString());
        }
        page.names.insert(id, name);
    }
    const auto token = nextTokenOf(*root, operation);
    if (!token)
        return Unexpected{token.error()};
    page.nextToken = *token;
    return page;
}

Expected<OrganizationUnitsPage> parseOrganizationUnitsPage(const QByteArray &body, QLatin1String member)
{
    const QLatin1String operation(member == QLatin1String("Roots") ? "ListRoots" : "ListOrganizationalUnitsForParent");
    const auto root = documentObject(body, operation);
    if (!root)
        return Unexpected{root.error()};
    const auto list = listOf(*root, member, operation);
    if (!list)
        return Unexpected{list.error()};
    OrganizationUnitsPage page;
    for (const QJsonValue &value : *list) {
        const QJsonObject unit = value.toObject();
        OrganizationUnitEntry entry{unit.value(QLatin1String("Id")).toString(),
                                    unit.value(QLatin1String("Name")).toString()};
        if (entry.id.isEmpty() || !entry.id.isValidUtf16() || !entry.name.isValidUtf16())
            return Unexpected{QStringLiteral("an entry in the %1 response has no Id or text that is not valid Unicode")
                                  .arg(operation)};
        page.units.append(entry);
    }
    const auto token = nextTokenOf(*root, operation);
    if (!token)
        return Unexpected{token.error()};
    page.nextToken = *token;
    return page;
}
