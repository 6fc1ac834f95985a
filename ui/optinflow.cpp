#include "optinflow.h"

#include "countwording.h"
#include "enrollment/accounttablemodel.h"
#include "loadtracker.h"
#include "network/loadsession.h"
#include "noticebanner.h"
#include "optindialog.h"

#include <QLocale>

namespace {

QString accounts(int count)
{
    return countOf(count, OptInFlow::tr("account"), OptInFlow::tr("accounts"));
}

} // namespace

OptInFlow::OptInFlow(LoadSession *session, AccountTableModel *model, const LoadTracker *load, NoticeBanner *banner,
                     QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_model(model)
    , m_load(load)
    , m_banner(banner)
    , m_window(window)
{
    connect(m_session, &LoadSession::optInChecked, this, &OptInFlow::onChecked);
    connect(m_session, &LoadSession::optInAccepted, this, &OptInFlow::onAccepted);
    connect(m_session, &LoadSession::optInRefused, this, &OptInFlow::onRefused);
    connect(m_load, &LoadTracker::changed, this, &OptInFlow::onLoadChanged);
    // A new load replaces the client, and with it the questions still unanswered.
    connect(m_session, &LoadSession::started, this, [this] {
        if (m_state != State::Checking)
            return;
        setState(State::Idle);
        m_banner->setKind(NoticeBanner::Kind::Information);
        m_banner->showNotice(tr("Opt in… was interrupted by a new load"),
                             tr("Nothing was requested. Press Opt in… again once the list has loaded."));
    });
    connect(&m_poll, &OptInPoll::rereadDue, this, [this] {
        m_awaitingReread = true;
        if (m_reread)
            m_reread();
    });
    connect(&m_poll, &OptInPoll::stopped, this, &OptInFlow::onPollStopped);
}

void OptInFlow::start()
{
    if (m_state != State::Idle)
        return;
    if (!m_query) {
        m_banner->setKind(NoticeBanner::Kind::Information);
        m_banner->showNotice(tr("Load the accounts first"), tr("Press Refresh (F5), then Opt in… again."));
        return;
    }
    setState(State::Checking);
    m_banner->setKind(NoticeBanner::Kind::Information);
    m_banner->showNotice(tr("Checking what AWS allows…"),
                         tr("Asking AWS Organizations about trusted access and delegated administrators."));
    m_session->checkOptIn(*m_query);
}

void OptInFlow::onChecked(const OptInCheck &check)
{
    if (m_state != State::Checking)
        return;
    m_banner->hide();
    const bool listLoaded = m_model->rowCount() > 0;
    const OptInPlan plan = planOptIn(check, m_model->accounts(), m_model->accountNames(), listLoaded);
    auto *dialog = new OptInDialog(plan, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        m_dialog = nullptr;
        if (result != QDialog::Accepted || !m_query) {
            setState(State::Idle);
            return;
        }
        m_wholeOrganization = dialog->wholeOrganization();
        m_watched.clear();
        if (m_wholeOrganization) {
            for (const AccountEnrollment &account : m_model->accounts()) {
                if (account.status == EnrollmentStatus::Inactive)
                    m_watched.insert(account.accountId);
            }
        }
        setState(State::Requesting);
        m_banner->setKind(NoticeBanner::Kind::Information);
        m_banner->showNotice(tr("Opting in…"), dialog->questionText());
        m_session->optIn(*m_query, m_wholeOrganization);
    });
    m_dialog = dialog;
    setState(State::Asking);
    dialog->open();
}

void OptInFlow::onAccepted(const OptInAccepted &accepted)
{
    if (m_state != State::Requesting)
        return;
    setState(State::Following);
    m_banner->setKind(NoticeBanner::Kind::Information);
    m_banner->showNotice(tr("AWS accepted the opt-in (status %1)").arg(accepted.status),
                         m_watched.isEmpty() ? tr("Checking this account's enrollment again…")
                                             : tr("Following %1 that were Inactive as they turn Pending and Active.")
                                                   .arg(accounts(int(m_watched.size()))));
    m_poll.start();
}

void OptInFlow::onRefused(const OptInRefused &refused)
{
    if (m_state != State::Requesting)
        return;
    setState(State::Idle);
    m_banner->setKind(NoticeBanner::Kind::Error);
    m_banner->showNotice(refused.accessDenied ? tr("Opt-in refused: permissions missing") : tr("Opt-in failed"),
                         refused.message);
}

void OptInFlow::onLoadChanged()
{
    if (!m_awaitingReread || m_state != State::Following || m_load->isLoading())
        return;
    m_awaitingReread = false;
    if (m_load->state() != LoadStatus::State::Loaded) {
        m_poll.observeFailure();
    } else {
        const QList<int> counts = watchedCounts();
        m_poll.observe(counts, counts.at(0) + counts.at(1));
    }
    if (m_poll.isRunning())
        showFollowing();
}

QList<int> OptInFlow::watchedCounts() const
{
    QList<int> counts{0, 0, 0, 0};
    for (const AccountEnrollment &account : m_model->accounts()) {
        if (!m_watched.contains(account.accountId))
            continue;
        switch (account.status) {
        case EnrollmentStatus::Inactive: ++counts[0]; break;
        case EnrollmentStatus::Pending: ++counts[1]; break;
        case EnrollmentStatus::Active: ++counts[2]; break;
        default: ++counts[3]; break;
        }
    }
    return counts;
}

void OptInFlow::showFollowing()
{
    const QList<int> counts = watchedCounts();
    const QLocale locale;
    m_banner->setKind(NoticeBanner::Kind::Information);
    m_banner->showNotice(
        tr("Following the opt-in: %1 on the way").arg(accounts(counts.at(0) + counts.at(1))),
        tr("Of the %1 that were Inactive: %2 Inactive · %3 Pending · %4 Active · %5 other. Next check in %6 s.")
            .arg(accounts(int(m_watched.size())), locale.toString(counts.at(0)), locale.toString(counts.at(1)),
                 locale.toString(counts.at(2)), locale.toString(counts.at(3)),
                 locale.toString((m_poll.nextDelayMs() + 999) / 1000)));
}

void OptInFlow::onPollStopped(OptInPoll::StopReason reason)
{
    m_awaitingReread = false;
    const QList<int> counts = watchedCounts();
    const QLocale locale;
    const QString tally = tr("Of the %1 that were Inactive: %2 Active, %3 Pending, %4 Inactive, %5 other.")
                              .arg(accounts(int(m_watched.size())), locale.toString(counts.at(2)),
                                   locale.toString(counts.at(1)), locale.toString(counts.at(0)),
                                   locale.toString(counts.at(3)));
    switch (reason) {
    case OptInPoll::StopReason::Settled:
        m_banner->setKind(NoticeBanner::Kind::Information);
        m_banner->showNotice(m_watched.isEmpty() ? tr("Opt-in done") : tr("Opt-in done: every account has settled"),
                             m_watched.isEmpty() ? tr("The summary above shows this account's enrollment.") : tally);
        break;
    case OptInPoll::StopReason::NothingMoved:
        m_banner->setKind(NoticeBanner::Kind::Warning);
        m_banner->showNotice(tr("Stopped following the opt-in: nothing moved for %1 s")
                                 .arg(locale.toString(m_poll.quietForMs() / 1000)),
                             tally + u' ' + tr("Enrollment can take a while; press Refresh (F5) later to see it."));
        break;
    case OptInPoll::StopReason::TooManyRounds:
        m_banner->setKind(NoticeBanner::Kind::Warning);
        m_banner->showNotice(tr("Stopped following the opt-in after %1 checks").arg(m_poll.round()),
                             tally + u' ' + tr("Press Refresh (F5) later to see the rest."));
        break;
    case OptInPoll::StopReason::Stopped:
        break;
    }
    setState(State::Idle);
    Q_EMIT followingStopped(reason);
}

void OptInFlow::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}
