#include "statusfilterbar.h"

#include "countwording.h"
#include "statusmarker.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace {

constexpr std::array<EnrollmentStatus, EnrollmentStatusCount> AllStatuses{
    EnrollmentStatus::Active, EnrollmentStatus::Inactive, EnrollmentStatus::Pending, EnrollmentStatus::Failed,
    EnrollmentStatus::Other, EnrollmentStatus::NotListed};

} // namespace

StatusFilterBar::StatusFilterBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("statusFilterBar"));
    setAccessibleName(tr("Status filter"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *caption = new QLabel(tr("Show:"), this);
    caption->setObjectName(QStringLiteral("statusFilterCaption"));
    layout->addWidget(caption);

    const QString countsNote = tr("Counts are of the accounts loaded so far in the organizational unit picked, matching the search.");
    for (EnrollmentStatus status : AllStatuses) {
        auto *box = new QCheckBox(this);
        box->setObjectName(QStringLiteral("statusFilter") + enrollmentStatusName(status).remove(u' '));
        box->setChecked(true);
        if (status == EnrollmentStatus::Other)
            box->setToolTip(tr("Accounts with a status this version does not know. %1").arg(countsNote));
        else if (status == EnrollmentStatus::NotListed)
            box->setToolTip(tr("Accounts AWS Organizations has that Compute Optimizer did not list. %1")
                                .arg(notListedExplanation()));
        else
            box->setToolTip(tr("Show %1 accounts. %2").arg(enrollmentStatusName(status), countsNote));
        connect(box, &QCheckBox::toggled, this, [this, status](bool checked) { onToggled(status, checked); });
        layout->addWidget(box);
        m_boxes[std::size_t(status)] = box;
    }
    layout->addStretch(1);
    checkBox(EnrollmentStatus::Other)->setVisible(false);
    checkBox(EnrollmentStatus::NotListed)->setVisible(false);
    setCounts(StatusCounts());
    updateIcons();
}

QCheckBox *StatusFilterBar::checkBox(EnrollmentStatus status) const
{
    return m_boxes[std::size_t(status)];
}

void StatusFilterBar::setFilter(const StatusFilter &filter)
{
    m_filter = filter;
    for (EnrollmentStatus status : AllStatuses) {
        QCheckBox *box = checkBox(status);
        const QSignalBlocker blocker(box);
        box->setChecked(filter.accepts(status));
    }
}

void StatusFilterBar::setCounts(const StatusCounts &counts)
{
    m_counts = counts;
    const QLocale locale;
    for (EnrollmentStatus status : AllStatuses) {
        QCheckBox *box = checkBox(status);
        const int count = counts.count(status);
        box->setText(tr("%1 (%2)").arg(enrollmentStatusName(status), locale.toString(count)));
        box->setAccessibleName(tr("Show %1 accounts, %2")
                                   .arg(enrollmentStatusName(status), countOf(count, tr("account"), tr("accounts"))));
    }
    // An unknown status may be hidden by an old filter; once such accounts exist, the box must show.
    checkBox(EnrollmentStatus::Other)->setVisible(counts.count(EnrollmentStatus::Other) > 0);
    // Only once the load found such accounts: most organizations have none.
    checkBox(EnrollmentStatus::NotListed)->setVisible(counts.count(EnrollmentStatus::NotListed) > 0);
}

void StatusFilterBar::onToggled(EnrollmentStatus status, bool checked)
{
    m_filter.setAccepted(status, checked);
    Q_EMIT filterChanged(m_filter);
}

void StatusFilterBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateIcons();
}

void StatusFilterBar::updateIcons()
{
    const int size = std::max(8, fontMetrics().height() * 5 / 9);
    for (EnrollmentStatus status : AllStatuses)
        checkBox(status)->setIcon(statusMarkerIcon(status, palette(), size, devicePixelRatioF()));
    for (QCheckBox *box : m_boxes)
        box->setIconSize(QSize(size, size));
}
