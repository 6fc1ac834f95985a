#pragma once

#include "network/fetchprogress.h"

#include <QDateTime>
#include <QString>

// Where the window's load stands, as the window shows it: what was asked for, and how it ended.
// LoadTracker keeps it; the wording functions read it.
struct LoadStatus
{
    enum class State { NotLoaded, QueryFailed, Loading, Loaded, Failed, Cancelled };

    State state = State::NotLoaded;
    QString profileText; // "profile audit", "demo organization", "environment credentials"
    QString region;
    QString queryError;  // when QueryFailed
    FetchFailure failure; // when Failed
    bool canResume = false; // when Failed: asking again for the failed page can work
    QDateTime loadedAt;  // when Loaded

    bool isLoading() const { return state == State::Loading; }
    // The table holds fewer accounts than the organization has, or may.
    bool isIncomplete() const
    {
        return state == State::Loading || state == State::Failed || state == State::Cancelled;
    }
    bool isAccessDenied() const { return state == State::Failed && failure.kind == FetchFailure::Kind::AccessDenied; }
};
