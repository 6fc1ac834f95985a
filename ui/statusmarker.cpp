#include "statusmarker.h"

#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

} // namespace

QColor statusMarkerColor(EnrollmentStatus status, const QPalette &palette)
{
    // Two tones per status: the deep one reads on white, the bright one on near-black.
    const bool dark = isDark(palette);
    switch (status) {
    case EnrollmentStatus::Active:
        return dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37);
    case EnrollmentStatus::Inactive:
        return dark ? QColor(0x9b, 0xa4, 0xae) : QColor(0x65, 0x6d, 0x76);
    case EnrollmentStatus::Pending:
        return dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
    case EnrollmentStatus::Failed:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e);
    case EnrollmentStatus::NotListed:
        return dark ? QColor(0x58, 0xa6, 0xff) : QColor(0x09, 0x69, 0xda);
    case EnrollmentStatus::Other:
        break;
    }
    return dark ? QColor(0xbc, 0x8c, 0xff) : QColor(0x82, 0x50, 0xdf);
}

void paintStatusMarker(QPainter *painter, const QRectF &rect, EnrollmentStatus status, const QPalette &palette)
{
    const QColor color = statusMarkerColor(status, palette);
    const qreal side = std::min(rect.width(), rect.height());
    const qreal pen = std::max<qreal>(1.5, side / 6.0);
    const QRectF box(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side);
    const QRectF inner = box.adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    switch (status) {
    case EnrollmentStatus::Active:
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(box);
        break;
    case EnrollmentStatus::Inactive:
        painter->setPen(QPen(color, pen));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(inner);
        break;
    case EnrollmentStatus::Pending: {
        painter->setPen(QPen(color, pen));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(inner);
        QPainterPath half;
        half.moveTo(inner.center());
        half.arcTo(inner, 90, 180);
        half.closeSubpath();
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawPath(half);
        break;
    }
    case EnrollmentStatus::Failed: {
        QPainterPath triangle;
        triangle.moveTo(box.center().x(), box.top());
        triangle.lineTo(box.right(), box.bottom());
        triangle.lineTo(box.left(), box.bottom());
        triangle.closeSubpath();
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawPath(triangle);
        break;
    }
    case EnrollmentStatus::NotListed: {
        // A dotted ring: an account that is there, but not in Compute Optimizer's list.
        QPen dotted(color, pen);
        dotted.setStyle(Qt::DotLine);
        painter->setPen(dotted);
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(inner);
        break;
    }
    case EnrollmentStatus::Other: {
        QPainterPath diamond;
        diamond.moveTo(inner.center().x(), inner.top());
        diamond.lineTo(inner.right(), inner.center().y());
        diamond.lineTo(inner.center().x(), inner.bottom());
        diamond.lineTo(inner.left(), inner.center().y());
        diamond.closeSubpath();
        painter->setPen(QPen(color, pen));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(diamond);
        break;
    }
    }
    painter->restore();
}

QIcon statusMarkerIcon(EnrollmentStatus status, const QPalette &palette, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paintStatusMarker(&painter, QRectF(0, 0, size, size), status, palette);
    painter.end();
    return QIcon(pixmap);
}
