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
    void shouldShowNamesThatArriveBeforeOrAfterTheirRows();
    void shouldSayWhyNamesAreMissing();
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

void AccountTableModelTest::shouldShowNamesThatArriveBeforeOrAfterTheirRows()
{
    AccountTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.expectAccountNames();
    QCOMPARE(model.namesState(), AccountTableModel::NamesState::Loading);
    model.appendAccounts(page(0, 10));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    AccountNames names;
    names.insert(QStringLiteral("000000000003"), AccountName{QStringLiteral("payments-prod"), QStringLiteral("p@example.com")});
    names.insert(QStringLiteral("000000000004"), AccountName{QStringLiteral("search-dev"), QStringLiteral("s@example.com")});
    names.insert(QStringLiteral("000000000042"), AccountName{QStringLiteral("later"), QStringLiteral("l@example.com")});
    model.addAccountNames(names);
    // Rows 3 and 4 are neighbours: one change for both, and none for the account not loaded yet.
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 3);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 4);
    QCOMPARE(changed.at(0).at(0).toModelIndex().column(), int(AccountTableModel::AccountNameColumn));
    // Through Joined: the Organizations columns come with the names.
    QCOMPARE(changed.at(0).at(1).toModelIndex().column(), int(AccountTableModel::JoinedColumn));
    QCOMPARE(model.index(3, AccountTableModel::AccountNameColumn).data().toString(), QStringLiteral("payments-prod"));
    QCOMPARE(model.index(4, AccountTableModel::EmailColumn).data().toString(), QStringLiteral("s@example.com"));
    QCOMPARE(model.namesState(), AccountTableModel::NamesState::Available);
    QVERIFY(model.namesForExport());

    model.appendAccounts(page(42, 1));
    QCOMPARE(model.index(10, AccountTableModel::AccountNameColumn).data().toString(), QStringLiteral("later"));

    model.clear();
    QVERIFY(model.accountNames().isEmpty());
    QCOMPARE(model.namesState(), AccountTableModel::NamesState::NotRequested);
    QVERIFY(!model.namesForExport());
}

void AccountTableModelTest::shouldSayWhyNamesAreMissing()
{
    AccountTableModel model;
    model.expectAccountNames();
    model.setNamesUnavailable(QStringLiteral("no permission for organizations:ListAccounts"));
    QVERIFY(!model.namesForExport());
    QVERIFY(model.headerData(AccountTableModel::AccountIdColumn, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("organizations:ListAccounts")));
    QCOMPARE(model.headerData(AccountTableModel::AccountNameColumn, Qt::Horizontal).toString(),
             QStringLiteral("Account Name"));
}

QTEST_GUILESS_MAIN(AccountTableModelTest)
#include "test_account_table_model.moc"
