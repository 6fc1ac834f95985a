#include "network/enrollmentfetcher.h"

#include "client/awscall.h"
#include "client/parsedcall.h"
#include "enrollment/enrollmentpageparser.h"
#include "network/enrollmenterror.h"
#include "network/pagesizememory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace {

QByteArray requestBody(const EnrollmentQuery &query, const QString &token)
{
    QJsonObject body;
    if (!query.statuses.isEmpty()) {
        body.insert(QLatin1String("filters"),
                    QJsonArray{QJsonObject{{QLatin1String("name"), QStringLiteral("Status")},
                                           {QLatin1String("values"), QJsonArray::fromStringList(query.statuses)}}});
    }
    if (!token.isEmpty())
        body.insert(QLatin1String("nextToken"), token);
    body.insert(QLatin1String("maxResults"), query.maxResults);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

// The documented page size, which every endpoint accepts.
constexpr int DocumentedMaxResults = 100;

// An endpoint that keeps to the documented 100 refuses a larger page with a validation error that
// names the parameter.
bool refusesPageSize(const AwsFailure &failure, int asked)
{
    const QString &code = failure.error.code;
    return asked > DocumentedMaxResults
        && (code == u"ValidationException" || code == u"InvalidParameterValueException")
        && failure.error.message.contains(QLatin1String("maxResults"), Qt::CaseInsensitive);
}

} // namespace

EnrollmentFetcher::EnrollmentFetcher(AwsClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

EnrollmentFetcher::~EnrollmentFetcher() = default;

void EnrollmentFetcher::start(const EnrollmentQuery &query, int run)
{
    cancel();
    m_cancelRequested.store(false);
    m_started = true;
    m_query = query;
    m_run = run;
    m_currentToken.clear();
    m_tokensSeen.clear();
    m_accountIdsSeen.clear();
    m_progress = {};
    m_query.maxResults = PageSizeMemory::pageSizeFor(m_query.computeOptimizer(), m_query.maxResults);
    requestPage();
}

void EnrollmentFetcher::resume(int run)
{
    cancel();
    m_cancelRequested.store(false);
    m_run = run;
    if (!m_started)
        return;
    m_progress.retryDelayMs = 0;
    requestPage();
}

void EnrollmentFetcher::cancel()
{
    m_cancelRequested.store(true);
    if (AwsCall *call = std::exchange(m_call, nullptr))
        call->abort();
}

void EnrollmentFetcher::requestPage()
{
    if (m_cancelRequested.load())
        return;
    AwsRequest request = awsJsonRequest(m_query.computeOptimizer(), QStringLiteral("Compute Optimizer"),
                                        "ComputeOptimizerService", QStringLiteral("GetEnrollmentStatusesForOrganization"),
                                        "1.0", requestBody(m_query, m_currentToken));
    request.credentials = m_query.credentials;
    const int pageNumber = m_progress.pages + 1;
    const auto read = [pageNumber](const QByteArray &body) -> Expected<EnrollmentPage> {
        auto parsed = parseEnrollmentPage(body);
        if (!parsed)
            return Unexpected{tr("Page %1 from Compute Optimizer was malformed: %2. Retry to continue.")
                                  .arg(pageNumber)
                                  .arg(parsed.error())};
        return parsed;
    };
    QPointer<EnrollmentFetcher> self(this);
    request.onRetry = [self](const AwsRetryNotice &notice) {
        if (!self)
            return;
        ++self->m_progress.retries;
        self->m_progress.retryDelayMs = notice.delayMs;
        self->m_progress.throttled = notice.throttled;
        self->m_progress.retryReason = notice.reason;
        Q_EMIT self->progressChanged(self->m_progress, self->m_run);
    };
    m_call = sendParsed<EnrollmentPage>(*m_client, std::move(request), read,
                                        [this](const Expected<EnrollmentPage, AwsFailure> &result) {
        m_call = nullptr;
        if (m_cancelRequested.load())
            return;
        if (!result) {
            const AwsFailure &failure = result.error();
            if (refusesPageSize(failure, m_query.maxResults)) {
                // The same page again, smaller: nothing is lost, and later loads ask for 100 at once.
                m_query.maxResults = DocumentedMaxResults;
                PageSizeMemory::rememberRefusal(m_query.computeOptimizer(), DocumentedMaxResults);
                requestPage();
                return;
            }
            FetchFailure fetch = fetchFailureOf(failure, m_progress.pages, m_progress.accounts);
            // The service's error in Compute Optimizer's words; credential and transport failures
            // already say what to do.
            if (failure.error.httpStatus != 0 && !failure.fromCredentialSource)
                fetch.message = explainEnrollmentError(failure.error);
            else if (failure.kind == AwsFailure::Kind::Network && m_progress.pages > 0)
                fetch.message = tr("The list stopped at page %1. %2").arg(m_progress.pages + 1).arg(failure.message);
            fail(fetch);
            return;
        }
        handlePage(result->accounts, result->nextToken);
    });
}

void EnrollmentFetcher::handlePage(QList<AccountEnrollment> accounts, const QString &next)
{
    if (!next.isEmpty() && (next == m_currentToken || m_tokensSeen.contains(next))) {
        FetchFailure failure;
        failure.kind = FetchFailure::Kind::TokenLoop;
        failure.message = tr("Compute Optimizer returned a page token it had already given after %n page(s), so the "
                             "list would repeat forever. The accounts loaded so far are kept; retry later, when the "
                             "organization is not changing.",
                             nullptr, m_progress.pages + 1);
        failure.pagesLoaded = m_progress.pages;
        failure.accountsLoaded = m_progress.accounts;
        fail(failure);
        return;
    }

    QList<AccountEnrollment> fresh;
    fresh.reserve(accounts.size());
    for (AccountEnrollment &account : accounts) {
        if (m_accountIdsSeen.contains(account.accountId)) {
            ++m_progress.duplicatesIgnored;
            continue;
        }
        m_accountIdsSeen.insert(account.accountId);
        fresh.append(std::move(account));
    }

    ++m_progress.pages;
    m_progress.accounts += int(fresh.size());
    m_progress.throttled = false;
    m_progress.retryDelayMs = 0;
    m_progress.retryReason.clear();
    if (!next.isEmpty())
        m_tokensSeen.insert(next);
    m_currentToken = next;

    Q_EMIT pageReceived(fresh, m_run);
    Q_EMIT progressChanged(m_progress, m_run);
    if (m_cancelRequested.load())
        return;
    if (next.isEmpty())
        Q_EMIT finished(m_run);
    else
        requestPage();
}

void EnrollmentFetcher::fail(FetchFailure failure)
{
    m_progress.retryDelayMs = 0;
    Q_EMIT failed(failure, m_run);
}
