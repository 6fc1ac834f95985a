#pragma once

#include "enrollment/accountenrollment.h"

#include <QTableView>

class QMenu;

class AccountFilterProxyModel;
class AccountTableModel;

// The member accounts as the filter and the sort show them. Rows are of one height and columns
// are sized from sample text, so a view of 100,000 rows never measures them.
class AccountTable : public QTableView
{
    Q_OBJECT

public:
    AccountTable(AccountTableModel *model, AccountFilterProxyModel *proxy, QWidget *parent = nullptr);

    // Column widths, order, which are shown and the sort, as saved; sensible widths and sorting by
    // account ID without them.
    void restoreColumns(const QByteArray &state);
    QByteArray saveColumns();

    // In the order shown.
    QList<AccountEnrollment> selectedAccounts() const;
    // As tab-separated text, for pasting into a spreadsheet.
    void copySelectedRows();
    // What the header's context menu offers: each column, ticked when shown; "Reset columns".
    QMenu *columnMenu();

private:
    void setDefaultColumnWidths();
    // Every column shown, in the model's order, at the default widths.
    void resetColumns();
    // Name and Email columns are shown while names load or once they are in, hidden otherwise.
    void showNameColumnsIfKnown();
    bool namesKnown() const;

    // Name or Email columns hidden for want of names, not by the user: saved as shown.
    QList<int> m_hiddenForNames;

    AccountTableModel *m_model;
    AccountFilterProxyModel *m_proxy;
};
