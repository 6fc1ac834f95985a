#include "enrollment/accounttablemodel.h"

#include "enrollment/notlisted.h"

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
    case AccountNameColumn:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
            return m_names.value(account.accountId).name;
        break;
    case EmailColumn:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
            return m_names.value(account.accountId).email;
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return account.statusText.isEmpty() ? QStringLiteral("(none)") : account.statusText;
        if (role == Qt::ToolTipRole && account.status == EnrollmentStatus::NotListed)
            return notListedExplanation();
        break;
    case OuPathColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return ouPathOf(account.accountId);
        if (role == Qt::ToolTipRole) {
            const QString parent = m_names.value(account.accountId).parentId;
            const QString path = ouPathOf(account.accountId);
            return path.isEmpty() ? QString() : tr("%1 (%2)").arg(path, parent);
        }
        break;
    case AccountStateColumn: {
        const AccountState state = m_names.value(account.accountId).state;
        if (role == Qt::DisplayRole || role == SortRole)
            return accountStateName(state);
        if (role == Qt::ToolTipRole && isSuspendedOrClosed(state))
            return tr("AWS Organizations says this account is %1: it cannot be enrolled in Compute Optimizer.")
                .arg(accountStateName(state));
        break;
    }
    case JoinedColumn: {
        const AccountName known = m_names.value(account.accountId);
        if (role == SortRole)
            return known.joinedMsecs ? *known.joinedMsecs : std::numeric_limits<qint64>::min();
        if (!known.joinedMsecs)
            break;
        const QDateTime joined = QDateTime::fromMSecsSinceEpoch(*known.joinedMsecs, Qt::UTC);
        if (role == Qt::DisplayRole)
            return QLocale().toString(joined.toLocalTime(), QLocale::ShortFormat);
        if (role == Qt::ToolTipRole)
            return known.joinedMethod == u"INVITED" ? tr("Invited; joined %1").arg(joined.toString(Qt::ISODate))
                 : known.joinedMethod == u"CREATED" ? tr("Created in the organization %1").arg(joined.toString(Qt::ISODate))
                                                    : joined.toString(Qt::ISODate);
        break;
    }
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
    const bool namesColumn = section == AccountNameColumn || section == EmailColumn || section == AccountStateColumn
        || section == JoinedColumn || section == OuPathColumn;
    // The name columns are hidden when Organizations refused; the ID column says why.
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == AccountIdColumn
        && m_namesState == NamesState::Unavailable)
        return tr("Account names are not shown: %1").arg(m_namesUnavailableReason);
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == OuPathColumn
        && m_namesState == NamesState::Available) {
        if (!m_treeUnavailableReason.isEmpty())
            return tr("The organizational unit right above each account, by name. Not shown: %1")
                .arg(m_treeUnavailableReason);
        return tr("The organizational unit right above each account, by name, from the root down (AWS "
                  "Organizations ListRoots and ListOrganizationalUnitsForParent).");
    }
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == AccountStateColumn
        && m_namesState == NamesState::Available)
        return tr("The account's State in AWS Organizations (ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED, "
                  "PENDING_ACTIVATION), not its enrollment status.");
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == JoinedColumn
        && m_namesState == NamesState::Available)
        return tr("When the account joined the organization, invited or created (AWS Organizations).");
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && namesColumn) {
        switch (m_namesState) {
        case NamesState::NotRequested:
            return tr("Account names were not requested for this list.");
        case NamesState::Loading:
            return tr("Account names are loading from AWS Organizations.");
        case NamesState::Available:
            return tr("From AWS Organizations (ListAccounts).");
        case NamesState::Unavailable:
            return tr("Account names are unavailable: %1").arg(m_namesUnavailableReason);
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AccountIdColumn:
        return tr("Account ID");
    case AccountNameColumn:
        return tr("Account Name");
    case EmailColumn:
        return tr("Email");
    case StatusColumn:
        return tr("Status");
    case StatusReasonColumn:
        return tr("Status Reason");
    case LastUpdatedColumn:
        return tr("Last Updated");
    case OuPathColumn:
        return tr("OU Path");
    case AccountStateColumn:
        return tr("Account State");
    case JoinedColumn:
        return tr("Joined");
    default:
        return {};
    }
}

void AccountTableModel::appendAccounts(const QList<AccountEnrollment> &accounts)
{
    // An account already in the table (a re-read after an opt-in) changes in its row.
    QList<AccountEnrollment> added;
    QList<int> changed;
    for (const AccountEnrollment &account : accounts) {
        const auto found = m_rowByAccountId.constFind(account.accountId);
        if (found == m_rowByAccountId.cend()) {
            added.append(account);
            continue;
        }
        AccountEnrollment &row = m_accounts[*found];
        m_counts.remove(row);
        row = account;
        m_counts.add(row);
        changed.append(*found);
    }
    std::sort(changed.begin(), changed.end());
    for (qsizetype i = 0; i < changed.size();) {
        qsizetype j = i;
        while (j + 1 < changed.size() && changed[j + 1] == changed[j] + 1)
            ++j;
        Q_EMIT dataChanged(index(changed[i], 0), index(changed[j], ColumnCount - 1));
        i = j + 1;
    }
    if (!added.isEmpty()) {
        const int first = int(m_accounts.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_accounts.append(added);
        int row = first;
        for (const AccountEnrollment &account : std::as_const(added)) {
            m_counts.add(account);
            m_rowByAccountId.insert(account.accountId, row++);
        }
        endInsertRows();
    }
    if (!added.isEmpty() || !changed.isEmpty())
        Q_EMIT countsChanged();
}

void AccountTableModel::clear(NamesState names)
{
    beginResetModel();
    m_accounts.clear();
    m_counts.clear();
    m_rowByAccountId.clear();
    m_names.clear();
    m_tree = OrganizationTree();
    m_namesUnavailableReason.clear();
    m_treeUnavailableReason.clear();
    endResetModel();
    Q_EMIT countsChanged();
    Q_EMIT organizationTreeChanged();
    setNamesState(names);
}

void AccountTableModel::addAccountNames(const AccountNames &names)
{
    // Only the rows these names belong to change; a names page is 20 accounts of possibly 100,000.
    QList<int> rows;
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        m_names.insert(it.key(), it.value());
        const auto found = m_rowByAccountId.constFind(it.key());
        if (found != m_rowByAccountId.cend())
            rows.append(*found);
    }
    std::sort(rows.begin(), rows.end());
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
            ++j;
        Q_EMIT dataChanged(index(rows[i], AccountNameColumn), index(rows[j], JoinedColumn));
        i = j + 1;
    }
    setNamesState(NamesState::Available);
}

void AccountTableModel::setNamesUnavailable(const QString &reason)
{
    m_namesUnavailableReason = reason;
    setNamesState(NamesState::Unavailable);
}

void AccountTableModel::setNamesState(NamesState state)
{
    if (state == m_namesState)
        return;
    m_namesState = state;
    Q_EMIT headerDataChanged(Qt::Horizontal, AccountIdColumn, ColumnCount - 1);
    Q_EMIT namesStateChanged();
}

void AccountTableModel::setOrganizationTree(const OrganizationTree &tree)
{
    m_tree = tree;
    m_treeUnavailableReason.clear();
    if (!m_accounts.isEmpty())
        Q_EMIT dataChanged(index(0, OuPathColumn), index(int(m_accounts.size()) - 1, OuPathColumn));
    Q_EMIT headerDataChanged(Qt::Horizontal, OuPathColumn, OuPathColumn);
    Q_EMIT organizationTreeChanged();
}

void AccountTableModel::setOrganizationTreeUnavailable(const QString &reason)
{
    m_treeUnavailableReason = reason;
    Q_EMIT headerDataChanged(Qt::Horizontal, OuPathColumn, OuPathColumn);
}

int AccountTableModel::addNotListedAccounts()
{
    if (m_namesState != NamesState::Available)
        return 0;
    const QList<AccountEnrollment> rows
        = notListedAccounts(m_names, [this](const QString &id) { return m_rowByAccountId.contains(id); });
    appendAccounts(rows);
    return int(rows.size());
}
