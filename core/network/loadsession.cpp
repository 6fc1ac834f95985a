#include "network/loadsession.h"

#include "network/loadworker.h"
#include "signing/clock.h"

bool canResumeAfter(const FetchFailure &failure)
{
    switch (failure.kind) {
    case FetchFailure::Kind::Configuration:
    case FetchFailure::Kind::TokenLoop:
    case FetchFailure::Kind::InvalidRequest:
        return false;
    default:
        return true;
    }
}

LoadSession::LoadSession(QObject *parent)
    : LoadSession(std::make_shared<SystemClock>(), parent)
{
}

LoadSession::LoadSession(std::shared_ptr<const Clock> clock, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<FetchProgress>();
    qRegisterMetaType<FetchFailure>();
    qRegisterMetaType<LoadOutcome>();
    qRegisterMetaType<QList<AccountEnrollment>>();
    qRegisterMetaType<OwnEnrollment>();
    qRegisterMetaType<AccountNames>();
    qRegisterMetaType<OrganizationTree>();
    qRegisterMetaType<OptInCheck>();
    qRegisterMetaType<OptInAccepted>();
    qRegisterMetaType<OptInRefused>();

    m_thread.setObjectName(QStringLiteral("load-session"));
    m_worker = new LoadWorker(std::move(clock));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &LoadWorker::pageReceived, this, &LoadSession::onPage);
    connect(m_worker, &LoadWorker::progressChanged, this, &LoadSession::onProgress);
    connect(m_worker, &LoadWorker::finished, this, &LoadSession::onListFinished);
    connect(m_worker, &LoadWorker::failed, this, &LoadSession::onListFailed);
    connect(m_worker, &LoadWorker::namesReceived, this, [this](const AccountNames &names, int run) {
        if (run == m_namesRun && m_namesExpected)
            Q_EMIT accountNamesReceived(names);
    });
    connect(m_worker, &LoadWorker::organizationTreeReceived, this, [this](const OrganizationTree &tree, int run) {
        if (run == m_namesRun && m_namesExpected)
            Q_EMIT organizationTreeReceived(tree);
    });
    connect(m_worker, &LoadWorker::organizationTreeUnavailable, this, [this](const QString &reason, int run) {
        if (run == m_namesRun && m_namesExpected) {
            m_outcome.organizationWarning = reason;
            Q_EMIT organizationTreeUnavailable(reason);
        }
    });
    connect(m_worker, &LoadWorker::namesFinished, this, [this](int run) { onNamesDone({}, false, run); });
    connect(m_worker, &LoadWorker::namesUnavailable, this, &LoadSession::onNamesDone);
    connect(m_worker, &LoadWorker::ownEnrollmentReceived, this, [this](const OwnEnrollment &own, int run) {
        if (run == m_ownRun)
            Q_EMIT ownEnrollmentReceived(own);
    });
    connect(m_worker, &LoadWorker::ownEnrollmentFailed, this, [this](const QString &message, int run) {
        if (run == m_ownRun)
            Q_EMIT ownEnrollmentFailed(message);
    });
    connect(m_worker, &LoadWorker::optInChecked, this, [this](const OptInCheck &check, int run) {
        if (run == m_checkRun)
            Q_EMIT optInChecked(check);
    });
    // An opt-in is never cancelled: once sent, its answer is news whatever else happened meanwhile.
    connect(m_worker, &LoadWorker::optInAccepted, this, [this](const OptInAccepted &accepted, int) {
        m_optingIn = false;
        Q_EMIT optInAccepted(accepted);
    });
    connect(m_worker, &LoadWorker::optInRefused, this, [this](const OptInRefused &refused, int) {
        m_optingIn = false;
        Q_EMIT optInRefused(refused);
    });
    m_thread.start();
}

LoadSession::~LoadSession()
{
    QMetaObject::invokeMethod(m_worker, &LoadWorker::cancel, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void LoadSession::setRandomSource(std::function<double()> random)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, random = std::move(random)] { worker->setRandomSource(random); },
        Qt::QueuedConnection);
}

void LoadSession::start(const EnrollmentQuery &query)
{
    const int run = ++m_run;
    const int namesRun = ++m_namesRun;
    m_loading = true;
    m_listDone = false;
    m_namesExpected = query.includeAccountNames && query.organizations.isValid();
    m_namesDone = !m_namesExpected;
    m_outcome = {};
    m_elapsed.start();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, query, run, namesRun] { worker->start(query, run, namesRun); },
        Qt::QueuedConnection);
    Q_EMIT started();
}

void LoadSession::fetchOwnEnrollment(const EnrollmentQuery &query)
{
    const int run = ++m_ownRun;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, query, run] { worker->fetchOwnEnrollment(query, run); },
        Qt::QueuedConnection);
}

void LoadSession::reread(const EnrollmentQuery &query)
{
    const int run = ++m_run;
    ++m_namesRun;
    m_loading = true;
    m_listDone = false;
    m_namesExpected = false;
    m_namesDone = true;
    m_outcome = {};
    m_elapsed.start();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, query, run] { worker->reread(query, run); },
                              Qt::QueuedConnection);
    Q_EMIT started();
}

void LoadSession::checkOptIn(const EnrollmentQuery &query)
{
    const int run = ++m_checkRun;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, query, run] { worker->checkOptIn(query, run); },
                              Qt::QueuedConnection);
}

bool LoadSession::optIn(const EnrollmentQuery &query, bool includeMembers)
{
    if (m_optingIn)
        return false;
    m_optingIn = true;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, query, includeMembers] { worker->optIn(query, includeMembers, 0); },
        Qt::QueuedConnection);
    return true;
}

void LoadSession::resume()
{
    if (!canResume())
        return;
    const int run = ++m_run;
    m_loading = true;
    m_outcome.canResume = false;
    m_outcome.failure = {};
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, run] { worker->resume(run); }, Qt::QueuedConnection);
    Q_EMIT started();
}

void LoadSession::cancel()
{
    if (!m_loading)
        return;
    ++m_run;
    ++m_namesRun;
    QMetaObject::invokeMethod(m_worker, &LoadWorker::cancel, Qt::QueuedConnection);
    // A page may be in flight past the cut; only a new load can be sure to miss nothing.
    end(LoadOutcome::State::Cancelled);
}

void LoadSession::onPage(const QList<AccountEnrollment> &accounts, int run)
{
    if (run != m_run)
        return;
    m_outcome.accounts += int(accounts.size());
    Q_EMIT pageReceived(accounts);
}

void LoadSession::onProgress(const FetchProgress &progress, int run)
{
    if (run == m_run)
        Q_EMIT progressChanged(progress);
}

void LoadSession::onListFinished(int run)
{
    if (run != m_run)
        return;
    m_listDone = true;
    Q_EMIT listFinished();
    endWhenComplete();
}

void LoadSession::onListFailed(const FetchFailure &failure, int run)
{
    if (run != m_run)
        return;
    m_outcome.failure = failure;
    m_outcome.canResume = canResumeAfter(failure);
    // Names that are still arriving are kept coming: Retry may complete the list.
    end(LoadOutcome::State::Incomplete);
}

void LoadSession::onNamesDone(const QString &warning, bool accessDenied, int run)
{
    if (run != m_namesRun || m_namesDone)
        return;
    m_namesDone = true;
    m_outcome.namesWarning = warning;
    m_outcome.namesAccessDenied = accessDenied;
    if (!warning.isEmpty())
        Q_EMIT accountNamesUnavailable(warning, accessDenied);
    endWhenComplete();
}

void LoadSession::endWhenComplete()
{
    if (m_loading && m_listDone && m_namesDone)
        end(LoadOutcome::State::Complete);
}

void LoadSession::end(LoadOutcome::State state)
{
    m_loading = false;
    m_outcome.state = state;
    if (state != LoadOutcome::State::Incomplete)
        m_outcome.canResume = false;
    Q_EMIT ended(m_outcome);
}
