#include "accounttable.h"

#include "accountfilterproxymodel.h"
#include "enrollment/accounttablemodel.h"
#include "statusdelegate.h"
#include "tablecopy.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>

#include <algorithm>

AccountTable::AccountTable(AccountTableModel *model, AccountFilterProxyModel *proxy, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
    , m_proxy(proxy)
{
    setObjectName(QStringLiteral("accountTable"));
    setAccessibleName(tr("Member accounts"));
    setModel(m_proxy);
    setItemDelegateForColumn(AccountTableModel::StatusColumn, new StatusDelegate(this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Nothing here is edited: Tab moves on to the window's other controls, arrows move in the table.
    setTabKeyNavigation(false);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setCornerButtonEnabled(false);
    QHeaderView *rows = verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 8);
    rows->hide();
    QHeaderView *columns = horizontalHeader();
    columns->setObjectName(QStringLiteral("accountTableHeader"));
    columns->setHighlightSections(false);
    columns->setSectionsMovable(true);
    columns->setFirstSectionMovable(true);
    columns->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(columns, &QHeaderView::customContextMenuRequested, this,
            [this](const QPoint &at) { columnMenu()->popup(horizontalHeader()->mapToGlobal(at)); });
    columns->setStretchLastSection(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_model, &AccountTableModel::namesStateChanged, this, &AccountTable::showNameColumnsIfKnown);
}

void AccountTable::restoreColumns(const QByteArray &state)
{
    QHeaderView *columns = horizontalHeader();
    m_hiddenForNames.clear();
    if (!columns->restoreState(state))
        setDefaultColumnWidths();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSectionResizeMode(AccountTableModel::StatusReasonColumn, QHeaderView::Stretch);
    setSortingEnabled(true);
    showNameColumnsIfKnown();
}

QByteArray AccountTable::saveColumns()
{
    // Hidden only because this load has no names: the next one with names shows them.
    for (const int column : std::as_const(m_hiddenForNames))
        setColumnHidden(column, false);
    const QByteArray state = horizontalHeader()->saveState();
    for (const int column : std::as_const(m_hiddenForNames))
        setColumnHidden(column, true);
    return state;
}

QMenu *AccountTable::columnMenu()
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setObjectName(QStringLiteral("columnMenu"));
    QHeaderView *columns = horizontalHeader();
    for (int visual = 0; visual < columns->count(); ++visual) {
        const int column = columns->logicalIndex(visual);
        QAction *shown = menu->addAction(model()->headerData(column, Qt::Horizontal).toString());
        shown->setCheckable(true);
        const bool isNameColumn = column == AccountTableModel::AccountNameColumn || column == AccountTableModel::EmailColumn;
        if (isNameColumn && !namesKnown()) {
            shown->setEnabled(false);
            shown->setChecked(false);
            shown->setToolTip(tr("No names were fetched for this load."));
            continue;
        }
        shown->setChecked(!columns->isSectionHidden(column));
        // The last column shown stays: a table of no columns cannot be got back from its header.
        shown->setEnabled(columns->isSectionHidden(column) || columns->count() - columns->hiddenSectionCount() > 1);
        connect(shown, &QAction::toggled, this, [this, column](bool show) { setColumnHidden(column, !show); });
    }
    menu->setToolTipsVisible(true);
    menu->addSeparator();
    QAction *reset = menu->addAction(tr("Reset columns"));
    connect(reset, &QAction::triggered, this, &AccountTable::resetColumns);
    return menu;
}

void AccountTable::resetColumns()
{
    QHeaderView *columns = horizontalHeader();
    m_hiddenForNames.clear();
    for (int column = 0; column < columns->count(); ++column) {
        columns->moveSection(columns->visualIndex(column), column);
        columns->setSectionHidden(column, false);
    }
    setDefaultColumnWidths();
    showNameColumnsIfKnown();
}

void AccountTable::setDefaultColumnWidths()
{
    // Measured from sample text, never ResizeToContents: that would read every row.
    QHeaderView *columns = horizontalHeader();
    const QFontMetrics metrics = fontMetrics();
    const int em = metrics.horizontalAdvance(u'M');
    const int padding = em * 2;
    const QDateTime sample(QDate(2024, 12, 28), QTime(23, 58, 59));
    columns->resizeSection(AccountTableModel::AccountIdColumn,
                           metrics.horizontalAdvance(QStringLiteral("000000000000")) + padding);
    columns->resizeSection(AccountTableModel::AccountNameColumn, em * 14);
    columns->resizeSection(AccountTableModel::EmailColumn, em * 16);
    columns->resizeSection(AccountTableModel::StatusColumn,
                           metrics.horizontalAdvance(QStringLiteral("Inactive")) + metrics.height() + padding);
    columns->resizeSection(AccountTableModel::StatusReasonColumn, em * 36);
    columns->resizeSection(AccountTableModel::LastUpdatedColumn,
                           metrics.horizontalAdvance(QLocale().toString(sample, QLocale::ShortFormat)) + padding);
    columns->setSortIndicator(AccountTableModel::AccountIdColumn, Qt::AscendingOrder);
}

QList<AccountEnrollment> AccountTable::selectedAccounts() const
{
    QModelIndexList selected = selectionModel()->selectedRows();
    std::sort(selected.begin(), selected.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<AccountEnrollment> accounts;
    accounts.reserve(selected.size());
    for (const QModelIndex &index : std::as_const(selected)) {
        if (const AccountEnrollment *account = m_proxy->accountAt(index.row()))
            accounts.append(*account);
    }
    return accounts;
}

void AccountTable::copySelectedRows()
{
    const QList<AccountEnrollment> accounts = selectedAccounts();
    if (accounts.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(accountsAsTabSeparatedText(accounts, m_model->namesForExport(), &m_model->organizationTree()));
}

bool AccountTable::namesKnown() const
{
    using NamesState = AccountTableModel::NamesState;
    const NamesState state = m_model->namesState();
    return state == NamesState::Loading || state == NamesState::Available;
}

void AccountTable::showNameColumnsIfKnown()
{
    if (namesKnown()) {
        for (const int column : std::as_const(m_hiddenForNames))
            setColumnHidden(column, false);
        m_hiddenForNames.clear();
        return;
    }
    // Only what the user had shown is hidden for want of names, and only that comes back.
    for (const int column : {int(AccountTableModel::AccountNameColumn), int(AccountTableModel::EmailColumn)}) {
        if (!isColumnHidden(column)) {
            setColumnHidden(column, true);
            m_hiddenForNames.append(column);
        }
    }
}
