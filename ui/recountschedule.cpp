#include "recountschedule.h"

#include "accountfilterproxymodel.h"
#include "enrollment/accounttablemodel.h"

RecountSchedule::RecountSchedule(const AccountTableModel *model, const AccountFilterProxyModel *proxy, Unit unit,
                                 QObject *parent)
    : QObject(parent)
    , m_proxy(proxy)
    , m_unit(unit)
    , m_counted(countedPart())
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_counted = countedPart();
        Q_EMIT recount();
    });
    connect(model, &AccountTableModel::countsChanged, this, &RecountSchedule::schedule);
    connect(model, &AccountTableModel::organizationTreeChanged, this, &RecountSchedule::schedule);
    connect(model, &AccountTableModel::namesStateChanged, this, &RecountSchedule::schedule);
    // Names pages change only rows' data: an account's OU, state and name arrive this way.
    connect(model, &QAbstractItemModel::dataChanged, this, &RecountSchedule::schedule);
    connect(proxy, &AccountFilterProxyModel::filterChanged, this, &RecountSchedule::onFilterChanged);
}

void RecountSchedule::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void RecountSchedule::onFilterChanged()
{
    if (countedPart() != m_counted)
        schedule();
}

AccountFilter RecountSchedule::countedPart() const
{
    AccountFilter filter = m_proxy->accountFilter();
    filter.statuses = StatusFilter::all();
    if (m_unit == Unit::Ignored)
        filter.unit = -1;
    return filter;
}
