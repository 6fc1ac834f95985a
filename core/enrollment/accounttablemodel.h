#pragma once

#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"
#include "enrollment/organizationtree.h"
#include "enrollment/statusfilter.h"

#include <QAbstractTableModel>

// Every account loaded so far, in arrival order. Views sort and filter through a proxy;
// AccountTableModel::SortRole gives the raw value so sorting never compares display text.
class AccountTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        AccountIdColumn,
        AccountNameColumn,
        EmailColumn,
        StatusColumn,
        StatusReasonColumn,
        LastUpdatedColumn,
        // From AWS Organizations, after the columns earlier versions had (saved header layouts
        // keep their meaning).
        OuPathColumn,
        AccountStateColumn,
        JoinedColumn,
        ColumnCount
    };
    // Whether the Account Name and Email columns have anything to show.
    enum class NamesState { NotRequested, Loading, Available, Unavailable };
    enum Role {
        SortRole = Qt::UserRole + 1,
        StatusRole, // EnrollmentStatus as int
    };

    explicit AccountTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // One page, one insertion; an account already in the table is updated in its row instead.
    void appendAccounts(const QList<AccountEnrollment> &accounts);
    // Clears the accounts and the names; the next load says whether it will fetch names.
    void clear(NamesState names = NamesState::NotRequested);

    // Names from Organizations arrive in their own pages, for accounts loaded or still to come.
    void expectAccountNames() { setNamesState(NamesState::Loading); }
    void addAccountNames(const AccountNames &names);
    // The names to export or copy: only once Organizations has answered.
    const AccountNames *namesForExport() const
    {
        return m_namesState == NamesState::Available ? &m_names : nullptr;
    }
    void setNamesUnavailable(const QString &reason);
    NamesState namesState() const { return m_namesState; }
    QString namesUnavailableReason() const { return m_namesUnavailableReason; }
    const AccountNames &accountNames() const { return m_names; }
    AccountName nameOf(const AccountEnrollment &account) const { return m_names.value(account.accountId); }

    // The roots and OUs from Organizations; empty until they arrive, or when Organizations refused.
    void setOrganizationTree(const OrganizationTree &tree);
    void setOrganizationTreeUnavailable(const QString &reason);
    QString organizationTreeUnavailableReason() const { return m_treeUnavailableReason; }
    // "Root / Workloads / Prod" for the account; empty when its OU is unknown.
    QString ouPathOf(const QString &accountId) const
    {
        return m_tree.pathText(m_tree.indexOf(m_names.value(accountId).parentId));
    }
    // Once the list (of every status) and the names are both complete: a NotListed row for each
    // account Organizations has and the list did not include. Returns how many were added.
    int addNotListedAccounts();
    const OrganizationTree &organizationTree() const { return m_tree; }
    // Index in organizationTree() of the OU or root right above the account; -1 when unknown.
    int ouNodeOf(const AccountEnrollment &account) const
    {
        return m_tree.indexOf(m_names.value(account.accountId).parentId);
    }

    const AccountEnrollment &account(int row) const { return m_accounts.at(row); }
    const QList<AccountEnrollment> &accounts() const { return m_accounts; }
    const StatusCounts &counts() const { return m_counts; }

Q_SIGNALS:
    void countsChanged();
    void namesStateChanged();
    void organizationTreeChanged();

private:
    void setNamesState(NamesState state);

    QList<AccountEnrollment> m_accounts;
    StatusCounts m_counts;
    QHash<QString, int> m_rowByAccountId;
    AccountNames m_names;
    OrganizationTree m_tree;
    NamesState m_namesState = NamesState::NotRequested;
    QString m_namesUnavailableReason;
    QString m_treeUnavailableReason;
};
