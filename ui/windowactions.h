#pragma once

class QAction;
class QWidget;

// The window's commands, with their shortcuts and tooltips. The window connects and places them.
struct WindowActions
{
    QAction *refresh = nullptr;
    QAction *cancel = nullptr;
    QAction *exportAccounts = nullptr;
    QAction *optIn = nullptr;
    QAction *copy = nullptr;
    QAction *find = nullptr;
};

WindowActions createWindowActions(QWidget *window);
