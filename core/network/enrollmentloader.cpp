#include "network/enrollmentloader.h"

#include "network/accountnamesfetcher.h"
#include "network/enrollmentfetcher.h"
#include "signing/clock.h"

EnrollmentLoader::EnrollmentLoader(QObject *parent)
    : EnrollmentLoader(std::make_shared<SystemClock>(), parent)
{
}

EnrollmentLoader::EnrollmentLoader(std::shared_ptr<const Clock> clock, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<FetchProgress>();
    qRegisterMetaType<FetchFailure>();
    qRegisterMetaType<QList<AccountEnrollment>>();
    qRegisterMetaType<OwnEnrollment>();
    qRegisterMetaType<AccountNames>();

    m_thread.setObjectName(QStringLiteral("enrollment-fetcher"));
    m_fetcher = new EnrollmentFetcher(clock);
    m_fetcher->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_fetcher, &QObject::deleteLater);
    m_namesFetcher = new AccountNamesFetcher(std::move(clock));
    m_namesFetcher->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_namesFetcher, &QObject::deleteLater);
    connect(m_namesFetcher, &AccountNamesFetcher::namesReceived, this, [this](const AccountNames &names, int run) {
        if (run == m_namesRun)
            Q_EMIT accountNamesReceived(names);
    });
    connect(m_namesFetcher, &AccountNamesFetcher::finished, this, [this](int run) {
        if (run == m_namesRun)
            Q_EMIT accountNamesFinished();
    });
    connect(m_namesFetcher, &AccountNamesFetcher::unavailable, this,
            [this](const QString &reason, bool accessDenied, int run) {
                if (run == m_namesRun)
                    Q_EMIT accountNamesUnavailable(reason, accessDenied);
            });
    connect(m_fetcher, &EnrollmentFetcher::pageReceived, this, &EnrollmentLoader::onPage);
    connect(m_fetcher, &EnrollmentFetcher::progressChanged, this, &EnrollmentLoader::onProgress);
    connect(m_fetcher, &EnrollmentFetcher::finished, this, &EnrollmentLoader::onFinished);
    connect(m_fetcher, &EnrollmentFetcher::failed, this, &EnrollmentLoader::onFailed);
    connect(m_fetcher, &EnrollmentFetcher::ownEnrollmentReceived, this, [this](const OwnEnrollment &own, int run) {
        if (run == m_ownRun)
            Q_EMIT ownEnrollmentReceived(own);
    });
    connect(m_fetcher, &EnrollmentFetcher::ownEnrollmentFailed, this, [this](const QString &message, int run) {
        if (run == m_ownRun)
            Q_EMIT ownEnrollmentFailed(message);
    });
    m_thread.start();
}

void EnrollmentLoader::fetchOwnEnrollment(const EnrollmentQuery &query)
{
    const int run = ++m_ownRun;
    QMetaObject::invokeMethod(m_fetcher, [fetcher = m_fetcher, query, run] { fetcher->fetchOwnEnrollment(query, run); },
                              Qt::QueuedConnection);
}

EnrollmentLoader::~EnrollmentLoader()
{
    m_fetcher->requestCancel();
    QMetaObject::invokeMethod(m_fetcher, &EnrollmentFetcher::cancel, Qt::QueuedConnection);
    QMetaObject::invokeMethod(m_namesFetcher, &AccountNamesFetcher::cancel, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void EnrollmentLoader::start(const EnrollmentQuery &query)
{
    const int run = ++m_run;
    m_loading = true;
    m_canResume = false;
    m_elapsed.start();
    m_fetcher->requestCancel();
    QMetaObject::invokeMethod(m_fetcher, [fetcher = m_fetcher, query, run] { fetcher->start(query, run); },
                              Qt::QueuedConnection);
    const int namesRun = ++m_namesRun;
    if (query.includeAccountNames && query.organizations.isValid()) {
        QMetaObject::invokeMethod(
            m_namesFetcher, [fetcher = m_namesFetcher, query, namesRun] { fetcher->start(query, namesRun); },
            Qt::QueuedConnection);
    } else {
        QMetaObject::invokeMethod(m_namesFetcher, &AccountNamesFetcher::cancel, Qt::QueuedConnection);
    }
    Q_EMIT started();
}

void EnrollmentLoader::resume()
{
    if (!m_canResume || m_loading)
        return;
    const int run = ++m_run;
    m_loading = true;
    m_canResume = false;
    m_fetcher->requestCancel();
    QMetaObject::invokeMethod(m_fetcher, [fetcher = m_fetcher, run] { fetcher->resume(run); },
                              Qt::QueuedConnection);
    Q_EMIT started();
}

void EnrollmentLoader::cancel()
{
    if (!m_loading)
        return;
    ++m_run;
    m_loading = false;
    // A page may be in flight past the cut; only Refresh can be sure to miss nothing.
    m_canResume = false;
    m_fetcher->requestCancel();
    QMetaObject::invokeMethod(m_fetcher, &EnrollmentFetcher::cancel, Qt::QueuedConnection);
    ++m_namesRun;
    QMetaObject::invokeMethod(m_namesFetcher, &AccountNamesFetcher::cancel, Qt::QueuedConnection);
    Q_EMIT cancelled();
}

void EnrollmentLoader::onPage(const QList<AccountEnrollment> &accounts, int run)
{
    if (run == m_run)
        Q_EMIT pageReceived(accounts);
}

void EnrollmentLoader::onProgress(const FetchProgress &progress, int run)
{
    if (run == m_run)
        Q_EMIT progressChanged(progress);
}

void EnrollmentLoader::onFinished(int run)
{
    if (run != m_run)
        return;
    m_loading = false;
    Q_EMIT finished();
}

void EnrollmentLoader::onFailed(const FetchFailure &failure, int run)
{
    if (run != m_run)
        return;
    m_loading = false;
    m_canResume = failure.kind != FetchFailure::Kind::Configuration;
    Q_EMIT failed(failure);
}
