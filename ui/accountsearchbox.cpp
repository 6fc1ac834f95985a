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
    // Esc clears a search before it may cancel a load: take it from the window while there is text.
    if (event->type() == QEvent::ShortcutOverride && !text().isEmpty()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            event->accept();
            return true;
        }
    }
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

void AccountSearchBox::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier && !text().isEmpty()) {
        clear();
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}
