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
        page.names.insert(id, AccountName{account.value(QLatin1String("Name")).toString(),
                                          account.value(QLatin1String("Email")).toString()});
    }
    const QJsonValue token = root.value(QLatin1String("NextToken"));
    if (!token.isUndefined() && !token.isNull() && !token.isString())
        return Unexpected{QStringLiteral("NextToken in the ListAccounts response is not a string")};
    page.nextToken = token.toString();
    return page;
}
