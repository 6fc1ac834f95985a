#include "windowactions.h"

#include <QAction>
#include <QCoreApplication>
#include <QStyle>
#include <QWidget>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WindowActions", text);
}

QAction *action(QWidget *window, const QString &text, const char *objectName, const QKeySequence &shortcut)
{
    auto *action = new QAction(text, window);
    action->setObjectName(QString::fromLatin1(objectName));
    action->setShortcut(shortcut);
    return action;
}

} // namespace

WindowActions createWindowActions(QWidget *window)
{
    QStyle *style = window->style();
    WindowActions actions;

    actions.refresh = action(window, tr("&Refresh"), "refreshAction", QKeySequence(Qt::Key_F5));
    actions.refresh->setIcon(style->standardIcon(QStyle::SP_BrowserReload));
    actions.refresh->setToolTip(tr("Load every member account again (F5)"));

    actions.cancel = action(window, tr("&Cancel"), "cancelAction", QKeySequence(Qt::Key_Escape));
    actions.cancel->setIcon(style->standardIcon(QStyle::SP_BrowserStop));
    actions.cancel->setToolTip(tr("Stop loading and keep the accounts loaded so far (Esc)"));

    actions.exportAccounts = action(window, tr("&Export…"), "exportAction", QKeySequence(Qt::CTRL | Qt::Key_E));
    actions.exportAccounts->setIcon(style->standardIcon(QStyle::SP_DialogSaveButton));
    actions.exportAccounts->setToolTip(tr("Save the accounts as a CSV file (Ctrl+E)"));

    actions.optIn = action(window, tr("&Opt in…"), "optInAction", QKeySequence());
    actions.optIn->setToolTip(tr("Opt this account, or the whole organization, in to Compute Optimizer"));

    actions.copy = action(window, tr("&Copy rows"), "copyAction", QKeySequence::Copy);
    actions.copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    actions.copy->setToolTip(tr("Copy the selected rows as tab-separated text (Ctrl+C)"));

    actions.find = action(window, tr("&Find"), "findAction", QKeySequence::Find);
    window->addAction(actions.find);
    return actions;
}
