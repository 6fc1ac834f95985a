#include "network/accountnamesfetcher.h"

#include "client/awscall.h"
#include "client/parsedcall.h"
#include "network/listaccountsparser.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace {

// ListAccounts allows no more than 20 a page.
constexpr int NamesPerPage = 20;

} // namespace

AccountNamesFetcher::AccountNamesFetcher(AwsClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

void AccountNamesFetcher::start(const EnrollmentQuery &query, int run)
{
    cancel();
    m_query = query;
    m_run = run;
    m_nextToken.clear();
    m_tokensSeen.clear();
    requestPage();
}

void AccountNamesFetcher::cancel()
{
    if (AwsCall *call = std::exchange(m_call, nullptr))
        call->abort();
}

void AccountNamesFetcher::requestPage()
{
    QJsonObject body{{QLatin1String("MaxResults"), NamesPerPage}};
    if (!m_nextToken.isEmpty())
        body.insert(QLatin1String("NextToken"), m_nextToken);
    AwsRequest request = awsJsonRequest(m_query.organizations, QStringLiteral("AWS Organizations"),
                                        "AWSOrganizationsV20161128", QStringLiteral("ListAccounts"), "1.1",
                                        QJsonDocument(body).toJson(QJsonDocument::Compact));
    request.credentials = m_query.credentials;
    const auto read = [](const QByteArray &answer) -> Expected<AccountNamesPage> {
        auto parsed = parseListAccountsPage(answer);
        if (!parsed)
            return Unexpected{tr("A ListAccounts page from AWS Organizations was malformed: %1.").arg(parsed.error())};
        return parsed;
    };
    m_call = sendParsed<AccountNamesPage>(*m_client, std::move(request), read,
                                          [this](const Expected<AccountNamesPage, AwsFailure> &result) {
        m_call = nullptr;
        if (!result) {
            const AwsFailure &failure = result.error();
            const bool denied = failure.kind == AwsFailure::Kind::AccessDenied;
            // The client's sentence already says what happened and what to do (wait, retry, sign in).
            QString reason = failure.message;
            if (denied)
                reason = tr("Account names need permission to call organizations:ListAccounts, from the management "
                            "account or a delegated administrator for AWS Organizations.");
            Q_EMIT unavailable(reason, denied, m_run);
            return;
        }
        Q_EMIT namesReceived(result->names, m_run);
        // Organizations may hand back a token it gave before; that is a loop, not more accounts.
        // An empty page with a token is not the end: only a missing token is.
        if (result->nextToken.isEmpty() || m_tokensSeen.contains(result->nextToken)) {
            Q_EMIT finished(m_run);
            return;
        }
        m_nextToken = result->nextToken;
        m_tokensSeen.insert(m_nextToken);
        requestPage();
    });
}
