#include "enrollment/accounttablemodel.h"

#include <QLocale>

AccountTableModel::AccountTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int AccountTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int AccountTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AccountEnrollment &account = m_accounts.at(index.row());

    if (role == StatusRole)
        return int(account.status);

    switch (index.column()) {
    case AccountIdColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return account.accountId;
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return account.statusText.isEmpty() ? QStringLiteral("(none)") : account.statusText;
        break;
    case StatusReasonColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            // A reason may hold line breaks; the cell shows one line, the tooltip all of it.
            QString reason = account.statusReason.value_or(QString());
            return role == SortRole ? reason : reason.replace(u'\n', u' ').replace(u'\r', u' ');
        }
        if (role == Qt::ToolTipRole)
            return account.statusReason.value_or(QString());
        break;
    case LastUpdatedColumn:
        if (!account.lastUpdatedMsecs)
            return role == SortRole ? QVariant(qint64(std::numeric_limits<qint64>::min())) : QVariant();
        if (role == SortRole)
            return *account.lastUpdatedMsecs;
        if (role == Qt::DisplayRole)
            return QLocale().toString(account.lastUpdatedUtc().toLocalTime(), QLocale::ShortFormat);
        if (role == Qt::ToolTipRole)
            return account.lastUpdatedUtc().toString(Qt::ISODateWithMs);
        break;
    default:
        break;
    }
    return {};
}

QVariant AccountTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AccountIdColumn:
        return tr("Account ID");
    case StatusColumn:
        return tr("Status");
    case StatusReasonColumn:
        return tr("Status Reason");
    case LastUpdatedColumn:
        return tr("Last Updated");
    default:
        return {};
    }
}

void AccountTableModel::appendAccounts(const QList<AccountEnrollment> &accounts)
{
    if (accounts.isEmpty())
        return;
    const int first = int(m_accounts.size());
    beginInsertRows({}, first, first + int(accounts.size()) - 1);
    m_accounts.append(accounts);
    for (const AccountEnrollment &account : accounts)
        m_counts.add(account);
    endInsertRows();
    Q_EMIT countsChanged();
}

void AccountTableModel::clear()
{
    beginResetModel();
    m_accounts.clear();
    m_counts.clear();
    endResetModel();
    Q_EMIT countsChanged();
}
