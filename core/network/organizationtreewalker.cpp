#include "network/organizationtreewalker.h"

#include <QCoreApplication>

namespace {

template<typename Page>
std::function<Expected<Page>(const QByteArray &)> reader(QLatin1String operation,
                                                          std::function<Expected<Page>(const QByteArray &)> parse)
{
    return [operation, parse = std::move(parse)](const QByteArray &body) -> Expected<Page> {
        auto parsed = parse(body);
        if (!parsed)
            return Unexpected{QCoreApplication::translate("OrganizationTreeWalker",
                                                          "A %1 page from AWS Organizations was malformed: %2.")
                                  .arg(operation, parsed.error())};
        return parsed;
    };
}

template<typename Listing>
void eraseListing(std::list<std::unique_ptr<Listing>> &listings, const void *listing)
{
    listings.remove_if([listing](const std::unique_ptr<Listing> &l) { return l.get() == listing; });
}

} // namespace

OrganizationTreeWalker::OrganizationTreeWalker(AwsClient &client, const EnrollmentQuery &query, int concurrency,
                                               Handlers handlers)
    : m_client(client)
    , m_query(query)
    , m_concurrency(qMax(1, concurrency))
    , m_handlers(std::move(handlers))
{
}

OrganizationTreeWalker::~OrganizationTreeWalker() = default;

void OrganizationTreeWalker::start()
{
    m_roots = std::make_unique<OrganizationsListing<OrganizationUnitsPage>>(
        m_client, m_query, QStringLiteral("ListRoots"), QString(),
        reader<OrganizationUnitsPage>(QLatin1String("ListRoots"), [](const QByteArray &body) {
            return parseOrganizationUnitsPage(body, QLatin1String("Roots"));
        }));
    m_roots->start(
        [this](const OrganizationUnitsPage &page) {
            for (const OrganizationUnitEntry &root : page.units) {
                m_tree.addRoot(root.id, root.name.isEmpty() ? QStringLiteral("Root") : root.name);
                enqueueParent(root.id);
            }
            return true;
        },
        [this](const std::optional<AwsFailure> &failure) {
            if (failure) {
                fail(*failure);
                return;
            }
            m_rootsDone = true;
            startTasks();
        });
}

void OrganizationTreeWalker::listAccountsToo()
{
    if (m_listAccounts)
        return;
    m_listAccounts = true;
    // Parents still queued for their OUs get their accounts queued when they come up; the ones
    // walked or in flight get them now.
    for (const QString &parent : std::as_const(m_parents)) {
        const bool queued = std::any_of(m_queue.cbegin(), m_queue.cend(),
                                        [&](const Task &task) { return !task.accounts && task.parentId == parent; });
        if (!queued)
            m_queue.append(Task{true, parent});
    }
    startTasks();
}

void OrganizationTreeWalker::enqueueParent(const QString &parentId)
{
    m_parents.append(parentId);
    m_queue.append(Task{false, parentId});
}

void OrganizationTreeWalker::startTasks()
{
    while (!m_stopped && !m_queue.isEmpty()
           && qsizetype(m_unitListings.size() + m_accountListings.size()) < m_concurrency) {
        const Task task = m_queue.takeFirst();
        if (!task.accounts) {
            if (m_listAccounts)
                m_queue.prepend(Task{true, task.parentId});
            auto listing = std::make_unique<OrganizationsListing<OrganizationUnitsPage>>(
                m_client, m_query, QStringLiteral("ListOrganizationalUnitsForParent"), task.parentId,
                reader<OrganizationUnitsPage>(QLatin1String("ListOrganizationalUnitsForParent"),
                                              [](const QByteArray &body) {
                                                  return parseOrganizationUnitsPage(body,
                                                                                    QLatin1String("OrganizationalUnits"));
                                              }));
            auto *raw = listing.get();
            m_unitListings.push_back(std::move(listing));
            raw->start(
                [this, parent = task.parentId](const OrganizationUnitsPage &page) {
                    for (const OrganizationUnitEntry &unit : page.units) {
                        if (m_tree.addUnit(unit.id, unit.name, parent) >= 0 && !m_parents.contains(unit.id))
                            enqueueParent(unit.id);
                    }
                    return true;
                },
                [this, raw](const std::optional<AwsFailure> &failure) { endTask(raw, failure); });
            continue;
        }
        auto listing = std::make_unique<OrganizationsListing<AccountNamesPage>>(
            m_client, m_query, QStringLiteral("ListAccountsForParent"), task.parentId,
            reader<AccountNamesPage>(QLatin1String("ListAccountsForParent"), &parseListAccountsPage));
        auto *raw = listing.get();
        m_accountListings.push_back(std::move(listing));
        raw->start(
            [this, parent = task.parentId](const AccountNamesPage &page) {
                AccountNames names = page.names;
                for (AccountName &name : names)
                    name.parentId = parent;
                m_handlers.accounts(names);
                return true;
            },
            [this, raw](const std::optional<AwsFailure> &failure) { endTask(raw, failure); });
    }
}

void OrganizationTreeWalker::endTask(const void *listing, const std::optional<AwsFailure> &failure)
{
    if (failure) {
        fail(*failure);
        return;
    }
    eraseListing(m_unitListings, listing);
    eraseListing(m_accountListings, listing);
    startTasks();
    if (!m_stopped && m_rootsDone && m_queue.isEmpty() && m_unitListings.empty() && m_accountListings.empty()) {
        m_stopped = true;
        m_tree.finish();
        m_handlers.finished(m_tree);
    }
}

void OrganizationTreeWalker::fail(const AwsFailure &failure)
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_queue.clear();
    // The listing that failed is among these; it runs its handler from a copy, so it may go.
    auto units = std::move(m_unitListings);
    auto accounts = std::move(m_accountListings);
    m_unitListings.clear();
    m_accountListings.clear();
    for (auto &l : units)
        l->abort();
    for (auto &l : accounts)
        l->abort();
    m_handlers.failed(failure);
}
