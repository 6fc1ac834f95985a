#pragma once

#include "enrollment/accounttablemodel.h"
#include "enrollment/statusfilter.h"

#include <QSortFilterProxyModel>

#include <vector>

// What the table shows: the accounts whose status the filter lets through and whose ID, name,
// email or reason contains the search text, sorted on raw values (time as time, never as display text).
class AccountFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit AccountFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    // Tooltips for people: the full reason wrapped to a readable width, the time as "... UTC".
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setStatusFilter(const StatusFilter &filter);
    StatusFilter statusFilter() const { return m_statusFilter; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }

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
    bool matchesSearch(const AccountEnrollment &account, const QString &search) const;
    bool accepts(int sourceRow, const StatusFilter &filter, const QString &search) const;
    void applyFilter(const StatusFilter &filter, const QString &search);
    void rebuildSortKeys();
    void appendSortKeys(int first, int last);

    AccountTableModel *m_accounts = nullptr;
    // Sort keys side by side in memory, one per source row: a sort of 100,000 rows compares these
    // instead of chasing each account's strings across the heap.
    std::vector<qint64> m_updatedKeys;
    std::vector<quint64> m_idPrefixKeys;
    std::vector<EnrollmentStatus> m_statuses;
    StatusFilter m_statusFilter = StatusFilter::all();
    QString m_searchText;
};
