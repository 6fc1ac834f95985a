#include "ownenrollmentsummary.h"

#include "enrollment/enrollmentstatus.h"
#include "statusmarker.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

OwnEnrollmentSummary::OwnEnrollmentSummary(QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(tr("Your account:"), this))
    , m_marker(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("ownEnrollmentSummary"));
    setAccessibleName(tr("Your account's enrollment"));
    m_caption->setObjectName(QStringLiteral("ownEnrollmentCaption"));
    QFont bold = m_caption->font();
    bold.setBold(true);
    m_caption->setFont(bold);
    m_marker->setObjectName(QStringLiteral("ownEnrollmentMarker"));
    m_text->setObjectName(QStringLiteral("ownEnrollmentText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_marker);
    layout->addWidget(m_text, 1);
    clear();
}

void OwnEnrollmentSummary::showLoading()
{
    show();
    setMarker({});
    m_text->setText(tr("checking…"));
    m_text->setToolTip({});
    setAccessibleDescription(m_text->text());
}

void OwnEnrollmentSummary::showEnrollment(const OwnEnrollment &own)
{
    show();
    const QLocale locale;
    QStringList parts;
    parts << (own.status.isEmpty() ? tr("no status") : own.status);
    parts << (own.memberAccountsEnrolled ? tr("member accounts are enrolled") : tr("member accounts are not enrolled"));
    parts << tr("%1 member accounts opted in").arg(locale.toString(own.numberOfMemberAccountsOptedIn));
    if (own.lastUpdatedMsecs) {
        const QDateTime updated = QDateTime::fromMSecsSinceEpoch(*own.lastUpdatedMsecs, Qt::UTC);
        parts << tr("updated %1").arg(locale.toString(updated.toLocalTime(), QLocale::ShortFormat));
    }
    setMarker(own.status);
    m_text->setText(parts.join(QStringLiteral(" · ")));
    m_text->setToolTip(own.statusReason);
    setAccessibleDescription(m_text->text());
}

void OwnEnrollmentSummary::showError(const QString &message)
{
    show();
    setMarker({});
    m_text->setText(tr("could not be read. %1").arg(message));
    m_text->setToolTip({});
    setAccessibleDescription(m_text->text());
}

void OwnEnrollmentSummary::clear()
{
    hide(); // nothing to say until a load starts
    setMarker({});
    m_text->setText(tr("not checked yet; press Refresh."));
    m_text->setToolTip({});
    setAccessibleDescription(m_text->text());
}

QString OwnEnrollmentSummary::text() const
{
    return m_caption->text() + u' ' + m_text->text();
}

void OwnEnrollmentSummary::setMarker(const QString &statusText)
{
    m_statusText = statusText;
    if (statusText.isEmpty()) {
        m_marker->clear();
        m_marker->hide();
        return;
    }
    const int size = std::max(8, fontMetrics().height() * 5 / 9);
    const EnrollmentStatus status = enrollmentStatusFromText(statusText);
    m_marker->setPixmap(statusMarkerIcon(status, palette(), size, devicePixelRatioF()).pixmap(size, size));
    m_marker->show();
}

void OwnEnrollmentSummary::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        setMarker(m_statusText);
}
