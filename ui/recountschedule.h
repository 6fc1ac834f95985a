#pragma once

#include "enrollment/accountfilter.h"

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
    // A filter change the counts ignore costs nothing: the statuses never count, and the OU only
    // where followed (the checkboxes follow it, the OU tree does not).
    enum class Unit { Ignored, Followed };
    RecountSchedule(const AccountTableModel *model, const AccountFilterProxyModel *proxy, Unit unit, QObject *parent);

Q_SIGNALS:
    void recount();

private:
    void schedule();
    void onFilterChanged();
    AccountFilter countedPart() const;

    const AccountFilterProxyModel *m_proxy;
    Unit m_unit;
    AccountFilter m_counted;
    QTimer m_timer;
};
