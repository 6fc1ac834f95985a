// The one predicate: statuses, an OU's subtree, suspended and closed hidden, search; and the counts
// the checkboxes and the OU tree show, which must agree with what the table lets through.
#include "enrollment/accountfilter.h"
#include "enrollment/accounttablemodel.h"

#include <QtTest>

namespace {

AccountEnrollment account(const QString &id, const QString &status)
{
    AccountEnrollment a;
    a.accountId = id;
    a.statusText = status;
    a.status = enrollmentStatusFromText(status);
    return a;
}

// Root / Workloads / Prod, Root / Sandbox; six accounts spread over them, one suspended.
void fill(AccountTableModel &model)
{
    OrganizationTree tree;
    tree.addRoot(QStringLiteral("r-1"), QStringLiteral("Root"));
    tree.addUnit(QStringLiteral("ou-w"), QStringLiteral("Workloads"), QStringLiteral("r-1"));
    tree.addUnit(QStringLiteral("ou-p"), QStringLiteral("Prod"), QStringLiteral("ou-w"));
    tree.addUnit(QStringLiteral("ou-s"), QStringLiteral("Sandbox"), QStringLiteral("r-1"));
    tree.finish();
    model.setOrganizationTree(tree);
    model.appendAccounts({account(QStringLiteral("100000000001"), QStringLiteral("Active")),
                          account(QStringLiteral("100000000002"), QStringLiteral("Inactive")),
                          account(QStringLiteral("100000000003"), QStringLiteral("Inactive")),
                          account(QStringLiteral("100000000004"), QStringLiteral("Failed")),
                          account(QStringLiteral("100000000005"), QStringLiteral("Inactive")),
                          account(QStringLiteral("100000000006"), QStringLiteral("Active"))});
    AccountNames names;
    auto put = [&names](const char *id, const char *name, const char *parent, AccountState state) {
        AccountName n;
        n.name = QString::fromLatin1(name);
        n.email = n.name.toLower() + QStringLiteral("@example.com");
        n.parentId = QString::fromLatin1(parent);
        n.state = state;
        names.insert(QString::fromLatin1(id), n);
    };
    put("100000000001", "Payments", "ou-p", AccountState::Active);
    put("100000000002", "Ledger", "ou-p", AccountState::Active);
    put("100000000003", "Platform", "ou-w", AccountState::Suspended);
    put("100000000004", "Toys", "ou-s", AccountState::Active);
    put("100000000005", "Lab", "ou-s", AccountState::PendingClosure);
    put("100000000006", "Audit", "r-1", AccountState::Active);
    model.addAccountNames(names);
}

QStringList accepted(const AccountFilter &filter, const AccountTableModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (filter.accepts(model, row))
            ids.append(model.account(row).accountId.right(1));
    }
    return ids;
}

} // namespace

class AccountFilterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldShowTheWholeSubtreeOfTheSelectedUnit();
    void shouldCombineUnitStatusesSearchAndHiding();
    void checkboxCountsShouldFollowTheUnitButNotTheStatuses();
    void unitCountsShouldAddUpTheTree();
    void shouldKeepAccountsOfAnUnknownUnitOnlyForTheWholeOrganization();
};

void AccountFilterTest::shouldShowTheWholeSubtreeOfTheSelectedUnit()
{
    AccountTableModel model;
    fill(model);
    const OrganizationTree &tree = model.organizationTree();
    AccountFilter filter;
    QCOMPARE(accepted(filter, model), QStringList({"1", "2", "3", "4", "5", "6"}));
    filter.unit = tree.indexOf(QStringLiteral("ou-w"));
    QCOMPARE(accepted(filter, model), QStringList({"1", "2", "3"}));
    filter.unit = tree.indexOf(QStringLiteral("ou-p"));
    QCOMPARE(accepted(filter, model), QStringList({"1", "2"}));
    filter.unit = tree.indexOf(QStringLiteral("r-1"));
    QCOMPARE(accepted(filter, model), QStringList({"1", "2", "3", "4", "5", "6"}));
}

void AccountFilterTest::shouldCombineUnitStatusesSearchAndHiding()
{
    AccountTableModel model;
    fill(model);
    AccountFilter filter;
    filter.unit = model.organizationTree().indexOf(QStringLiteral("ou-w"));
    filter.statuses = StatusFilter::none();
    filter.statuses.setAccepted(EnrollmentStatus::Inactive, true);
    QCOMPARE(accepted(filter, model), QStringList({"2", "3"}));
    filter.hideSuspendedOrClosed = true;
    QCOMPARE(accepted(filter, model), QStringList({"2"}));
    filter.unit = -1;
    QCOMPARE(accepted(filter, model), QStringList({"2"})); // Lab is closing, Platform suspended
    filter.hideSuspendedOrClosed = false;
    filter.search = QStringLiteral("LAB@");
    QCOMPARE(accepted(filter, model), QStringList({"5"}));
}

void AccountFilterTest::checkboxCountsShouldFollowTheUnitButNotTheStatuses()
{
    AccountTableModel model;
    fill(model);
    AccountFilter filter;
    filter.statuses = StatusFilter::none(); // the boxes count what a tick would show
    filter.unit = model.organizationTree().indexOf(QStringLiteral("ou-w"));
    StatusCounts counts = filter.countsBesideStatus(model);
    QCOMPARE(counts.count(EnrollmentStatus::Active), 1);
    QCOMPARE(counts.count(EnrollmentStatus::Inactive), 2);
    QCOMPARE(counts.count(EnrollmentStatus::Failed), 0);
    filter.hideSuspendedOrClosed = true;
    counts = filter.countsBesideStatus(model);
    QCOMPARE(counts.count(EnrollmentStatus::Inactive), 1);
    // And they agree with the predicate, status by status.
    for (EnrollmentStatus status : {EnrollmentStatus::Active, EnrollmentStatus::Inactive, EnrollmentStatus::Failed}) {
        AccountFilter one = filter;
        one.statuses = StatusFilter::none();
        one.statuses.setAccepted(status, true);
        QCOMPARE(accepted(one, model).size(), counts.count(status));
    }
}

void AccountFilterTest::unitCountsShouldAddUpTheTree()
{
    AccountTableModel model;
    fill(model);
    const OrganizationTree &tree = model.organizationTree();
    AccountFilter filter;
    filter.unit = tree.indexOf(QStringLiteral("ou-s")); // the selected OU does not change the tree's counts
    filter.statuses = StatusFilter::none();             // nor do the statuses
    QList<StatusCounts> counts = filter.countsPerUnit(model);
    QCOMPARE(counts.size(), tree.size());
    QCOMPARE(counts.at(tree.indexOf(QStringLiteral("r-1"))).total(), 6);
    QCOMPARE(counts.at(tree.indexOf(QStringLiteral("ou-w"))).total(), 3);
    QCOMPARE(counts.at(tree.indexOf(QStringLiteral("ou-w"))).count(EnrollmentStatus::Inactive), 2);
    QCOMPARE(counts.at(tree.indexOf(QStringLiteral("ou-p"))).total(), 2);
    QCOMPARE(counts.at(tree.indexOf(QStringLiteral("ou-s"))).count(EnrollmentStatus::Failed), 1);
    filter.search = QStringLiteral("a"); // every email holds an "a" (example.com)
    filter.hideSuspendedOrClosed = true;
    counts = filter.countsPerUnit(model);
    QCOMPARE(counts.at(tree.indexOf(QStringLiteral("ou-w"))).total(), 2); // Payments, Ledger (by email)
    QCOMPARE(counts.at(tree.indexOf(QStringLiteral("ou-s"))).total(), 1); // Toys by example.com; Lab hidden
}

void AccountFilterTest::shouldKeepAccountsOfAnUnknownUnitOnlyForTheWholeOrganization()
{
    AccountTableModel model;
    fill(model);
    model.appendAccounts({account(QStringLiteral("100000000007"), QStringLiteral("Pending"))}); // no name yet
    AccountFilter filter;
    QVERIFY(accepted(filter, model).contains(QStringLiteral("7")));
    filter.unit = model.organizationTree().indexOf(QStringLiteral("r-1"));
    QVERIFY(!accepted(filter, model).contains(QStringLiteral("7")));
    filter.unit = -1;
    filter.hideSuspendedOrClosed = true; // an unknown state is not hidden
    QVERIFY(accepted(filter, model).contains(QStringLiteral("7")));
}

QTEST_GUILESS_MAIN(AccountFilterTest)
#include "test_account_filter.moc"
