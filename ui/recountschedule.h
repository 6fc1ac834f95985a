#pragma once

#include <QObject>
#include <QTimer>

class AccountFilterProxyModel;
class AccountTableModel;

// Says "count again" at most once per event-loop turn after the accounts, their names, the OU tree
// or the filter change: pages arrive many a second, and every count is a pass over every row.
class RecountSchedule : public QObject
{
    Q_OBJECT

public:
    RecountSchedule(const AccountTableModel *model, const AccountFilterProxyModel *proxy, QObject *parent);

Q_SIGNALS:
    void recount();

private:
    void schedule();

    QTimer m_timer;
};
