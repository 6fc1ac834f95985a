#pragma once

#include "network/fetchprogress.h"

#include <QMetaType>
#include <QString>

// How a load ended: every account and everything asked for beside the list, or why not.
struct LoadOutcome
{
    enum class State {
        Complete,   // every page arrived, and names are in or were refused (namesWarning says why)
        Incomplete, // a page could not be fetched: failure says why; the rows so far are kept
        Cancelled,  // the user stopped it
    };
    State state = State::Complete;
    FetchFailure failure;  // when Incomplete
    QString namesWarning;  // names asked for but left empty, and why
    bool namesAccessDenied = false;
    QString organizationWarning; // names came, but the OUs could not be listed, and why
    int accounts = 0;      // rows delivered
    bool canResume = false; // Incomplete, and asking again for the failed page can work

    bool isComplete() const { return state == State::Complete; }
};

Q_DECLARE_METATYPE(LoadOutcome)

// Whether asking again for the page that failed can help, or only a load from the start can:
// settings, a token loop or a refused parameter (the service forgot our nextToken) will fail again.
bool canResumeAfter(const FetchFailure &failure);
