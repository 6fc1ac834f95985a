#include "noticebanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

NoticeBanner::NoticeBanner(Kind kind, QWidget *parent)
    : QFrame(parent)
    , m_kind(kind)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setFrameShape(QFrame::NoFrame);
    setAccessibleName(tr("Notice"));

    m_title->setObjectName(QStringLiteral("noticeTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_detail->setObjectName(QStringLiteral("noticeDetail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setObjectName(QStringLiteral("noticeAction"));
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, &NoticeBanner::actionTriggered);

    m_close->setObjectName(QStringLiteral("noticeClose"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss notice"));
    m_close->hide();
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_detail);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->setSpacing(10);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    updateIcon();
}

void NoticeBanner::setKind(Kind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    updateIcon();
    update();
}

void NoticeBanner::showNotice(const QString &title, const QString &detail, const QString &actionText)
{
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    m_action->setText(actionText);
    m_action->setAccessibleName(actionText);
    m_action->setVisible(!actionText.isEmpty());
    setAccessibleDescription(title + u' ' + detail);
    show();
}

void NoticeBanner::setClosable(bool closable)
{
    m_close->setVisible(closable);
}

QString NoticeBanner::title() const
{
    return m_title->text();
}

QString NoticeBanner::detail() const
{
    return m_detail->text();
}

QColor NoticeBanner::accent() const
{
    const bool dark = palette().color(QPalette::Window).lightnessF() < 0.5;
    switch (m_kind) {
    case Kind::Information:
        return palette().color(QPalette::Highlight);
    case Kind::Warning:
        return dark ? QColor(0xd2, 0x99, 0x22) : QColor(0xbf, 0x87, 0x00);
    case Kind::Error:
        break;
    }
    return dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xcf, 0x22, 0x2e);
}

void NoticeBanner::paintEvent(QPaintEvent *event)
{
    // A faint wash of the accent over the window colour: text keeps the palette's own contrast.
    const QColor base = palette().color(QPalette::Window);
    const QColor tint = accent();
    const qreal mix = 0.14;
    const QColor fill = QColor::fromRgbF(base.redF() * (1 - mix) + tint.redF() * mix,
                                         base.greenF() * (1 - mix) + tint.greenF() * mix,
                                         base.blueF() * (1 - mix) + tint.blueF() * mix);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(tint, 1));
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    QFrame::paintEvent(event);
}

void NoticeBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateIcon();
}

void NoticeBanner::updateIcon()
{
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
    if (m_kind == Kind::Warning)
        pixmap = QStyle::SP_MessageBoxWarning;
    else if (m_kind == Kind::Error)
        pixmap = QStyle::SP_MessageBoxCritical;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(size, size));
}
