// The one predicate: statuses, an OU's subtree, suspended and closed hidden, search; and the counts
// the checkboxes and the OU tree show, which must agree with what the table lets through.
#include "enrollment/accountfilter.h"
#include "enrollment/accounttablemodel.h"
#include "smallorganization.h"

#include <QtTest>

namespace {

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
    fillSmallOrganization(model, SmallOrganizationEmails::Given);
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
    fillSmallOrganization(model, SmallOrganizationEmails::Given);
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
    fillSmallOrganization(model, SmallOrganizationEmails::Given);
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
    fillSmallOrganization(model, SmallOrganizationEmails::Given);
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
    fillSmallOrganization(model, SmallOrganizationEmails::Given);
    // No name yet.
    model.appendAccounts({smallOrganizationAccount(QStringLiteral("100000000007"), QStringLiteral("Pending"))});
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
