#include "network/accountnamesfetcher.h"

#include "network/organizationtreewalker.h"

namespace {

bool isRefusal(const AwsFailure &failure)
{
    return failure.kind == AwsFailure::Kind::AccessDenied || failure.error.code == u"AWSOrganizationsNotInUseException";
}

} // namespace

AccountNamesFetcher::AccountNamesFetcher(AwsClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

AccountNamesFetcher::~AccountNamesFetcher() = default;

void AccountNamesFetcher::start(const EnrollmentQuery &query, int run)
{
    cancel();
    m_endedWalker.reset();
    m_query = query;
    m_run = run;
    m_listDone = false;
    m_listPaused = false;
    m_treeDone = false;
    m_firstPage = true;
    m_parentOf.clear();

    m_list = std::make_unique<OrganizationsListing<AccountNamesPage>>(
        *m_client, m_query, QStringLiteral("ListAccounts"), QString(),
        [](const QByteArray &body) -> Expected<AccountNamesPage> {
            auto parsed = parseListAccountsPage(body);
            if (!parsed)
                return Unexpected{tr("A ListAccounts page from AWS Organizations was malformed: %1.").arg(parsed.error())};
            return parsed;
        });
    m_walker = std::make_unique<OrganizationTreeWalker>(
        *m_client, m_query, m_query.organizationsConcurrency,
        OrganizationTreeWalker::Handlers{
            [this](const AccountNames &names) {
                for (auto it = names.cbegin(); it != names.cend(); ++it)
                    m_parentOf.insert(it.key(), it->parentId);
                Q_EMIT namesReceived(names, m_run);
            },
            [this](const OrganizationTree &tree) { onTree(tree); },
            [this](const AwsFailure &failure) { onTreeFailed(failure); },
        });
    // Both first pages at once: the walk's first answers arrive while ListAccounts says whether it
    // sends Paths.
    m_list->start([this](const AccountNamesPage &page) { return onListPage(page); },
                  [this](const std::optional<AwsFailure> &failure) { onListEnd(failure); });
    m_walker->start();
}

void AccountNamesFetcher::cancel()
{
    m_list.reset();
    m_walker.reset();
}

bool AccountNamesFetcher::onListPage(const AccountNamesPage &page)
{
    if (m_parentOf.isEmpty()) {
        Q_EMIT namesReceived(page.names, m_run);
    } else {
        // A page without Paths must not take away the parent a per-OU list already gave.
        AccountNames names = page.names;
        for (auto it = names.begin(); it != names.end(); ++it) {
            if (it->parentId.isEmpty())
                it->parentId = m_parentOf.value(it.key());
        }
        Q_EMIT namesReceived(names, m_run);
    }
    const bool first = std::exchange(m_firstPage, false);
    if (first && !page.pathsSent && m_walker) {
        // No Paths: every parent's ListAccountsForParent holds every account, with its parent.
        m_walker->listAccountsToo();
        m_listPaused = true;
        return false;
    }
    return true;
}

void AccountNamesFetcher::onListEnd(const std::optional<AwsFailure> &failure)
{
    if (!failure) {
        m_listDone = true;
        m_listPaused = false;
        finishWhenDone();
        return;
    }
    const bool denied = isRefusal(*failure);
    // The client's sentence already says what happened and what to do (wait, retry, sign in).
    QString reason = failure->message;
    if (denied)
        reason = tr("Account names need permission to call organizations:ListAccounts, from the management "
                    "account or a delegated administrator for AWS Organizations.");
    stop();
    Q_EMIT unavailable(reason, denied, m_run);
}

void AccountNamesFetcher::onTree(const OrganizationTree &tree)
{
    m_treeDone = true;
    m_endedWalker = std::move(m_walker);
    Q_EMIT organizationTreeReceived(tree, m_run);
    if (m_listPaused) {
        // The per-OU lists held every account; ListAccounts has nothing more to say.
        m_listPaused = false;
        m_listDone = true;
    }
    finishWhenDone();
}

void AccountNamesFetcher::onTreeFailed(const AwsFailure &failure)
{
    m_treeDone = true;
    m_endedWalker = std::move(m_walker);
    const QString reason = isRefusal(failure)
        ? tr("Organizational units need permission to call organizations:ListRoots, "
             "ListOrganizationalUnitsForParent and ListAccountsForParent; names are shown without their OU.")
        : tr("The organizational units could not be listed (%1); names are shown without their OU.")
              .arg(failure.message);
    Q_EMIT organizationTreeUnavailable(reason, m_run);
    if (m_listPaused && m_list) {
        // ListAccounts carries on from its second page: names, states and joined dates still come.
        m_listPaused = false;
        m_list->resume();
        return;
    }
    finishWhenDone();
}

void AccountNamesFetcher::finishWhenDone()
{
    if (!m_listDone || !m_treeDone)
        return;
    Q_EMIT finished(m_run);
}

void AccountNamesFetcher::stop()
{
    // Called from ListAccounts' end handler, never from the walker's: the walker may go now.
    m_walker.reset();
}
