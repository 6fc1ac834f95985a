#include "recountschedule.h"

#include "accountfilterproxymodel.h"
#include "enrollment/accounttablemodel.h"

RecountSchedule::RecountSchedule(const AccountTableModel *model, const AccountFilterProxyModel *proxy, QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &RecountSchedule::recount);
    connect(model, &AccountTableModel::countsChanged, this, &RecountSchedule::schedule);
    connect(model, &AccountTableModel::organizationTreeChanged, this, &RecountSchedule::schedule);
    connect(model, &AccountTableModel::namesStateChanged, this, &RecountSchedule::schedule);
    // Names pages change only rows' data: an account's OU, state and name arrive this way.
    connect(model, &QAbstractItemModel::dataChanged, this, &RecountSchedule::schedule);
    connect(proxy, &AccountFilterProxyModel::filterChanged, this, &RecountSchedule::schedule);
}

void RecountSchedule::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}
