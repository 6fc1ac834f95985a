#include "simulator/accountlistpages.h"

#include "simulator/jsontext.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

ServiceError invalidInput(const QString &message)
{
    ServiceError error;
    error.httpStatus = 400;
    error.typeNamespace = "com.amazonaws.organizations.v20161128";
    error.code = "InvalidInputException";
    error.message = message;
    return error;
}

} // namespace

AccountListPages::AccountListPages(const SimulatedOrganization &organization, quint64 tokenSalt)
    : m_tokens(tokenSalt ^ 0x6f7267u)
{
    m_accountJson.reserve(organization.accounts.size());
    for (const SimulatedAccount &account : organization.accounts) {
        m_accountJson.append("{\"Id\":" + JsonText::quoted(account.accountId)
                             + ",\"Arn\":" + JsonText::quoted(QString(QStringLiteral("arn:aws:organizations::000000000000:account/o-example/") + account.accountId))
                             + ",\"Email\":" + JsonText::quoted(account.email)
                             + ",\"Name\":" + JsonText::quoted(account.name)
                             + ",\"Status\":\"ACTIVE\",\"JoinedMethod\":\"INVITED\",\"JoinedTimestamp\":1.6084512E9}");
    }
}

Expected<QByteArray, ServiceError> AccountListPages::answer(const QByteArray &body) const
{
    QJsonObject request;
    if (!body.trimmed().isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson(body);
        if (!document.isObject())
            return Unexpected{invalidInput(QStringLiteral("The request body must be a JSON object."))};
        request = document.object();
    }
    int maxResults = MaxResults;
    const QJsonValue max = request.value(QLatin1String("MaxResults"));
    if (!max.isUndefined() && !max.isNull()) {
        maxResults = max.toInt(-1);
        if (maxResults < 1 || maxResults > MaxResults)
            return Unexpected{invalidInput(QStringLiteral("You provided a value that does not match the required "
                                                          "pattern: MaxResults must be between 1 and 20."))};
    }
    qsizetype offset = 0;
    const QString token = request.value(QLatin1String("NextToken")).toString();
    if (!token.isEmpty()) {
        const auto decoded = m_tokens.decode(token.toLatin1());
        if (!decoded || *decoded < 0 || *decoded > m_accountJson.size())
            return Unexpected{invalidInput(QStringLiteral("The NextToken is invalid."))};
        offset = *decoded;
    }

    const qsizetype end = std::min<qsizetype>(m_accountJson.size(), offset + maxResults);
    QByteArray page = "{\"Accounts\":[";
    for (qsizetype i = offset; i < end; ++i) {
        if (i > offset)
            page += ',';
        page += m_accountJson.at(i);
    }
    page += ']';
    if (end < m_accountJson.size())
        page += ",\"NextToken\":\"" + m_tokens.encode(end) + '"';
    page += '}';
    return page;
}
