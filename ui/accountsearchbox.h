#pragma once

#include <QKeySequence>
#include <QLineEdit>

// The toolbar's search field: account ID, name, email or status reason.
class AccountSearchBox : public QLineEdit
{
    Q_OBJECT

public:
    explicit AccountSearchBox(QWidget *parent = nullptr);

    // A window shortcut the field must not keep for itself while it has the focus.
    void passShortcut(const QKeySequence &shortcut) { m_passed = shortcut; }

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QKeySequence m_passed;
};
