#pragma once

#include "enrollment/statusfilter.h"

#include <QWidget>

class AccountFilterProxyModel;
class AccountTableModel;
class QCheckBox;
class QGridLayout;
class StatusFilterBar;
class WindowSettings;

// Above the table: the status checkboxes, counted through the table's own filter (so they follow
// the OU picked, the search and the hiding), and "Hide suspended and closed". Choices are applied
// to the proxy and remembered in the settings.
class AccountFilterBar : public QWidget
{
    Q_OBJECT

public:
    AccountFilterBar(AccountTableModel *model, AccountFilterProxyModel *proxy, WindowSettings *settings,
                     QWidget *parent = nullptr);

    StatusFilterBar *statusBar() const { return m_statuses; }
    QCheckBox *hideSuspendedBox() const { return m_hideSuspended; }
    // The settings' choices, onto the boxes and the proxy.
    void restore();
    void save();
    void showEverything();
    QList<QWidget *> tabChain() const;

    // Narrow windows put "Hide suspended and closed" under the statuses instead of beside them.
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void recount();
    void placeHideBox();

    AccountTableModel *m_model;
    AccountFilterProxyModel *m_proxy;
    WindowSettings *m_settings;
    StatusFilterBar *m_statuses;
    QCheckBox *m_hideSuspended;
    QGridLayout *m_layout;
    bool m_besideStatuses = true;
};
