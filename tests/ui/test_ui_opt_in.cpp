// Opt in… in the window, against the loopback simulator: the confirmation, the one request, a
// refusal that changes nothing but the banner, and the table following Inactive → Pending → Active.
#include "enrollment/accounttablemodel.h"
#include "noticebanner.h"
#include "optindialog.h"
#include "optinflow.h"
#include "ownenrollmentsummary.h"
#include "windowfixture.h"
#include "windowtesthelpers.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>

namespace {

constexpr int AccountCount = 150;

SimulatedOptInSetup optInSetup()
{
    SimulatedOptInSetup setup;
    setup.ownStatus = QStringLiteral("Inactive");
    setup.memberAccountsEnrolled = false;
    setup.pendingMs = 3000;
    setup.waves = 3;
    return setup;
}

QHash<QString, QString> statusesOf(const AccountTableModel &model)
{
    QHash<QString, QString> statuses;
    for (const AccountEnrollment &account : model.accounts())
        statuses.insert(account.accountId, account.statusText);
    return statuses;
}

} // namespace

class OptInWindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shouldSendNothingWhenTheUserCancels();
    void shouldSendOneRequestHoweverOftenItIsClicked();
    void shouldChangeNothingButTheBannerWhenRefused();
    void shouldChangeNothingButTheBannerWhenTheRequestFails();
    void shouldDisableTheWholeOrganizationForADelegatedAdministrator();
    void shouldFollowTheAccountsUntilTheySettle();

private:
    void openAndLoad(int maxAttempts = 1);
    OptInDialog *openConfirmation();
    OptInFlow *flow() const { return m_window->optInFlow(); }
    NoticeBanner *banner() const { return child<NoticeBanner>(m_window.get(), "optInNotice"); }

    std::unique_ptr<WindowFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

void OptInWindowTest::init()
{
    m_fixture = std::make_unique<WindowFixture>(SimulatedOrganization::generate(AccountCount, 31));
    QVERIFY(m_fixture->isReady());
    QVERIFY(countWithStatus(m_fixture->organization(), QStringLiteral("Inactive")) > 0);
    m_fixture->simulator().setOptIn(optInSetup());
}

void OptInWindowTest::cleanup()
{
    m_window.reset();
    m_fixture.reset();
}

void OptInWindowTest::openAndLoad(int maxAttempts)
{
    m_window = m_fixture->openWindow(maxAttempts);
    m_window->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isLoading() && m_window->accountModel()->rowCount() == AccountCount,
                             LoadTimeoutMs);
    flow()->poll()->setSettings({100, 1.5, 1000, 6, 200});
}

OptInDialog *OptInWindowTest::openConfirmation()
{
    QAction *action = m_window->findChild<QAction *>(QStringLiteral("optInAction"));
    if (!action || !action->isEnabled())
        return nullptr;
    action->trigger();
    if (!QTest::qWaitFor([this] { return flow()->openDialog() != nullptr; }, LoadTimeoutMs))
        return nullptr;
    return flow()->openDialog();
}

void OptInWindowTest::shouldSendNothingWhenTheUserCancels()
{
    openAndLoad();
    const QHash<QString, QString> before = statusesOf(*m_window->accountModel());
    OptInDialog *dialog = openConfirmation();
    QVERIFY(dialog);
    QVERIFY(dialog->questionText().contains(QStringLiteral("o-sim4example1")));
    QVERIFY(dialog->questionText().contains(QStringLiteral("111122223333")));
    dialog->findChild<QPushButton *>(QStringLiteral("optInCancelButton"))->click();
    QTRY_COMPARE(flow()->state(), OptInFlow::State::Idle);
    QTest::qWait(200); // a request, were one sent, would have reached the loopback server by now
    QCOMPARE(m_fixture->simulator().updateEnrollmentStatusRequestCount(), 0);
    QCOMPARE(statusesOf(*m_window->accountModel()), before);
}

void OptInWindowTest::shouldSendOneRequestHoweverOftenItIsClicked()
{
    openAndLoad();
    OptInDialog *dialog = openConfirmation();
    QVERIFY(dialog);
    flow()->start(); // while the question is up
    QCOMPARE(flow()->openDialog(), dialog);
    dialog->optInButton()->click();
    QCOMPARE(flow()->state(), OptInFlow::State::Requesting);
    flow()->start(); // while the request is in flight
    QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("optInAction"))->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(flow()->state(), OptInFlow::State::Following, LoadTimeoutMs);
    flow()->start(); // while following
    QSignalSpy stopped(flow(), &OptInFlow::followingStopped);
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, LoadTimeoutMs);
    QCOMPARE(m_fixture->simulator().updateEnrollmentStatusRequestCount(), 1);
    QVERIFY(m_fixture->simulator().updateEnrollmentStatusBodies().constFirst().contains("\"includeMemberAccounts\":true"));
}

void OptInWindowTest::shouldChangeNothingButTheBannerWhenRefused()
{
    m_fixture->simulator().addFault({SimulatorFault::AccessDenied, 0, 1000, "UpdateEnrollmentStatus"});
    openAndLoad();
    const QHash<QString, QString> before = statusesOf(*m_window->accountModel());
    const QString summary = child<OwnEnrollmentSummary>(m_window.get(), "ownEnrollmentSummary")->text();
    const int pages = m_fixture->simulator().pageRequestCount();
    OptInDialog *dialog = openConfirmation();
    QVERIFY(dialog);
    dialog->optInButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(flow()->state(), OptInFlow::State::Idle, LoadTimeoutMs);
    QVERIFY(banner()->isVisible());
    QCOMPARE(banner()->kind(), NoticeBanner::Kind::Error);
    for (const char *permission : {"compute-optimizer:UpdateEnrollmentStatus", "iam:CreateServiceLinkedRole",
                                   "organizations:EnableAWSServiceAccess"})
        QVERIFY2(banner()->detail().contains(QLatin1String(permission)), qPrintable(banner()->detail()));
    QCOMPARE(statusesOf(*m_window->accountModel()), before);
    QCOMPARE(child<OwnEnrollmentSummary>(m_window.get(), "ownEnrollmentSummary")->text(), summary);
    QCOMPARE(m_fixture->simulator().pageRequestCount(), pages);
    QCOMPARE(m_window->accountModel()->rowCount(), AccountCount);
}

void OptInWindowTest::shouldChangeNothingButTheBannerWhenTheRequestFails()
{
    m_fixture->simulator().addFault({SimulatorFault::InternalError500, 0, 1000, "UpdateEnrollmentStatus"});
    openAndLoad(2);
    const QHash<QString, QString> before = statusesOf(*m_window->accountModel());
    const int pages = m_fixture->simulator().pageRequestCount();
    OptInDialog *dialog = openConfirmation();
    QVERIFY(dialog);
    dialog->optInButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(flow()->state(), OptInFlow::State::Idle, LoadTimeoutMs);
    QCOMPARE(banner()->kind(), NoticeBanner::Kind::Error);
    QVERIFY2(banner()->detail().contains(QStringLiteral("nothing changed")), qPrintable(banner()->detail()));
    // Retried once, as the client's retry mode allows: setting Active twice is harmless.
    QCOMPARE(m_fixture->simulator().updateEnrollmentStatusRequestCount(), 2);
    QCOMPARE(statusesOf(*m_window->accountModel()), before);
    QCOMPARE(m_fixture->simulator().pageRequestCount(), pages);
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("optInAction"))->isEnabled());
}

void OptInWindowTest::shouldDisableTheWholeOrganizationForADelegatedAdministrator()
{
    SimulatedOptInSetup setup = optInSetup();
    setup.callerAccountId = QStringLiteral("444455556666");
    setup.delegatedAdministrators = {{QStringLiteral("444455556666"), QStringLiteral("Cost tools")}};
    m_fixture->simulator().setOptIn(setup);
    openAndLoad();
    OptInDialog *dialog = openConfirmation();
    QVERIFY(dialog);
    QVERIFY(!dialog->wholeOrganizationButton()->isEnabled());
    QVERIFY(dialog->thisAccountButton()->isChecked());
    auto *why = dialog->findChild<QLabel *>(QStringLiteral("optInWholeOrganizationWhyNot"));
    QVERIFY(why && !why->isHidden());
    QVERIFY2(why->text().contains(QStringLiteral("delegated administrator")), qPrintable(why->text()));
    auto *facts = dialog->findChild<QLabel *>(QStringLiteral("optInFacts"));
    QVERIFY2(facts->text().contains(QStringLiteral("Cost tools (444455556666)")), qPrintable(facts->text()));
    dialog->reject();
    QTRY_COMPARE(flow()->state(), OptInFlow::State::Idle);
}

void OptInWindowTest::shouldFollowTheAccountsUntilTheySettle()
{
    openAndLoad();
    AccountTableModel *model = m_window->accountModel();
    QSet<QString> inactive;
    for (const AccountEnrollment &account : model->accounts()) {
        if (account.status == EnrollmentStatus::Inactive)
            inactive.insert(account.accountId);
    }
    // Every status each of those accounts shows in the table, in order.
    QHash<QString, QStringList> seen;
    connect(model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &top, const QModelIndex &bottom) {
        for (int row = top.row(); row <= bottom.row(); ++row) {
            const AccountEnrollment &account = model->account(row);
            QStringList &statuses = seen[account.accountId];
            if (inactive.contains(account.accountId) && (statuses.isEmpty() || statuses.last() != account.statusText))
                statuses << account.statusText;
        }
    });
    QSignalSpy stopped(flow(), &OptInFlow::followingStopped);
    OptInDialog *dialog = openConfirmation();
    QVERIFY(dialog);
    dialog->optInButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, LoadTimeoutMs);
    QCOMPARE(stopped.at(0).at(0).value<OptInPoll::StopReason>(), OptInPoll::StopReason::Settled);
    QVERIFY(m_fixture->simulator().optInSettled());

    QCOMPARE(model->rowCount(), AccountCount);
    int active = 0;
    for (const AccountEnrollment &account : model->accounts()) {
        if (!inactive.contains(account.accountId))
            continue;
        QCOMPARE(account.statusText, QStringLiteral("Active"));
        QCOMPARE(seen.value(account.accountId), (QStringList{QStringLiteral("Pending"), QStringLiteral("Active")}));
        ++active;
    }
    QCOMPARE(active, int(inactive.size()));
    // The counts above the table follow the rows.
    QCOMPARE(model->counts().count(EnrollmentStatus::Inactive), 0);
    QCOMPARE(model->counts().total(), AccountCount);
    QVERIFY2(banner()->title().contains(QStringLiteral("settled")), qPrintable(banner()->title()));
    QTRY_VERIFY(child<OwnEnrollmentSummary>(m_window.get(), "ownEnrollmentSummary")->text().startsWith(
        QStringLiteral("Your account: Active")));
}

QTEST_MAIN(OptInWindowTest)
#include "test_ui_opt_in.moc"
