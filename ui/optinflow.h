#pragma once

#include "network/enrollmentquery.h"
#include "network/optinplan.h"
#include "network/optinpoll.h"
#include "optindialog.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <optional>

class AccountTableModel;
class LoadSession;
class LoadTracker;
class NoticeBanner;
struct OptInAccepted;
struct OptInRefused;

// Opt in…: ask AWS what it would allow, confirm in a window-modal dialog (open(), never exec()),
// send UpdateEnrollmentStatus once, then follow the accounts that were Inactive as they turn
// Pending and Active, re-reading the list on the load's thread until they settle or stop moving.
// The banner says where it stands; a refused or failed opt-in changes nothing else.
class OptInFlow : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Checking, Asking, Requesting, Following };

    OptInFlow(LoadSession *session, AccountTableModel *model, const LoadTracker *load, NoticeBanner *banner,
              QWidget *window);

    // The query of the last load; empty until there was one.
    void setQuery(std::optional<EnrollmentQuery> query) { m_query = std::move(query); }
    // Re-reads the list into the table without clearing it, and the own-enrollment summary.
    void setReread(std::function<void()> reread) { m_reread = std::move(reread); }

    // Does nothing unless idle: a second click while a check, a question or a request is under
    // way sends nothing more.
    void start();
    State state() const { return m_state; }
    OptInDialog *openDialog() const { return m_dialog; }
    OptInPoll *poll() { return &m_poll; }

Q_SIGNALS:
    void stateChanged(State state);
    void followingStopped(OptInPoll::StopReason reason);

private:
    void onChecked(const OptInCheck &check);
    void onAccepted(const OptInAccepted &accepted);
    void onRefused(const OptInRefused &refused);
    void onLoadChanged();
    void onPollStopped(OptInPoll::StopReason reason);
    // How the accounts that were Inactive stand now: Inactive, Pending, Active, other.
    QList<int> watchedCounts() const;
    void showFollowing();
    void setState(State state);

    LoadSession *m_session;
    AccountTableModel *m_model;
    const LoadTracker *m_load;
    NoticeBanner *m_banner;
    QWidget *m_window;
    std::optional<EnrollmentQuery> m_query;
    std::function<void()> m_reread;
    QPointer<OptInDialog> m_dialog;
    State m_state = State::Idle;
    bool m_wholeOrganization = false;
    QSet<QString> m_watched;
    bool m_awaitingReread = false;
    OptInPoll m_poll;
};
