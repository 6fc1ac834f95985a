#pragma once

#include <QHash>
#include <QIcon>
#include <QStyledItemDelegate>

// Draws the status cell as a marker shape followed by the status text, so the status never rests
// on colour alone. The style still draws selection and focus, as for any other cell.
class StatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit StatusDelegate(QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    mutable QHash<quint64, QIcon> m_icons;
};
