#pragma once

#include "accountsearchtexts.h"
#include "accountsortorder.h"
#include "enrollment/accountfilter.h"
#include "enrollment/accounttablemodel.h"
#include "enrollment/statusfilter.h"

#include <QAbstractProxyModel>

#include <functional>
#include <vector>

// What the table shows: the accounts the AccountFilter lets through (statuses, OU subtree, suspended
// and closed hidden or not, search text), sorted on raw values (time as time, never as display text).
//
// Every account's filter facts are kept per row and every row stays sorted (AccountSortOrder), so a
// refilter is one pass over plain values and one layout change, never a sort: a status toggle over
// 100,000 accounts fits in a frame. Rows whose data changed (names arriving, a new status) move or
// come and go once per event-loop turn, however many dataChanged signals the turn brought; any
// other change settles them first. The source must be an AccountTableModel; any other shows no rows.
class AccountFilterProxyModel : public QAbstractProxyModel
{
    Q_OBJECT

public:
    explicit AccountFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    // Tooltips for people: the full reason wrapped to a readable width, the time as "... UTC".
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // What the header asks for; -1 shows the accounts in the order they arrived.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_order.column(); }
    Qt::SortOrder sortOrder() const { return m_order.order(); }

    void setAccountFilter(const AccountFilter &filter);
    const AccountFilter &accountFilter() const { return m_filter; }
    void setStatusFilter(const StatusFilter &filter);
    StatusFilter statusFilter() const { return m_filter.statuses; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_filter.search; }
    // A node of the source's OrganizationTree whose subtree is shown; -1 for the whole organization.
    void setUnit(int unit);
    void setHideSuspendedOrClosed(bool hide);

    // The account behind a row of this model, or nullptr when there is no such row.
    const AccountEnrollment *accountAt(int row) const;
    // Every account shown, in the order shown.
    QList<AccountEnrollment> visibleAccounts() const;

    // The counts of a filter (this one, or this one across the whole organization) from what is
    // kept per row: no pass over the model, no name looked up. Rows changed this turn are settled
    // first.
    StatusCounts countsBesideStatus(const AccountFilter &filter);
    QList<StatusCounts> countsPerUnit(const AccountFilter &filter);

Q_SIGNALS:
    void filterChanged();

private:
    void connectSource();
    void forgetSource();
    void beginSourceReset();
    void endSourceReset();
    void rebuild();
    void onRowsAboutToBeInserted(int first);
    void onRowsInserted(int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    // Puts the rows whose data changed where they now belong, shown or not.
    void settle();
    void onPlacesChanged();
    void remember(int sourceRow);
    bool accepts(int sourceRow) const;
    // The sorted rows the filter lets through.
    std::vector<int> acceptedRows() const;
    // Those of the rows shown the filter still lets through.
    std::vector<int> acceptedAmongShown() const;
    std::vector<int> accepted(const std::vector<int> &sortedRows, const std::function<bool(int)> &candidate) const;
    // Shows these source rows, in this order, through one layout change that keeps every
    // persistent index (the view's current row and selection) on its account.
    void show(std::vector<int> sourceRows);

    AccountTableModel *m_accounts = nullptr;
    AccountFilter m_filter;
    QByteArray m_searchKey = m_filter.searchKey();
    // Per source row, what the filter looks at: a search compares plain folded text, never
    // looking up names or folding case, so a keystroke over 100,000 accounts fits in a frame.
    std::vector<AccountFilter::Facts> m_facts;
    AccountSearchTexts m_searchTexts;
    AccountSortOrder m_order;
    std::vector<int> m_shown; // per row here, its source row
    std::vector<int> m_rowOf; // per source row, its row here; -1 when hidden
    bool m_resetting = false;
    std::vector<int> m_unsettled; // source rows changed since the last settle()
    bool m_settleQueued = false;
};
