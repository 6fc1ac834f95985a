#pragma once

#include <QString>
#include <QWidget>

class AccountFilterProxyModel;
class AccountTableModel;
class OrganizationTreeModel;
class QLabel;
class QStackedWidget;
class QTreeView;

// Why there is no OU tree to show, and what to do; empty when there is one.
QString organizationTreeNotice(const AccountTableModel &model, bool loading);

// Beside the table: the organization's roots and OUs with the accounts each subtree holds. Picking
// one shows its subtree in the table; "All accounts" shows the whole organization.
class OrganizationTreePane : public QWidget
{
    Q_OBJECT

public:
    OrganizationTreePane(AccountTableModel *model, AccountFilterProxyModel *proxy, QWidget *parent = nullptr);

    void setLoading(bool loading);
    void showWholeOrganization();
    QTreeView *view() const { return m_view; }
    OrganizationTreeModel *treeModel() const { return m_tree; }
    // The ID of the root or OU picked; empty for the whole organization.
    QString selectedUnitId() const { return m_selectedId; }
    QString notice() const;
    // Room for an OU name three levels down beside its counts, at most a third of the screen.
    QSize sizeHint() const override;

private:
    void onTreeChanged();
    void recount();
    void onSelectionChanged();
    void selectUnit(const QString &id);
    void updateNotice();

    AccountTableModel *m_model;
    AccountFilterProxyModel *m_proxy;
    OrganizationTreeModel *m_tree;
    QTreeView *m_view;
    QLabel *m_notice;
    QStackedWidget *m_stack;
    QString m_selectedId;
    bool m_loading = false;
    bool m_restoring = false;
};
