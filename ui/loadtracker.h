#pragma once

#include "loadstatus.h"

#include <QObject>

class LoadSession;
class PageQueue;
struct LoadOutcome;

// Follows one LoadSession for the window. The session alone decides how a load ended; the tracker
// only holds that news back until the pages still waiting in the PageQueue are in the table, so the
// window never says "loaded" above a table that is still filling.
class LoadTracker : public QObject
{
    Q_OBJECT

public:
    LoadTracker(LoadSession *session, PageQueue *pages, QObject *parent = nullptr);

    const LoadStatus &status() const { return m_status; }
    LoadStatus::State state() const { return m_status.state; }
    bool isLoading() const { return m_status.isLoading(); }

    // A new load of profileText (as the footer names it) in region; forgets the last one.
    void start(const QString &profileText, const QString &region);
    // The load could not even be asked for: no credentials, no such profile.
    void failQuery(const QString &profileText, const QString &region, const QString &error);
    // After Retry from the failed page: the same load goes on.
    void resume();

    // What LoadSession::ended says; public so tests can say it without a network.
    void onEnded(const LoadOutcome &outcome);

Q_SIGNALS:
    void changed();

private:
    void onDrained();
    void endLoad();
    void setState(LoadStatus::State state);

    PageQueue *m_pages;
    LoadStatus m_status;
    // The session is done, but pages still wait in the queue: the state changes once they are in.
    LoadStatus::State m_stateAfterPages = LoadStatus::State::Loading;
};
