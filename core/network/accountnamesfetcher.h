#pragma once

#include "enrollment/accountname.h"
#include "enrollment/organizationtree.h"
#include "network/enrollmentquery.h"
#include "network/listaccountsparser.h"
#include "network/organizationslisting.h"

#include <QHash>
#include <QObject>

#include <memory>

class AwsClient;
class OrganizationTreeWalker;

// What AWS Organizations says of the accounts, fetched beside the enrollment list on the same
// worker thread and through the same client: names, state and joined date from ListAccounts, and
// where each account sits. The tree's names come from ListRoots and
// ListOrganizationalUnitsForParent, walked in parallel; an account's parent from the Paths member
// of ListAccounts when AWS sends it, otherwise from ListAccountsForParent per OU (then ListAccounts
// stops after its first page: the per-OU lists hold every account). Each part is optional: when
// AWS refuses the tree, the names still come; it never holds the enrollment list back.
class AccountNamesFetcher : public QObject
{
    Q_OBJECT

public:
    explicit AccountNamesFetcher(AwsClient *client, QObject *parent = nullptr);
    ~AccountNamesFetcher() override;

public Q_SLOTS:
    void start(const EnrollmentQuery &query, int run);
    void cancel();

Q_SIGNALS:
    void namesReceived(const AccountNames &names, int run);
    // The roots and OUs, once all of them are known; then names keep their parents.
    void organizationTreeReceived(const OrganizationTree &tree, int run);
    // The OUs could not be listed (the reason says why); names come without their OU.
    void organizationTreeUnavailable(const QString &reason, int run);
    void finished(int run);
    // accessDenied: the caller is not allowed to list accounts (not the management account or a
    // delegated administrator for Organizations); otherwise the reason is a failure worth retrying.
    void unavailable(const QString &reason, bool accessDenied, int run);

private:
    bool onListPage(const AccountNamesPage &page);
    void onListEnd(const std::optional<AwsFailure> &failure);
    void onTree(const OrganizationTree &tree);
    void onTreeFailed(const AwsFailure &failure);
    void finishWhenDone();
    void stop();

    AwsClient *m_client;
    EnrollmentQuery m_query;
    int m_run = 0;
    std::unique_ptr<OrganizationsListing<AccountNamesPage>> m_list;
    std::unique_ptr<OrganizationTreeWalker> m_walker;
    // A walker that ended stays until the next start: it may still be on the stack.
    std::unique_ptr<OrganizationTreeWalker> m_endedWalker;
    bool m_listDone = false;
    bool m_listPaused = false;
    bool m_treeDone = false;
    bool m_firstPage = true;
    QHash<QString, QString> m_parentOf; // account ID -> parent, from the per-OU lists
};
