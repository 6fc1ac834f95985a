#include "statusdelegate.h"

#include "enrollment/accounttablemodel.h"
#include "statusmarker.h"

#include <QWidget>

StatusDelegate::StatusDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void StatusDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant statusValue = index.data(AccountTableModel::StatusRole);
    if (!statusValue.isValid())
        return;
    const auto status = static_cast<EnrollmentStatus>(statusValue.toInt());
    const int size = std::max(8, option->fontMetrics.height() * 5 / 9);
    const qreal ratio = option->widget ? option->widget->devicePixelRatioF() : 1.0;
    const bool dark = option->palette.color(QPalette::Base).lightnessF() < 0.5;
    const quint64 key = quint64(status) | (quint64(dark) << 8) | (quint64(size) << 9)
        | (quint64(qRound(ratio * 100)) << 24);
    auto cached = m_icons.constFind(key);
    if (cached == m_icons.constEnd())
        cached = m_icons.insert(key, statusMarkerIcon(status, option->palette, size, ratio));
    option->icon = *cached;
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->decorationSize = QSize(size, size);
}
