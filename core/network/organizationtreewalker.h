#pragma once

#include "enrollment/accountname.h"
#include "enrollment/organizationtree.h"
#include "network/enrollmentquery.h"
#include "network/listaccountsparser.h"
#include "network/organizationslisting.h"

#include <QList>

#include <functional>
#include <list>
#include <memory>
#include <optional>

class AwsClient;

// Walks the organization's roots and OUs: ListRoots, then ListOrganizationalUnitsForParent for
// every root and OU, several parents at once (bounded) through the load's client and its rate
// limiter. Asked to, it also lists each parent's accounts (ListAccountsForParent), which is how
// accounts get their parent when ListAccounts does not send Paths. Never one call per account.
class OrganizationTreeWalker
{
public:
    struct Handlers
    {
        std::function<void(const AccountNames &accounts)> accounts; // parents set
        std::function<void(const OrganizationTree &tree)> finished;
        // The walk stopped: the tree (and any accounts still to list) will not come.
        std::function<void(const AwsFailure &failure)> failed;
    };

    OrganizationTreeWalker(AwsClient &client, const EnrollmentQuery &query, int concurrency, Handlers handlers);
    ~OrganizationTreeWalker();

    void start();
    // From now on every parent, walked already or still to come, has its accounts listed too.
    void listAccountsToo();
    bool listsAccounts() const { return m_listAccounts; }

private:
    struct Task
    {
        bool accounts = false; // ListAccountsForParent; otherwise ListOrganizationalUnitsForParent
        QString parentId;
    };
    void enqueueParent(const QString &parentId);
    void startTasks();
    void endTask(const void *listing, const std::optional<AwsFailure> &failure);
    void fail(const AwsFailure &failure);

    AwsClient &m_client;
    EnrollmentQuery m_query;
    int m_concurrency;
    Handlers m_handlers;
    bool m_listAccounts = false;
    bool m_rootsDone = false;
    bool m_stopped = false;
    OrganizationTree m_tree;
    QList<QString> m_parents; // every root and OU seen, in walk order
    QList<Task> m_queue;
    std::unique_ptr<OrganizationsListing<OrganizationUnitsPage>> m_roots;
    std::list<std::unique_ptr<OrganizationsListing<OrganizationUnitsPage>>> m_unitListings;
    std::list<std::unique_ptr<OrganizationsListing<AccountNamesPage>>> m_accountListings;
};
