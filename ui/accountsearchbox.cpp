#include "accountsearchbox.h"

#include <QKeyEvent>

AccountSearchBox::AccountSearchBox(QWidget *parent)
    : QLineEdit(parent)
{
    setObjectName(QStringLiteral("searchBox"));
    setAccessibleName(tr("Search account ID, name, email or status reason"));
    setPlaceholderText(tr("Search ID, name, email or reason (Ctrl+F)"));
    setClearButtonEnabled(true);
    setMinimumWidth(fontMetrics().horizontalAdvance(placeholderText()) + 48);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

bool AccountSearchBox::event(QEvent *event)
{
    // On X11 a line edit keeps Ctrl+E for "end of line"; in the search box Export must win.
    if (event->type() == QEvent::ShortcutOverride && !m_passed.isEmpty()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->keyCombination() == m_passed[0]) {
            event->ignore();
            return true;
        }
    }
    return QLineEdit::event(event);
}
