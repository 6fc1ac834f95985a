#include "accountfilterproxymodel.h"

#include <QTextDocument>

#include <limits>

namespace {

qint64 timeKey(const AccountEnrollment &account)
{
    return account.lastUpdatedMsecs.value_or(std::numeric_limits<qint64>::min());
}

const QString &reasonOf(const AccountEnrollment &account)
{
    static const QString none;
    return account.statusReason ? *account.statusReason : none;
}

// The first eight characters of an account ID, one byte each, so that comparing two keys orders
// them as comparing the strings would. Any character past Latin-1 makes the key unusable.
constexpr quint64 NoPrefixKey = std::numeric_limits<quint64>::max();

quint64 prefixKey(const QString &text)
{
    quint64 key = 0;
    for (int i = 0; i < 8; ++i) {
        const char16_t c = i < text.size() ? text.at(i).unicode() : u'\0';
        if (c > 0xff)
            return NoPrefixKey;
        key = (key << 8) | c;
    }
    return key;
}

// Up to this many rows changing visibility go through invalidateRowsFilter(); more relayout at once.
constexpr qsizetype ScatteredChangeLimit = 256;

} // namespace

AccountFilterProxyModel::AccountFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AccountTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void AccountFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    if (m_accounts)
        disconnect(m_accounts, nullptr, this, nullptr);
    m_accounts = qobject_cast<AccountTableModel *>(sourceModel);
    rebuildSortKeys();
    if (m_accounts) {
        // Connected before the base class connects: the keys of new rows exist before it sorts them in.
        connect(m_accounts, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) { appendSortKeys(first, last); });
        connect(m_accounts, &QAbstractItemModel::modelReset, this, &AccountFilterProxyModel::rebuildSortKeys);
        connect(m_accounts, &QAbstractItemModel::rowsRemoved, this, &AccountFilterProxyModel::rebuildSortKeys);
        connect(m_accounts, &AccountTableModel::organizationTreeChanged, this, &AccountFilterProxyModel::onPlacesChanged);
        connect(m_accounts, &AccountTableModel::namesStateChanged, this, &AccountFilterProxyModel::onPlacesChanged);
    }
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

QVariant AccountFilterProxyModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::ToolTipRole || !m_accounts || !index.isValid())
        return QSortFilterProxyModel::data(index, role);
    const AccountEnrollment &account = m_accounts->account(mapToSource(index).row());
    switch (index.column()) {
    case AccountTableModel::StatusReasonColumn:
        // Rich text, so the tooltip wraps instead of running off the screen.
        return account.statusReason && !account.statusReason->isEmpty()
            ? Qt::convertFromPlainText(*account.statusReason, Qt::WhiteSpaceNormal)
            : QVariant();
    case AccountTableModel::LastUpdatedColumn:
        if (!account.lastUpdatedMsecs)
            return tr("The service sent no time for this account.");
        return account.lastUpdatedUtc().toString(account.lastUpdatedHasFraction
                                                     ? QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'")
                                                     : QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    default:
        return QSortFilterProxyModel::data(index, role);
    }
}

void AccountFilterProxyModel::rebuildSortKeys()
{
    m_updatedKeys.clear();
    m_idPrefixKeys.clear();
    m_statuses.clear();
    if (m_accounts && m_accounts->rowCount() > 0)
        appendSortKeys(0, m_accounts->rowCount() - 1);
}

void AccountFilterProxyModel::appendSortKeys(int first, int last)
{
    if (std::size_t(first) != m_updatedKeys.size()) {
        // Rows went in somewhere other than the end: start the keys over.
        m_updatedKeys.clear();
        m_idPrefixKeys.clear();
        m_statuses.clear();
        first = 0;
    }
    m_updatedKeys.reserve(std::size_t(last) + 1);
    m_idPrefixKeys.reserve(std::size_t(last) + 1);
    m_statuses.reserve(std::size_t(last) + 1);
    for (int row = first; row <= last; ++row) {
        const AccountEnrollment &account = m_accounts->account(row);
        m_updatedKeys.push_back(timeKey(account));
        m_idPrefixKeys.push_back(prefixKey(account.accountId));
        m_statuses.push_back(StatusFilter::bucketOf(account));
    }
}

void AccountFilterProxyModel::setAccountFilter(const AccountFilter &filter)
{
    AccountFilter trimmed = filter;
    trimmed.search = filter.search.trimmed();
    if (trimmed != m_filter)
        applyFilter(trimmed);
}

void AccountFilterProxyModel::setStatusFilter(const StatusFilter &filter)
{
    AccountFilter next = m_filter;
    next.statuses = filter;
    setAccountFilter(next);
}

void AccountFilterProxyModel::setSearchText(const QString &text)
{
    AccountFilter next = m_filter;
    next.search = text;
    setAccountFilter(next);
}

void AccountFilterProxyModel::setUnit(int unit)
{
    AccountFilter next = m_filter;
    next.unit = unit;
    setAccountFilter(next);
}

void AccountFilterProxyModel::setHideSuspendedOrClosed(bool hide)
{
    AccountFilter next = m_filter;
    next.hideSuspendedOrClosed = hide;
    setAccountFilter(next);
}

void AccountFilterProxyModel::onPlacesChanged()
{
    // A new tree or new names move accounts in and out of an OU, a state and a search.
    if (m_filter.unit >= 0 || m_filter.hideSuspendedOrClosed || !m_filter.search.isEmpty()) {
        invalidateRowsFilter();
        Q_EMIT filterChanged();
    }
}

void AccountFilterProxyModel::applyFilter(const AccountFilter &filter)
{
    // invalidateRowsFilter() updates the view range by range. When a status is toggled in a table
    // sorted on another column, those rows lie scattered: thousands of ranges, each a pass over
    // every row (over a second for 100,000 accounts). Past a few hundred changed rows, one
    // relayout (invalidate) is far cheaper, so count them first: a cheap pass over plain values.
    qsizetype changed = 0;
    if (m_accounts) {
        const int rows = m_accounts->rowCount();
        for (int row = 0; row < rows; ++row) {
            if (accepts(row, m_filter) != accepts(row, filter) && ++changed > ScatteredChangeLimit)
                break;
        }
    }
    m_filter = filter;
    if (changed > ScatteredChangeLimit)
        invalidate();
    else
        invalidateRowsFilter();
    Q_EMIT filterChanged();
}

const AccountEnrollment *AccountFilterProxyModel::accountAt(int row) const
{
    if (!m_accounts || row < 0 || row >= rowCount())
        return nullptr;
    return &m_accounts->account(mapToSource(index(row, 0)).row());
}

QList<AccountEnrollment> AccountFilterProxyModel::visibleAccounts() const
{
    QList<AccountEnrollment> accounts;
    if (!m_accounts)
        return accounts;
    const int rows = rowCount();
    accounts.reserve(rows);
    for (int row = 0; row < rows; ++row)
        accounts.append(m_accounts->account(mapToSource(index(row, 0)).row()));
    return accounts;
}

bool AccountFilterProxyModel::accepts(int sourceRow, const AccountFilter &filter) const
{
    const auto row = std::size_t(sourceRow);
    // The cached status first: most rows a status click hides never reach the hash lookups.
    if (row < m_statuses.size() && !filter.statuses.accepts(m_statuses[row]))
        return false;
    return filter.accepts(*m_accounts, sourceRow);
}

bool AccountFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    if (!m_accounts)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    return accepts(sourceRow, m_filter);
}

bool AccountFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_accounts)
        return QSortFilterProxyModel::lessThan(left, right);
    // Straight to the values: 100,000 rows sort in well under a frame's worth of QVariants.
    const auto l = std::size_t(left.row());
    const auto r = std::size_t(right.row());
    const bool keyed = l < m_updatedKeys.size() && r < m_updatedKeys.size();
    if (keyed && left.column() == AccountTableModel::LastUpdatedColumn)
        return m_updatedKeys[l] < m_updatedKeys[r];
    if (keyed && left.column() == AccountTableModel::AccountIdColumn) {
        const quint64 a = m_idPrefixKeys[l];
        const quint64 b = m_idPrefixKeys[r];
        if (a != b && a != NoPrefixKey && b != NoPrefixKey)
            return a < b;
    }
    const AccountEnrollment &a = m_accounts->account(left.row());
    const AccountEnrollment &b = m_accounts->account(right.row());
    switch (left.column()) {
    case AccountTableModel::AccountIdColumn:
        return a.accountId < b.accountId;
    case AccountTableModel::AccountNameColumn:
        return QString::compare(m_accounts->nameOf(a).name, m_accounts->nameOf(b).name, Qt::CaseInsensitive) < 0;
    case AccountTableModel::EmailColumn:
        return QString::compare(m_accounts->nameOf(a).email, m_accounts->nameOf(b).email, Qt::CaseInsensitive) < 0;
    case AccountTableModel::StatusColumn:
        return QString::compare(a.statusText, b.statusText, Qt::CaseInsensitive) < 0;
    case AccountTableModel::StatusReasonColumn:
        return QString::compare(reasonOf(a), reasonOf(b), Qt::CaseInsensitive) < 0;
    case AccountTableModel::LastUpdatedColumn:
        return timeKey(a) < timeKey(b);
    default:
        return QSortFilterProxyModel::lessThan(left, right);
    }
}
