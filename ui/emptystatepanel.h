#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

// Shown in place of the table when it has nothing to show: what happened, and what to do about it.
class EmptyStatePanel : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyStatePanel(QWidget *parent = nullptr);

    // An empty actionText hides the button.
    void showState(const QString &title, const QString &detail, const QString &actionText = {});
    QString title() const;
    QString detail() const;
    QPushButton *actionButton() const { return m_action; }
    // A command that fixes the problem ("aws sso login --profile audit"), offered for copying;
    // empty hides the offer. Cleared by every showState().
    void offerCommand(const QString &command);
    QString offeredCommand() const { return m_command; }
    QPushButton *copyCommandButton() const { return m_copyCommand; }

Q_SIGNALS:
    void actionTriggered();

private:
    QLabel *m_title;
    QLabel *m_detail;
    QPushButton *m_action;
    QPushButton *m_copyCommand;
    QString m_command;
};
