#pragma once

#include "enrollment/accountenrollment.h"

#include <QTableView>

class AccountFilterProxyModel;
class AccountTableModel;

// The member accounts as the filter and the sort show them. Rows are of one height and columns
// are sized from sample text, so a view of 100,000 rows never measures them.
class AccountTable : public QTableView
{
    Q_OBJECT

public:
    AccountTable(AccountTableModel *model, AccountFilterProxyModel *proxy, QWidget *parent = nullptr);

    // Column widths and the sort, as saved; sensible widths and sorting by account ID without them.
    void restoreColumns(const QByteArray &state);
    QByteArray saveColumns() const;

    // In the order shown.
    QList<AccountEnrollment> selectedAccounts() const;
    // As tab-separated text, for pasting into a spreadsheet.
    void copySelectedRows();

private:
    void setDefaultColumnWidths();
    // Name and Email columns are shown while names load or once they are in, hidden otherwise.
    void showNameColumnsIfKnown();

    AccountTableModel *m_model;
    AccountFilterProxyModel *m_proxy;
};
