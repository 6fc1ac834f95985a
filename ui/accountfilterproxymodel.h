#pragma once

#include "enrollment/accountfilter.h"
#include "enrollment/accounttablemodel.h"
#include "enrollment/statusfilter.h"

#include <QSortFilterProxyModel>

#include <vector>

// What the table shows: the accounts the AccountFilter lets through (statuses, OU subtree, suspended
// and closed hidden or not, search text), sorted on raw values (time as time, never as display text).
class AccountFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit AccountFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    // Tooltips for people: the full reason wrapped to a readable width, the time as "... UTC".
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setAccountFilter(const AccountFilter &filter);
    const AccountFilter &accountFilter() const { return m_filter; }
    void setStatusFilter(const StatusFilter &filter);
    StatusFilter statusFilter() const { return m_filter.statuses; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_filter.search; }
    // A node of the source's OrganizationTree whose subtree is shown; -1 for the whole organization.
    void setUnit(int unit);
    void setHideSuspendedOrClosed(bool hide);

    // The account behind a row of this model, or nullptr when the source is not an AccountTableModel.
    const AccountEnrollment *accountAt(int row) const;
    // Every account shown, in the order shown.
    QList<AccountEnrollment> visibleAccounts() const;

Q_SIGNALS:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool accepts(int sourceRow, const AccountFilter &filter) const;
    void applyFilter(const AccountFilter &filter);
    void onPlacesChanged();
    void rebuildSortKeys();
    void appendSortKeys(int first, int last);

    AccountTableModel *m_accounts = nullptr;
    // Sort keys side by side in memory, one per source row: a sort of 100,000 rows compares these
    // instead of chasing each account's strings across the heap.
    std::vector<qint64> m_updatedKeys;
    std::vector<quint64> m_idPrefixKeys;
    std::vector<EnrollmentStatus> m_statuses;
    AccountFilter m_filter;
};
