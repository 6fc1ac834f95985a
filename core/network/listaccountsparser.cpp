#include "network/listaccountsparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

Expected<AccountNamesPage> parseListAccountsPage(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Unexpected{QStringLiteral("the ListAccounts response is not a JSON object")};
    const QJsonObject root = document.object();

    AccountNamesPage page;
    const QJsonValue accounts = root.value(QLatin1String("Accounts"));
    if (!accounts.isUndefined() && !accounts.isNull() && !accounts.isArray())
        return Unexpected{QStringLiteral("Accounts in the ListAccounts response is not an array")};
    const QJsonArray list = accounts.toArray();
    page.names.reserve(list.size());
    for (const QJsonValue &value : list) {
        const QJsonObject account = value.toObject();
        const QString id = account.value(QLatin1String("Id")).toString();
        if (id.isEmpty())
            return Unexpected{QStringLiteral("an account in the ListAccounts response has no Id")};
        const AccountName name{account.value(QLatin1String("Name")).toString(),
                               account.value(QLatin1String("Email")).toString()};
        // JSON lets "\ud800" through unpaired; the UTF-8 export cannot hold such text.
        if (!id.isValidUtf16() || !name.name.isValidUtf16() || !name.email.isValidUtf16())
            return Unexpected{QStringLiteral("an account in the ListAccounts response has text that is not valid "
                                             "Unicode")};
        page.names.insert(id, name);
    }
    const QJsonValue token = root.value(QLatin1String("NextToken"));
    if (!token.isUndefined() && !token.isNull() && (!token.isString() || !token.toString().isValidUtf16()))
        return Unexpected{QStringLiteral("NextToken in the ListAccounts response is not a string")};
    page.nextToken = token.toString();
    return page;
}
