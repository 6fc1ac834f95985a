#include "enrollment/accounttablemodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

namespace {

QList<AccountEnrollment> page(int first, int count)
{
    QList<AccountEnrollment> accounts;
    for (int i = first; i < first + count; ++i) {
        AccountEnrollment account;
        account.accountId = QStringLiteral("%1").arg(i, 12, 10, QLatin1Char('0'));
        account.statusText = i % 3 == 0 ? QStringLiteral("Failed") : QStringLiteral("Active");
        account.status = enrollmentStatusFromText(account.statusText);
        account.statusReason = QStringLiteral("line one\nline two");
        account.lastUpdatedMsecs = 1'700'000'000'000 + i;
        accounts.append(account);
    }
    return accounts;
}

} // namespace

class AccountTableModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldInsertEachPageInOneStep();
    void shouldExposeRawValuesForSorting();
    void shouldShowReasonOnOneLineWithFullTextInTooltip();
    void shouldCountStatusesAsPagesArrive();
    void shouldEmptyOnClear();
};

void AccountTableModelTest::shouldInsertEachPageInOneStep()
{
    AccountTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendAccounts(page(0, 100));
    model.appendAccounts(page(100, 37));
    model.appendAccounts({});
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(model.rowCount(), 137);
    QCOMPARE(model.columnCount(), int(AccountTableModel::ColumnCount));
    QCOMPARE(inserted.at(1).at(1).toInt(), 100);
    QCOMPARE(inserted.at(1).at(2).toInt(), 136);
}

void AccountTableModelTest::shouldExposeRawValuesForSorting()
{
    AccountTableModel model;
    model.appendAccounts(page(5, 1));
    const QModelIndex updated = model.index(0, AccountTableModel::LastUpdatedColumn);
    QCOMPARE(updated.data(AccountTableModel::SortRole).toLongLong(), 1'700'000'000'005LL);
    QCOMPARE(updated.data(Qt::ToolTipRole).toString(), QStringLiteral("2023-11-14T22:13:20.005Z"));
    QCOMPARE(model.index(0, AccountTableModel::AccountIdColumn).data().toString(), QStringLiteral("000000000005"));
    QCOMPARE(model.index(0, 0).data(AccountTableModel::StatusRole).toInt(), int(EnrollmentStatus::Active));
}

void AccountTableModelTest::shouldShowReasonOnOneLineWithFullTextInTooltip()
{
    AccountTableModel model;
    model.appendAccounts(page(1, 1));
    const QModelIndex reason = model.index(0, AccountTableModel::StatusReasonColumn);
    QCOMPARE(reason.data().toString(), QStringLiteral("line one line two"));
    QCOMPARE(reason.data(Qt::ToolTipRole).toString(), QStringLiteral("line one\nline two"));
}

void AccountTableModelTest::shouldCountStatusesAsPagesArrive()
{
    AccountTableModel model;
    QSignalSpy countsChanged(&model, &AccountTableModel::countsChanged);
    model.appendAccounts(page(0, 9)); // 0,3,6 fail
    QCOMPARE(model.counts().count(EnrollmentStatus::Failed), 3);
    QCOMPARE(model.counts().count(EnrollmentStatus::Active), 6);
    model.appendAccounts(page(9, 3)); // 9 fails
    QCOMPARE(model.counts().count(EnrollmentStatus::Failed), 4);
    QCOMPARE(countsChanged.size(), 2);
}

void AccountTableModelTest::shouldEmptyOnClear()
{
    AccountTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendAccounts(page(0, 10));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.counts().total(), 0);
}

QTEST_GUILESS_MAIN(AccountTableModelTest)
#include "test_account_table_model.moc"
