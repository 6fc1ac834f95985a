#include "accountfilterbar.h"

#include "accountfilterproxymodel.h"
#include "enrollment/accounttablemodel.h"
#include "recountschedule.h"
#include "statusfilterbar.h"
#include "windowsettings.h"

#include <QCheckBox>
#include <QGridLayout>

AccountFilterBar::AccountFilterBar(AccountTableModel *model, AccountFilterProxyModel *proxy,
                                   WindowSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(proxy)
    , m_settings(settings)
    , m_statuses(new StatusFilterBar(this))
    , m_hideSuspended(new QCheckBox(tr("Hide suspended and closed"), this))
    , m_layout(new QGridLayout(this))
{
    setObjectName(QStringLiteral("accountFilterBar"));
    m_hideSuspended->setObjectName(QStringLiteral("hideSuspendedOrClosed"));
    m_hideSuspended->setToolTip(tr("Hide accounts that AWS Organizations lists as suspended, closing or closed: "
                                   "they cannot be enrolled"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSizeConstraint(QLayout::SetNoConstraint);
    m_layout->setColumnStretch(0, 1);
    m_layout->addWidget(m_statuses, 0, 0);
    m_layout->addWidget(m_hideSuspended, 0, 1);

    connect(m_statuses, &StatusFilterBar::filterChanged, this, [this](const StatusFilter &filter) {
        m_proxy->setStatusFilter(filter);
        m_settings->setStatusFilter(filter);
    });
    connect(m_hideSuspended, &QCheckBox::toggled, this, [this](bool hide) {
        m_proxy->setHideSuspendedOrClosed(hide);
        m_settings->setHideSuspendedOrClosed(hide);
    });
    auto *schedule = new RecountSchedule(m_model, m_proxy, RecountSchedule::Unit::Followed, this);
    connect(schedule, &RecountSchedule::recount, this, &AccountFilterBar::recount);
    recount();
}

void AccountFilterBar::restore()
{
    const StatusFilter filter = m_settings->statusFilter();
    m_statuses->setFilter(filter);
    m_proxy->setStatusFilter(filter);
    const QSignalBlocker blocker(m_hideSuspended);
    m_hideSuspended->setChecked(m_settings->hideSuspendedOrClosed());
    m_proxy->setHideSuspendedOrClosed(m_hideSuspended->isChecked());
}

void AccountFilterBar::save()
{
    m_settings->setStatusFilter(m_statuses->filter());
    m_settings->setHideSuspendedOrClosed(m_hideSuspended->isChecked());
}

void AccountFilterBar::showEverything()
{
    m_statuses->setFilter(StatusFilter::all());
    m_proxy->setStatusFilter(StatusFilter::all());
    m_settings->setStatusFilter(StatusFilter::all());
    m_hideSuspended->setChecked(false);
}

QList<QWidget *> AccountFilterBar::tabChain() const
{
    QList<QWidget *> chain;
    for (int s = 0; s < EnrollmentStatusCount; ++s)
        chain.append(m_statuses->checkBox(EnrollmentStatus(s)));
    chain.append(m_hideSuspended);
    return chain;
}

QSize AccountFilterBar::minimumSizeHint() const
{
    const int width = std::max(m_statuses->minimumSizeHint().width(), m_hideSuspended->sizeHint().width());
    return {width, m_layout->minimumSize().height()};
}

void AccountFilterBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeHideBox();
}

void AccountFilterBar::placeHideBox()
{
    const int together = m_statuses->sizeHint().width() + m_layout->horizontalSpacing()
        + m_hideSuspended->sizeHint().width();
    const bool besideStatuses = width() >= together;
    if (besideStatuses == std::exchange(m_besideStatuses, besideStatuses))
        return;
    m_layout->removeWidget(m_hideSuspended);
    if (besideStatuses)
        m_layout->addWidget(m_hideSuspended, 0, 1);
    else
        m_layout->addWidget(m_hideSuspended, 1, 0);
    updateGeometry();
}

void AccountFilterBar::recount()
{
    m_statuses->setCounts(m_proxy->countsBesideStatus(m_proxy->accountFilter()));
    placeHideBox(); // the counts' digits widen the checkboxes
}
