#include "enrollment/accounttablemodel.h"
#include "loadstatuswording.h"
#include "loadtracker.h"
#include "network/loadsession.h"
#include "pagequeue.h"

#include <QSignalSpy>
#include <QtTest>

namespace {

using State = LoadStatus::State;
using Action = EmptyState::Action;

QList<AccountEnrollment> page(int first, int count)
{
    QList<AccountEnrollment> accounts;
    for (int i = first; i < first + count; ++i) {
        AccountEnrollment account;
        account.accountId = QStringLiteral("%1").arg(i, 12, 10, QLatin1Char('0'));
        account.statusText = QStringLiteral("Active");
        account.status = EnrollmentStatus::Active;
        accounts.append(account);
    }
    return accounts;
}

LoadOutcome outcome(LoadOutcome::State state)
{
    LoadOutcome result;
    result.state = state;
    return result;
}

LoadOutcome failedAfter(int pages, FetchFailure::Kind kind, bool canResume)
{
    LoadOutcome result = outcome(LoadOutcome::State::Incomplete);
    result.failure.kind = kind;
    result.failure.message = QStringLiteral("The service failed on page %1.").arg(pages + 1);
    result.failure.pagesLoaded = pages;
    result.failure.suggestedCommand = QStringLiteral("aws sso login --profile audit");
    result.canResume = canResume;
    return result;
}

LoadStatus statusOf(State state)
{
    LoadStatus status;
    status.state = state;
    status.profileText = QStringLiteral("profile audit");
    status.region = QStringLiteral("eu-west-1");
    return status;
}

} // namespace

// The tracker is fed what LoadSession::ended would say; no network is involved.
class LoadStatusTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void shouldSayLoadedOnlyOnceTheWaitingPagesAreInTheTable();
    void shouldSayFailedAtOnceWhenNoPageWaits();
    void shouldResumeOnlyAFailedLoad();
    void shouldDropTheWaitingPagesWhenCancelled();
    void shouldIgnoreAnEndWhenNothingIsLoading();
    void shouldForgetTheLastLoadWhenANewOneStarts();

    void shouldOfferTheRightRetryInTheIncompleteBanner();
    void shouldShowNoIncompleteBannerWithoutRows_data();
    void shouldShowNoIncompleteBannerWithoutRows();
    void shouldExplainAnEmptyTableAndOfferWhatHelps_data();
    void shouldExplainAnEmptyTableAndOfferWhatHelps();
    void shouldSayInTheFooterWhatTheTableHolds_data();
    void shouldSayInTheFooterWhatTheTableHolds();

private:
    AccountTableModel *m_model = nullptr;
    PageQueue *m_pages = nullptr;
    LoadSession *m_session = nullptr;
    LoadTracker *m_tracker = nullptr;
};

void LoadStatusTest::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void LoadStatusTest::init()
{
    m_model = new AccountTableModel(this);
    m_pages = new PageQueue(m_model, this);
    m_session = new LoadSession(this);
    m_tracker = new LoadTracker(m_session, m_pages, this);
}

void LoadStatusTest::cleanup()
{
    delete m_tracker;
    delete m_session;
    delete m_pages;
    delete m_model;
}

void LoadStatusTest::shouldSayLoadedOnlyOnceTheWaitingPagesAreInTheTable()
{
    m_tracker->start(QStringLiteral("profile audit"), QStringLiteral("us-east-1"));
    QCOMPARE(m_tracker->state(), State::Loading);
    m_pages->enqueue(page(0, 100));
    m_pages->enqueue(page(100, 100));
    m_tracker->onEnded(outcome(LoadOutcome::State::Complete));

    QCOMPARE(m_tracker->state(), State::Loading);
    QCOMPARE(m_model->rowCount(), 0);
    QTRY_COMPARE(m_tracker->state(), State::Loaded);
    QCOMPARE(m_model->rowCount(), 200);
    QVERIFY(m_tracker->status().loadedAt.isValid());
    QVERIFY(!m_tracker->status().isIncomplete());
}

void LoadStatusTest::shouldSayFailedAtOnceWhenNoPageWaits()
{
    m_tracker->start(QStringLiteral("profile audit"), QStringLiteral("us-east-1"));
    QSignalSpy changed(m_tracker, &LoadTracker::changed);
    m_tracker->onEnded(failedAfter(2, FetchFailure::Kind::Service, true));

    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_tracker->state(), State::Failed);
    QVERIFY(m_tracker->status().canResume);
    QCOMPARE(m_tracker->status().failure.pagesLoaded, 2);
    QVERIFY(m_tracker->status().isIncomplete());
    QVERIFY(!m_tracker->status().loadedAt.isValid());
}

void LoadStatusTest::shouldResumeOnlyAFailedLoad()
{
    m_tracker->start(QStringLiteral("profile audit"), QStringLiteral("us-east-1"));
    m_tracker->resume();
    QCOMPARE(m_tracker->state(), State::Loading);
    m_tracker->onEnded(outcome(LoadOutcome::State::Complete));
    QCOMPARE(m_tracker->state(), State::Loaded);
    m_tracker->resume();
    QCOMPARE(m_tracker->state(), State::Loaded);

    m_tracker->start(QStringLiteral("profile audit"), QStringLiteral("us-east-1"));
    m_tracker->onEnded(failedAfter(3, FetchFailure::Kind::Throttled, true));
    m_tracker->resume();
    QCOMPARE(m_tracker->state(), State::Loading);
    QVERIFY(m_tracker->status().failure.message.isEmpty());
    QVERIFY(!m_tracker->status().canResume);
}

void LoadStatusTest::shouldDropTheWaitingPagesWhenCancelled()
{
    m_tracker->start(QStringLiteral("profile audit"), QStringLiteral("us-east-1"));
    m_pages->enqueue(page(0, 100));
    m_tracker->onEnded(outcome(LoadOutcome::State::Cancelled));

    QCOMPARE(m_tracker->state(), State::Cancelled);
    QVERIFY(m_pages->isEmpty());
    QTest::qWait(0);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_tracker->state(), State::Cancelled);
}

void LoadStatusTest::shouldIgnoreAnEndWhenNothingIsLoading()
{
    m_tracker->failQuery(QStringLiteral("profile nowhere"), QString(), QStringLiteral("No such profile."));
    QSignalSpy changed(m_tracker, &LoadTracker::changed);
    m_tracker->onEnded(outcome(LoadOutcome::State::Complete));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_tracker->state(), State::QueryFailed);
    QCOMPARE(m_tracker->status().queryError, QStringLiteral("No such profile."));
}

void LoadStatusTest::shouldForgetTheLastLoadWhenANewOneStarts()
{
    m_tracker->start(QStringLiteral("profile audit"), QStringLiteral("us-east-1"));
    m_pages->enqueue(page(0, 10));
    m_tracker->onEnded(failedAfter(1, FetchFailure::Kind::Network, false));
    QCOMPARE(m_tracker->state(), State::Loading); // a page still waits
    m_pages->clear();

    m_tracker->start(QStringLiteral("profile default"), QStringLiteral("eu-west-1"));
    m_pages->enqueue(page(0, 10));
    QTRY_COMPARE(m_model->rowCount(), 10);
    // The failure of the run before must not end this one once its pages are in.
    QCOMPARE(m_tracker->state(), State::Loading);
    QVERIFY(m_tracker->status().failure.message.isEmpty());
    QCOMPARE(m_tracker->status().profileText, QStringLiteral("profile default"));
    QCOMPARE(m_tracker->status().region, QStringLiteral("eu-west-1"));
}

void LoadStatusTest::shouldOfferTheRightRetryInTheIncompleteBanner()
{
    LoadStatus status = statusOf(State::Failed);
    status.failure = failedAfter(2, FetchFailure::Kind::Service, true).failure;
    status.canResume = true;
    auto notice = incompleteNotice(status, 200);
    QVERIFY(notice);
    QCOMPARE(notice->kind, NoticeBanner::Kind::Warning);
    QCOMPARE(notice->title, QStringLiteral("The list is incomplete: 200 accounts loaded before an error."));
    QCOMPARE(notice->detail, status.failure.message);
    QCOMPARE(notice->actionText, QStringLiteral("Retry from page 3"));

    status.canResume = false;
    status.failure.kind = FetchFailure::Kind::AccessDenied;
    notice = incompleteNotice(status, 1);
    QCOMPARE(notice->title, QStringLiteral("The list is incomplete: access was denied after 1 account had loaded."));
    QCOMPARE(notice->actionText, QStringLiteral("Load again"));
    QCOMPARE(notice->actionToolTip, QStringLiteral("Start over from the first page."));

    notice = incompleteNotice(statusOf(State::Cancelled), 4812);
    QCOMPARE(notice->kind, NoticeBanner::Kind::Information);
    QCOMPARE(notice->title,
             QStringLiteral("Loading was cancelled: the list shows only the 4,812 accounts loaded so far."));
}

void LoadStatusTest::shouldShowNoIncompleteBannerWithoutRows_data()
{
    QTest::addColumn<State>("state");
    QTest::addColumn<int>("rows");
    QTest::newRow("failed before the first page") << State::Failed << 0;
    QTest::newRow("cancelled before the first page") << State::Cancelled << 0;
    QTest::newRow("loading") << State::Loading << 300;
    QTest::newRow("loaded") << State::Loaded << 300;
}

void LoadStatusTest::shouldShowNoIncompleteBannerWithoutRows()
{
    QFETCH(State, state);
    QFETCH(int, rows);
    QVERIFY(!incompleteNotice(statusOf(state), rows));
}

void LoadStatusTest::shouldExplainAnEmptyTableAndOfferWhatHelps_data()
{
    QTest::addColumn<State>("state");
    QTest::addColumn<int>("rows");
    QTest::addColumn<bool>("demo");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("actionText");
    QTest::addColumn<Action>("action");
    QTest::newRow("not loaded") << State::NotLoaded << 0 << false << QStringLiteral("No accounts loaded yet")
                                << QStringLiteral("Refresh") << Action::Refresh;
    QTest::newRow("demo not loaded") << State::NotLoaded << 0 << true
                                     << QStringLiteral("The demo organization is ready") << QStringLiteral("Refresh")
                                     << Action::Refresh;
    QTest::newRow("no query") << State::QueryFailed << 0 << false << QStringLiteral("Cannot load the accounts yet")
                              << QStringLiteral("Try again") << Action::Refresh;
    QTest::newRow("first page on its way") << State::Loading << 0 << false
                                           << QStringLiteral("Loading member accounts…") << QString() << Action::None;
    QTest::newRow("empty organization") << State::Loaded << 0 << false << QStringLiteral("No member accounts to show")
                                        << QString() << Action::None;
    QTest::newRow("failed") << State::Failed << 0 << false << QStringLiteral("Could not load the accounts")
                            << QStringLiteral("Retry") << Action::Retry;
    QTest::newRow("cancelled") << State::Cancelled << 0 << false << QStringLiteral("Loading was cancelled")
                               << QStringLiteral("Refresh") << Action::Refresh;
    // The button says "Show all accounts", so it must show them, whatever state the load is in.
    for (State state : {State::Loading, State::Loaded, State::Failed, State::Cancelled})
        QTest::addRow("filtered out, state %d", int(state))
            << state << 12 << false << QStringLiteral("No loaded account matches the filter")
            << QStringLiteral("Show all accounts") << Action::ShowAllAccounts;
}

void LoadStatusTest::shouldExplainAnEmptyTableAndOfferWhatHelps()
{
    QFETCH(State, state);
    QFETCH(int, rows);
    QFETCH(bool, demo);
    QFETCH(QString, title);
    QFETCH(QString, actionText);
    QFETCH(Action, action);
    LoadStatus status = statusOf(state);
    status.queryError = QStringLiteral("No credentials were found.");
    status.failure = failedAfter(0, FetchFailure::Kind::Credentials, false).failure;
    const EmptyState empty = emptyState(status, rows, demo);
    QCOMPARE(empty.title, title);
    QCOMPARE(empty.actionText, actionText);
    QCOMPARE(empty.action, action);
    const bool offersCommand = state == State::Failed && rows == 0;
    QCOMPARE(empty.command, offersCommand ? status.failure.suggestedCommand : QString());
    if (state == State::QueryFailed)
        QCOMPARE(empty.detail, status.queryError);
    if (state == State::Loaded && rows == 0)
        QCOMPARE(empty.detail, QStringLiteral("Compute Optimizer returned an empty list for profile audit in eu-west-1."));
}

void LoadStatusTest::shouldSayInTheFooterWhatTheTableHolds_data()
{
    QTest::addColumn<State>("state");
    QTest::addColumn<QString>("footer");
    QTest::newRow("not loaded") << State::NotLoaded << QStringLiteral("No accounts loaded");
    QTest::newRow("no query") << State::QueryFailed << QStringLiteral("No accounts loaded");
    QTest::newRow("loading") << State::Loading
                             << QStringLiteral("Showing 1,200 of 4,812 accounts · loading… · profile audit · eu-west-1");
    QTest::newRow("failed") << State::Failed
                            << QStringLiteral("Showing 1,200 of 4,812 accounts · incomplete · profile audit · eu-west-1");
    QTest::newRow("cancelled") << State::Cancelled
                               << QStringLiteral("Showing 1,200 of 4,812 accounts · cancelled, incomplete · profile "
                                                 "audit · eu-west-1");
}

void LoadStatusTest::shouldSayInTheFooterWhatTheTableHolds()
{
    QFETCH(State, state);
    QFETCH(QString, footer);
    QCOMPARE(footerText(statusOf(state), 1200, 4812), footer);
    QCOMPARE(footerToolTip(statusOf(state)), QString());

    LoadStatus loaded = statusOf(State::Loaded);
    loaded.loadedAt = QDateTime(QDate(2026, 3, 4), QTime(9, 5));
    loaded.region.clear();
    QCOMPARE(footerText(loaded, 3, 3),
             QStringLiteral("Showing 3 of 3 accounts · loaded %1 · profile audit")
                 .arg(QLocale().toString(QTime(9, 5), QLocale::ShortFormat)));
    QVERIFY(footerToolTip(loaded).startsWith(QStringLiteral("Loaded ")));
}

QTEST_MAIN(LoadStatusTest)
#include "test_ui_load_status.moc"
