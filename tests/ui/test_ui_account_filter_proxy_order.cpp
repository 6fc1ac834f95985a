// The table proxy against a reference: after every load, append, change, reset, refilter and sort,
// the rows shown are those AccountFilter::accepts lets through, in the order std::stable_sort gives
// on the column's raw value; and the view's current row and selection stay on their accounts.

#include "accountfilterproxymodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QtTest>

#include <algorithm>
#include <limits>

namespace {

constexpr qint64 NoTime = std::numeric_limits<qint64>::min();

const QStringList Statuses{"Active", "Inactive", "Pending", "Failed", "Suspended"};
const QStringList Reasons{"Role missing", "role MISSING", "", "Access denied", "Opted in"};
const QStringList Names{"alpha", "Alpha", "beta", "", "Gamma", "delta"};
const QStringList Parents{"r-root", "ou-apps", "ou-apps-prod", "ou-data", "ou-gone"};
const QList<AccountState> States{AccountState::Active, AccountState::Suspended, AccountState::Active,
                                 AccountState::Closed, AccountState::Unknown, AccountState::PendingClosure};

// Account i of a deterministic organization whose values repeat, so equal keys test stability.
AccountEnrollment accountNumber(int i, int statusShift = 0)
{
    AccountEnrollment account;
    account.accountId = QStringLiteral("%1").arg((i * 7919) % 100'000 + 100'000'000'000LL, 12, 10, QLatin1Char('0'));
    account.statusText = Statuses.at((i + statusShift) % Statuses.size());
    account.status = enrollmentStatusFromText(account.statusText);
    if (i % 7 != 3)
        account.statusReason = Reasons.at(i % Reasons.size());
    if (i % 5 != 1)
        account.lastUpdatedMsecs = 1'700'000'000'000LL + (i * 37 % 11) * 86'400'000LL;
    return account;
}

QList<AccountEnrollment> accountsNumbered(int first, int count, int statusShift = 0)
{
    QList<AccountEnrollment> accounts;
    for (int i = first; i < first + count; ++i)
        accounts.append(accountNumber(i, statusShift));
    return accounts;
}

AccountNames namesOf(int first, int count)
{
    AccountNames names;
    for (int i = first; i < first + count; ++i) {
        AccountName name;
        name.name = Names.at(i % Names.size());
        name.email = QStringLiteral("%1@example.com").arg(Names.at((i / 2) % Names.size()));
        name.state = States.at(i % States.size());
        if (i % 3 != 0)
            name.joinedMsecs = 1'600'000'000'000LL + (i % 4) * 1000;
        name.parentId = Parents.at(i % Parents.size()); // "ou-gone" is in no tree: an unknown OU
        names.insert(accountNumber(i).accountId, name);
    }
    return names;
}

OrganizationTree tree(const QString &appsName = QStringLiteral("Apps"))
{
    OrganizationTree tree;
    tree.addRoot(QStringLiteral("r-root"), QStringLiteral("Root"));
    tree.addUnit(QStringLiteral("ou-apps"), appsName, QStringLiteral("r-root"));
    tree.addUnit(QStringLiteral("ou-apps-prod"), QStringLiteral("prod"), QStringLiteral("ou-apps"));
    tree.addUnit(QStringLiteral("ou-data"), QStringLiteral("Data"), QStringLiteral("r-root"));
    tree.finish();
    return tree;
}

int textOrder(const QString &a, const QString &b)
{
    return QString::compare(a, b, Qt::CaseInsensitive);
}

int timeOrder(std::optional<qint64> a, std::optional<qint64> b)
{
    const qint64 l = a.value_or(NoTime);
    const qint64 r = b.value_or(NoTime);
    return l < r ? -1 : l > r ? 1 : 0;
}

// The reference order of one column, written from the column's meaning, not from the proxy.
int columnOrder(const AccountTableModel &model, int column, int left, int right)
{
    const AccountEnrollment &a = model.account(left);
    const AccountEnrollment &b = model.account(right);
    const AccountName na = model.nameOf(a);
    const AccountName nb = model.nameOf(b);
    switch (column) {
    case AccountTableModel::AccountIdColumn:
        return a.accountId.compare(b.accountId);
    case AccountTableModel::AccountNameColumn:
        return textOrder(na.name, nb.name);
    case AccountTableModel::EmailColumn:
        return textOrder(na.email, nb.email);
    case AccountTableModel::StatusColumn:
        return enrollmentStatusUrgency(a.status) - enrollmentStatusUrgency(b.status);
    case AccountTableModel::StatusReasonColumn:
        return textOrder(a.statusReason.value_or(QString()), b.statusReason.value_or(QString()));
    case AccountTableModel::LastUpdatedColumn:
        return timeOrder(a.lastUpdatedMsecs, b.lastUpdatedMsecs);
    case AccountTableModel::OuPathColumn:
        return textOrder(model.ouPathOf(a.accountId), model.ouPathOf(b.accountId));
    case AccountTableModel::AccountStateColumn:
        return textOrder(accountStateName(na.state), accountStateName(nb.state));
    case AccountTableModel::JoinedColumn:
        return timeOrder(na.joinedMsecs, nb.joinedMsecs);
    default:
        return 0;
    }
}

QStringList expectedIds(const AccountTableModel &model, const AccountFilter &filter, int column, Qt::SortOrder order)
{
    std::vector<int> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (filter.accepts(model, row))
            rows.push_back(row);
    }
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        const int byColumn = columnOrder(model, column, a, b);
        return order == Qt::AscendingOrder ? byColumn < 0 : byColumn > 0;
    });
    QStringList ids;
    for (const int row : rows)
        ids << model.account(row).accountId;
    return ids;
}

QStringList shownIds(const AccountFilterProxyModel &proxy)
{
    QStringList ids;
    for (const AccountEnrollment &account : proxy.visibleAccounts())
        ids << account.accountId;
    return ids;
}

QString idAt(const QModelIndex &index)
{
    return index.siblingAtColumn(AccountTableModel::AccountIdColumn).data().toString();
}

QStringList selectedIds(const QItemSelectionModel &selection)
{
    QStringList ids;
    for (const QModelIndex &index : selection.selectedRows())
        ids << idAt(index);
    ids.sort();
    return ids;
}

} // namespace

class AccountFilterProxyOrderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shouldSortEveryColumnLikeAStableSortOfItsValues_data();
    void shouldSortEveryColumnLikeAStableSortOfItsValues();
    void shouldShowWhatTheFilterAcceptsThroughLoadsChangesAndResets();
    void shouldKeepTheCurrentAndSelectedAccountsAcrossARefilter();
    void shouldPutAppendedRowsInTheirSortedPlace();
    void shouldMoveAChangedRowAndKeepItCurrent();
    void shouldSettleScatteredChangesInOneLayoutChange();

private:
    void verifyShown(int line);
    // Rows whose data changed settle when the event loop next turns.
    void letTheEventLoopTurn() { QCoreApplication::sendPostedEvents(m_proxy.get(), QEvent::MetaCall); }

    std::unique_ptr<AccountTableModel> m_model;
    std::unique_ptr<AccountFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void AccountFilterProxyOrderTest::init()
{
    m_model = std::make_unique<AccountTableModel>();
    m_proxy = std::make_unique<AccountFilterProxyModel>();
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_proxy->setSourceModel(m_model.get());
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void AccountFilterProxyOrderTest::cleanup()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_proxy.reset();
    m_model.reset();
}

void AccountFilterProxyOrderTest::verifyShown(int line)
{
    const QStringList expected
        = expectedIds(*m_model, m_proxy->accountFilter(), m_proxy->sortColumn(), m_proxy->sortOrder());
    const QStringList shown = shownIds(*m_proxy);
    QVERIFY2(shown == expected, qPrintable(QStringLiteral("line %1: shown %2, expected %3")
                                               .arg(line)
                                               .arg(shown.join(u' '), expected.join(u' '))));
    QCOMPARE(m_proxy->rowCount(), int(expected.size()));
}

void AccountFilterProxyOrderTest::shouldSortEveryColumnLikeAStableSortOfItsValues_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    for (int column = 0; column < AccountTableModel::ColumnCount; ++column) {
        const QString header = AccountTableModel().headerData(column, Qt::Horizontal).toString();
        QTest::addRow("%s ascending", qPrintable(header)) << column << Qt::AscendingOrder;
        QTest::addRow("%s descending", qPrintable(header)) << column << Qt::DescendingOrder;
    }
}

void AccountFilterProxyOrderTest::shouldSortEveryColumnLikeAStableSortOfItsValues()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    m_model->appendAccounts(accountsNumbered(0, 90));
    m_model->expectAccountNames();
    m_model->addAccountNames(namesOf(0, 80)); // ten accounts stay unnamed
    m_model->setOrganizationTree(tree());

    m_proxy->sort(column, order);
    verifyShown(__LINE__);
    StatusFilter noFailed = StatusFilter::all();
    noFailed.setAccepted(EnrollmentStatus::Failed, false);
    m_proxy->setStatusFilter(noFailed);
    verifyShown(__LINE__);
    m_proxy->setUnit(m_model->organizationTree().indexOf(QStringLiteral("ou-apps")));
    verifyShown(__LINE__);
    m_proxy->setStatusFilter(StatusFilter::all());
    m_proxy->setUnit(-1);
    verifyShown(__LINE__);
    QCOMPARE(m_proxy->rowCount(), 90);
}

void AccountFilterProxyOrderTest::shouldShowWhatTheFilterAcceptsThroughLoadsChangesAndResets()
{
    m_proxy->sort(AccountTableModel::AccountNameColumn, Qt::DescendingOrder);
    m_proxy->setSearchText(QStringLiteral("ALPHA"));
    for (int page = 0; page < 4; ++page) {
        m_model->appendAccounts(accountsNumbered(page * 25, 25));
        verifyShown(__LINE__);
    }
    // Names arrive for accounts loaded and still to come; a search by name finds them as they do.
    m_model->expectAccountNames();
    m_model->addAccountNames(namesOf(0, 50));
    letTheEventLoopTurn();
    verifyShown(__LINE__);
    m_model->addAccountNames(namesOf(50, 70));
    letTheEventLoopTurn();
    verifyShown(__LINE__);
    m_model->appendAccounts(accountsNumbered(100, 20));
    verifyShown(__LINE__);

    m_proxy->setSearchText(QString());
    m_proxy->setHideSuspendedOrClosed(true);
    verifyShown(__LINE__);
    m_model->setOrganizationTree(tree());
    m_proxy->setUnit(m_model->organizationTree().indexOf(QStringLiteral("ou-apps")));
    verifyShown(__LINE__);
    m_proxy->sort(AccountTableModel::OuPathColumn, Qt::AscendingOrder);
    verifyShown(__LINE__);
    // A renamed OU moves its accounts in an OU path sort.
    m_model->setOrganizationTree(tree(QStringLiteral("zz Apps")));
    verifyShown(__LINE__);

    // Statuses change in their rows (a re-read after an opt-in): some leave the statuses shown.
    StatusFilter activeOnly = StatusFilter::none();
    activeOnly.setAccepted(EnrollmentStatus::Active, true);
    m_proxy->setStatusFilter(activeOnly);
    m_proxy->sort(AccountTableModel::StatusColumn, Qt::AscendingOrder);
    verifyShown(__LINE__);
    m_model->appendAccounts(accountsNumbered(10, 40, 1));
    letTheEventLoopTurn();
    verifyShown(__LINE__);

    m_proxy->setStatusFilter(StatusFilter::all());
    m_proxy->setUnit(-1);
    m_proxy->setHideSuspendedOrClosed(false);
    m_proxy->sort(AccountTableModel::JoinedColumn, Qt::DescendingOrder);
    verifyShown(__LINE__);
    m_proxy->sort(-1, Qt::AscendingOrder);
    verifyShown(__LINE__);

    QSignalSpy resets(m_proxy.get(), &QAbstractItemModel::modelReset);
    m_model->clear();
    QCOMPARE(resets.size(), 1);
    QCOMPARE(m_proxy->rowCount(), 0);
    m_proxy->sort(AccountTableModel::LastUpdatedColumn, Qt::DescendingOrder);
    m_model->appendAccounts(accountsNumbered(200, 30));
    verifyShown(__LINE__);
    QCOMPARE(m_proxy->rowCount(), 30);
}

void AccountFilterProxyOrderTest::shouldKeepTheCurrentAndSelectedAccountsAcrossARefilter()
{
    m_model->appendAccounts(accountsNumbered(0, 60));
    m_proxy->sort(AccountTableModel::LastUpdatedColumn, Qt::AscendingOrder);
    QItemSelectionModel selection(m_proxy.get());

    // The current account and one more selected stay Active; a third selected one is Failed, above them.
    QStringList kept;
    QString failed;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const AccountEnrollment *account = m_proxy->accountAt(row);
        if (account->status == EnrollmentStatus::Active && kept.size() < 2 && row > 30)
            kept << account->accountId;
        else if (account->status == EnrollmentStatus::Failed && failed.isEmpty())
            failed = account->accountId;
    }
    QVERIFY(kept.size() == 2 && !failed.isEmpty());
    const auto rowOf = [this](const QString &id) {
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            if (m_proxy->accountAt(row)->accountId == id)
                return m_proxy->index(row, AccountTableModel::StatusColumn);
        }
        return QModelIndex();
    };
    selection.setCurrentIndex(rowOf(kept.at(0)), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selection.select(rowOf(kept.at(1)), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection.select(rowOf(failed), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const int currentRowBefore = selection.currentIndex().row();

    StatusFilter noFailed = StatusFilter::all();
    noFailed.setAccepted(EnrollmentStatus::Failed, false);
    m_proxy->setStatusFilter(noFailed);
    QVERIFY(selection.currentIndex().row() != currentRowBefore); // rows above it went: the account moved up
    QCOMPARE(idAt(selection.currentIndex()), kept.at(0));
    QCOMPARE(selection.currentIndex().column(), int(AccountTableModel::StatusColumn));
    QStringList keptSorted = kept;
    keptSorted.sort();
    QCOMPARE(selectedIds(selection), keptSorted);

    m_proxy->setStatusFilter(StatusFilter::all());
    m_proxy->sort(AccountTableModel::AccountIdColumn, Qt::DescendingOrder);
    QCOMPARE(idAt(selection.currentIndex()), kept.at(0));
    QCOMPARE(selectedIds(selection), keptSorted);
    verifyShown(__LINE__);
}

void AccountFilterProxyOrderTest::shouldPutAppendedRowsInTheirSortedPlace()
{
    m_model->appendAccounts(accountsNumbered(0, 40));
    m_proxy->sort(AccountTableModel::LastUpdatedColumn, Qt::DescendingOrder);
    QItemSelectionModel selection(m_proxy.get());
    selection.setCurrentIndex(m_proxy->index(20, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QString current = idAt(selection.currentIndex());

    QSignalSpy resets(m_proxy.get(), &QAbstractItemModel::modelReset);
    QSignalSpy layouts(m_proxy.get(), &QAbstractItemModel::layoutChanged);
    m_model->appendAccounts(accountsNumbered(40, 25)); // times among those already shown
    verifyShown(__LINE__);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(layouts.size(), 1); // a page is one change however its rows scatter
    QCOMPARE(idAt(selection.currentIndex()), current);
    QCOMPARE(selectedIds(selection), QStringList{current});
}

void AccountFilterProxyOrderTest::shouldMoveAChangedRowAndKeepItCurrent()
{
    m_model->appendAccounts(accountsNumbered(0, 30));
    m_model->expectAccountNames();
    m_model->addAccountNames(namesOf(0, 30));
    m_proxy->sort(AccountTableModel::AccountNameColumn, Qt::AscendingOrder);
    QItemSelectionModel selection(m_proxy.get());
    selection.setCurrentIndex(m_proxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QString current = idAt(selection.currentIndex());

    // The first account by name is renamed to sort last.
    AccountNames renamed;
    AccountName name = m_model->accountNames().value(current);
    name.name = QStringLiteral("zzz renamed");
    renamed.insert(current, name);
    m_model->addAccountNames(renamed);
    letTheEventLoopTurn();
    verifyShown(__LINE__);
    QCOMPARE(idAt(selection.currentIndex()), current);
    QCOMPARE(selection.currentIndex().row(), m_proxy->rowCount() - 1);
}

void AccountFilterProxyOrderTest::shouldSettleScatteredChangesInOneLayoutChange()
{
    m_model->appendAccounts(accountsNumbered(0, 60));
    m_model->expectAccountNames();
    m_model->addAccountNames({}); // names are Available: later pages change no state
    m_proxy->sort(AccountTableModel::AccountNameColumn, Qt::DescendingOrder);
    m_proxy->setSearchText(QStringLiteral("a"));
    QSignalSpy layouts(m_proxy.get(), &QAbstractItemModel::layoutChanged);
    QSignalSpy changes(m_proxy.get(), &QAbstractItemModel::dataChanged);
    // Every other account named: thirty runs of one row, thirty dataChanged signals.
    AccountNames names = namesOf(0, 60);
    for (int i = 1; i < 60; i += 2)
        names.remove(accountNumber(i).accountId);
    m_model->addAccountNames(names);
    QCOMPARE(layouts.size(), 0);
    QVERIFY(changes.size() > 0); // the rows shown are told at once that their cells changed
    letTheEventLoopTurn();
    QCOMPARE(layouts.size(), 1);
    verifyShown(__LINE__);
    // A refilter before the turn settles the changes first.
    m_model->addAccountNames(namesOf(1, 1));
    m_proxy->setSearchText(QStringLiteral("al"));
    verifyShown(__LINE__);
}

QTEST_GUILESS_MAIN(AccountFilterProxyOrderTest)
#include "test_ui_account_filter_proxy_order.moc"
