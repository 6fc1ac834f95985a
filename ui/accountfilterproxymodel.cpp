#include "accountfilterproxymodel.h"

#include <QTextDocument>

#include <algorithm>

AccountFilterProxyModel::AccountFilterProxyModel(QObject *parent)
    : QAbstractProxyModel(parent)
{
}

void AccountFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    beginResetModel();
    if (m_accounts)
        disconnect(m_accounts, nullptr, this, nullptr);
    QAbstractProxyModel::setSourceModel(sourceModel);
    m_accounts = qobject_cast<AccountTableModel *>(sourceModel);
    connectSource();
    rebuild();
    endResetModel();
}

void AccountFilterProxyModel::connectSource()
{
    if (!m_accounts)
        return;
    AccountTableModel *source = m_accounts;
    // No reset signal: a source usually dies with the window, whose slots must not run half destroyed.
    connect(source, &QObject::destroyed, this, &AccountFilterProxyModel::forgetSource);
    connect(source, &QAbstractItemModel::modelAboutToBeReset, this, &AccountFilterProxyModel::beginSourceReset);
    connect(source, &QAbstractItemModel::modelReset, this, &AccountFilterProxyModel::endSourceReset);
    connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int) { onRowsAboutToBeInserted(first); });
    connect(source, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    // The account table only appends and resets; anything else that moves rows or columns starts over.
    const auto startOver = [this, source](auto aboutTo, auto done) {
        connect(source, aboutTo, this, &AccountFilterProxyModel::beginSourceReset);
        connect(source, done, this, &AccountFilterProxyModel::endSourceReset);
    };
    startOver(&QAbstractItemModel::rowsAboutToBeRemoved, &QAbstractItemModel::rowsRemoved);
    startOver(&QAbstractItemModel::rowsAboutToBeMoved, &QAbstractItemModel::rowsMoved);
    startOver(&QAbstractItemModel::layoutAboutToBeChanged, &QAbstractItemModel::layoutChanged);
    startOver(&QAbstractItemModel::columnsAboutToBeInserted, &QAbstractItemModel::columnsInserted);
    startOver(&QAbstractItemModel::columnsAboutToBeRemoved, &QAbstractItemModel::columnsRemoved);
    connect(source, &QAbstractItemModel::dataChanged, this, &AccountFilterProxyModel::onDataChanged);
    connect(source, &QAbstractItemModel::headerDataChanged, this, [this](Qt::Orientation orientation, int first, int last) {
        if (orientation == Qt::Horizontal)
            Q_EMIT headerDataChanged(orientation, first, last);
        else if (!m_shown.empty())
            Q_EMIT headerDataChanged(orientation, 0, rowCount() - 1);
    });
    connect(source, &AccountTableModel::organizationTreeChanged, this, &AccountFilterProxyModel::onPlacesChanged);
    connect(source, &AccountTableModel::namesStateChanged, this, &AccountFilterProxyModel::onPlacesChanged);
}

void AccountFilterProxyModel::forgetSource()
{
    m_accounts = nullptr;
    m_resetting = false;
    m_unsettled.clear();
    m_facts.clear();
    m_searchTexts.clear();
    m_order.setColumn(m_order.column(), m_order.order());
    m_shown.clear();
    m_rowOf.clear();
    const QModelIndexList persistent = persistentIndexList();
    changePersistentIndexList(persistent, QModelIndexList(persistent.size()));
}

void AccountFilterProxyModel::beginSourceReset()
{
    if (m_resetting)
        return;
    m_resetting = true;
    beginResetModel();
}

void AccountFilterProxyModel::endSourceReset()
{
    if (!m_resetting)
        return;
    rebuild();
    m_resetting = false;
    endResetModel();
}

void AccountFilterProxyModel::rebuild()
{
    m_unsettled.clear();
    m_facts.clear();
    m_searchTexts.clear();
    const int rows = m_accounts ? m_accounts->rowCount() : 0;
    m_facts.reserve(std::size_t(rows));
    // About what an ID, a reason, a name and an email take.
    m_searchTexts.reserve(std::size_t(rows), 96);
    for (int row = 0; row < rows; ++row)
        remember(row);
    m_order.setColumn(m_order.column(), m_order.order());
    if (m_accounts)
        m_order.sort(*m_accounts, m_facts);
    m_shown = acceptedRows();
    m_rowOf.assign(std::size_t(rows), -1);
    for (std::size_t row = 0; row < m_shown.size(); ++row)
        m_rowOf[std::size_t(m_shown[row])] = int(row);
}

void AccountFilterProxyModel::onRowsAboutToBeInserted(int first)
{
    if (std::size_t(first) != m_facts.size())
        beginSourceReset();
}

void AccountFilterProxyModel::onRowsInserted(int first, int last)
{
    if (m_resetting) {
        endSourceReset();
        return;
    }
    settle();
    // A page is one layout change, however its accounts scatter through the sorted table.
    for (int row = first; row <= last; ++row)
        remember(row);
    m_order.insert(*m_accounts, m_facts, first, last);
    show(acceptedRows());
}

void AccountFilterProxyModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                            const QList<int> &roles)
{
    if (m_resetting || !m_accounts || !topLeft.isValid() || std::size_t(bottomRight.row()) >= m_rowOf.size())
        return;
    // The ID, name, email and reason: a new OU tree (the OU path column alone) leaves them be.
    const bool searchedColumns = topLeft.column() <= AccountTableModel::StatusReasonColumn;
    const int column = m_order.column();
    const bool sortColumn = column >= topLeft.column() && column <= bottomRight.column();
    int top = rowCount();
    int bottom = -1;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        m_facts[std::size_t(row)] = AccountFilter::factsOf(*m_accounts, row);
        if (searchedColumns)
            m_searchTexts.replace(std::size_t(row), AccountFilter::searchTextOf(*m_accounts, row));
        const int shown = m_rowOf[std::size_t(row)];
        if (sortColumn || accepts(row) != (shown >= 0))
            m_unsettled.push_back(row);
        if (shown >= 0) {
            top = std::min(top, shown);
            bottom = std::max(bottom, shown);
        }
    }
    // A names page brings one dataChanged per run of rows, hundreds scattered through the table:
    // rows move and come and go once for all of them, when the event loop next turns.
    if (!m_unsettled.empty() && !m_settleQueued) {
        m_settleQueued = true;
        QMetaObject::invokeMethod(this, &AccountFilterProxyModel::settle, Qt::QueuedConnection);
    }
    if (bottom >= 0)
        Q_EMIT dataChanged(index(top, topLeft.column()), index(bottom, bottomRight.column()), roles);
}

void AccountFilterProxyModel::settle()
{
    m_settleQueued = false;
    if (m_unsettled.empty() || !m_accounts)
        return;
    std::vector<int> rows = std::move(m_unsettled);
    m_unsettled.clear();
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    m_order.update(*m_accounts, m_facts, rows);
    show(acceptedRows());
}

void AccountFilterProxyModel::onPlacesChanged()
{
    if (m_resetting || !m_accounts)
        return;
    settle();
    // A new tree moves accounts between OUs (and renames the paths an OU path sort compares).
    std::vector<int> changed;
    for (std::size_t row = 0; row < m_facts.size(); ++row) {
        const AccountFilter::Facts facts = AccountFilter::factsOf(*m_accounts, int(row));
        if (facts == m_facts[row])
            continue;
        m_facts[row] = facts;
        changed.push_back(int(row));
    }
    if (m_order.column() == AccountTableModel::OuPathColumn) {
        changed.resize(m_facts.size());
        for (std::size_t row = 0; row < changed.size(); ++row)
            changed[row] = int(row);
    }
    m_order.update(*m_accounts, m_facts, changed);
    show(acceptedRows());
    if (m_filter.unit >= 0 || m_filter.hideSuspendedOrClosed || !m_filter.search.isEmpty())
        Q_EMIT filterChanged();
}

StatusCounts AccountFilterProxyModel::countsBesideStatus(const AccountFilter &filter)
{
    if (!m_accounts)
        return {};
    settle();
    return filter.countsBesideStatus(m_accounts->organizationTree(), m_facts,
                                     [this](std::size_t row) { return m_searchTexts.at(row); });
}

QList<StatusCounts> AccountFilterProxyModel::countsPerUnit(const AccountFilter &filter)
{
    if (!m_accounts)
        return {};
    settle();
    return filter.countsPerUnit(m_accounts->organizationTree(), m_facts,
                                [this](std::size_t row) { return m_searchTexts.at(row); });
}

void AccountFilterProxyModel::remember(int sourceRow)
{
    m_facts.push_back(AccountFilter::factsOf(*m_accounts, sourceRow));
    m_searchTexts.append(AccountFilter::searchTextOf(*m_accounts, sourceRow));
}

bool AccountFilterProxyModel::accepts(int sourceRow) const
{
    const auto row = std::size_t(sourceRow);
    return m_filter.accepts(m_accounts->organizationTree(), m_facts[row], m_searchTexts.at(row), m_searchKey);
}

std::vector<int> AccountFilterProxyModel::acceptedRows() const
{
    return accepted(m_order.rows(), [](int) { return true; });
}

std::vector<int> AccountFilterProxyModel::acceptedAmongShown() const
{
    return accepted(m_shown, [this](int row) { return m_rowOf[std::size_t(row)] >= 0; });
}

std::vector<int> AccountFilterProxyModel::accepted(const std::vector<int> &sortedRows,
                                                   const std::function<bool(int)> &candidate) const
{
    std::vector<int> rows;
    if (!m_accounts)
        return rows;
    // Decided in arrival order, the order the search texts lie in memory (in sorted order each
    // row is a cache miss), then read off in sorted order.
    std::vector<char> accepts(m_facts.size(), 0);
    for (std::size_t row = 0; row < accepts.size(); ++row)
        accepts[row] = candidate(int(row)) && this->accepts(int(row));
    rows.reserve(sortedRows.size());
    for (const int row : sortedRows) {
        if (accepts[std::size_t(row)])
            rows.push_back(row);
    }
    return rows;
}

void AccountFilterProxyModel::show(std::vector<int> sourceRows)
{
    const std::size_t sourceCount = m_facts.size();
    if (sourceRows == m_shown) {
        m_rowOf.resize(sourceCount, -1);
        return;
    }
    // Rows only come and go or change places: the columns stay, which spares the header and the
    // selection a pass over every cell.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> sourceRowOf;
    sourceRowOf.reserve(std::size_t(before.size()));
    for (const QModelIndex &index : before)
        sourceRowOf.push_back(m_shown[std::size_t(index.row())]);

    m_shown = std::move(sourceRows);
    m_rowOf.assign(sourceCount, -1);
    for (std::size_t row = 0; row < m_shown.size(); ++row)
        m_rowOf[std::size_t(m_shown[row])] = int(row);

    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int row = m_rowOf[std::size_t(sourceRowOf[std::size_t(i)])];
        after.append(row < 0 ? QModelIndex() : index(row, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QModelIndex AccountFilterProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex AccountFilterProxyModel::parent(const QModelIndex &) const
{
    return {};
}

int AccountFilterProxyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int AccountFilterProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_accounts ? 0 : m_accounts->columnCount();
}

bool AccountFilterProxyModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0 && columnCount(parent) > 0;
}

QModelIndex AccountFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_accounts || !proxyIndex.isValid() || std::size_t(proxyIndex.row()) >= m_shown.size())
        return {};
    return m_accounts->index(m_shown[std::size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex AccountFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_accounts || !sourceIndex.isValid() || sourceIndex.model() != m_accounts
        || std::size_t(sourceIndex.row()) >= m_rowOf.size())
        return {};
    const int row = m_rowOf[std::size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : index(row, sourceIndex.column());
}

QVariant AccountFilterProxyModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::ToolTipRole || !m_accounts || !index.isValid())
        return QAbstractProxyModel::data(index, role);
    const AccountEnrollment *shown = accountAt(index.row());
    if (!shown)
        return {};
    const AccountEnrollment &account = *shown;
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
        return QAbstractProxyModel::data(index, role);
    }
}

QVariant AccountFilterProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_accounts)
        return {};
    // Straight from the source: the base class maps a column through row 0, which an empty view lacks.
    if (orientation == Qt::Horizontal)
        return m_accounts->headerData(section, orientation, role);
    if (section < 0 || std::size_t(section) >= m_shown.size())
        return {};
    return m_accounts->headerData(m_shown[std::size_t(section)], orientation, role);
}

void AccountFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    settle();
    if (column == m_order.column() && order == m_order.order())
        return;
    m_order.setColumn(column, order);
    if (!m_accounts)
        return;
    m_order.sort(*m_accounts, m_facts);
    show(acceptedRows());
}

void AccountFilterProxyModel::setAccountFilter(const AccountFilter &filter)
{
    AccountFilter trimmed = filter;
    trimmed.search = filter.search.trimmed();
    if (trimmed == m_filter)
        return;
    settle();
    // A longer search (the next keystroke) can only hide rows: look at those shown, not at all.
    const bool narrower = trimmed.narrows(m_filter);
    m_filter = trimmed;
    m_searchKey = m_filter.searchKey();
    show(narrower ? acceptedAmongShown() : acceptedRows());
    Q_EMIT filterChanged();
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

const AccountEnrollment *AccountFilterProxyModel::accountAt(int row) const
{
    if (!m_accounts || row < 0 || std::size_t(row) >= m_shown.size())
        return nullptr;
    return &m_accounts->account(m_shown[std::size_t(row)]);
}

QList<AccountEnrollment> AccountFilterProxyModel::visibleAccounts() const
{
    QList<AccountEnrollment> accounts;
    if (!m_accounts)
        return accounts;
    accounts.reserve(qsizetype(m_shown.size()));
    for (const int row : m_shown)
        accounts.append(m_accounts->account(row));
    return accounts;
}
