#pragma once

#include "enrollment/accountenrollment.h"
#include "enrollment/statusfilter.h"

#include <QAbstractTableModel>

// Every account loaded so far, in arrival order. Views sort and filter through a proxy;
// AccountTableModel::SortRole gives the raw value so sorting never compares display text.
class AccountTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { AccountIdColumn, StatusColumn, StatusReasonColumn, LastUpdatedColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,
        StatusRole, // EnrollmentStatus as int
    };

    explicit AccountTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // One page, one insertion.
    void appendAccounts(const QList<AccountEnrollment> &accounts);
    void clear();

    const AccountEnrollment &account(int row) const { return m_accounts.at(row); }
    const QList<AccountEnrollment> &accounts() const { return m_accounts; }
    const StatusCounts &counts() const { return m_counts; }

Q_SIGNALS:
    void countsChanged();

private:
    QList<AccountEnrollment> m_accounts;
    StatusCounts m_counts;
};
