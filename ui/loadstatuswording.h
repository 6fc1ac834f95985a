#pragma once

#include "loadstatus.h"
#include "noticebanner.h"

#include <QString>

#include <optional>

// What the window says about its load: the incomplete-list banner, the panel in place of an empty
// table and the footer. Plain functions of the status and the row counts, so each sentence can be
// checked without a window or a network.

struct IncompleteNotice
{
    NoticeBanner::Kind kind = NoticeBanner::Kind::Warning;
    QString title;
    QString detail;
    QString actionText;
    QString actionToolTip;
};

// Only when some accounts loaded and the list stopped short of the end.
std::optional<IncompleteNotice> incompleteNotice(const LoadStatus &status, int loadedRows);

struct EmptyState
{
    // What the panel's button does.
    enum class Action { None, ShowAllAccounts, Retry, Refresh };

    QString title;
    QString detail;
    QString actionText;
    Action action = Action::None;
    QString command; // a command that fixes the problem, offered for copying
};

// For a table showing no row: loadedRows > 0 means the filter hides them all.
EmptyState emptyState(const LoadStatus &status, int loadedRows, bool demo);

QString footerText(const LoadStatus &status, int shownRows, int loadedRows);
QString footerToolTip(const LoadStatus &status);
