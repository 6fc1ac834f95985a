#include "accountfilterproxymodel.h"
#include "emptystatepanel.h"
#include "noticebanner.h"
#include "ownenrollmentsummary.h"
#include "windowfixture.h"
#include "windowtesthelpers.h"

#include <QAccessible>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QtTest>

#include <algorithm>

class MainWindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void shouldLoadEveryAccountOnRefresh();
    void shouldKeepTheLoadedRowsWhenASettingIsWrong();
    void shouldHideExactlyTheUncheckedStatusAndKeepTheCounts();
    void shouldNarrowTheListAsTheSearchIsTyped();
    void shouldKeepTheLoadedRowsWhenCancelled();
    void shouldResumeFromTheFailedPageOnRetry();
    void shouldExplainAccessDeniedAndStillShowOwnEnrollment();
    void shouldExplainWhyNothingCanLoad();
    void shouldRememberFilterProfileAndRegionInTheNextWindow();
    void shouldLetTheCommandLineRegionWinOverTheRememberedOne();
    void shouldShowOtherOnlyWhenTheServerSendsAnUnknownStatus();
    void shouldSayWhenItShowsDemoData();
    void shouldGiveEveryVisibleControlAnAccessibleName();

private:
    void refreshAndWait(MainWindow *window, int expectedRows);
};

void MainWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void MainWindowTest::init()
{
    QGuiApplication::clipboard()->clear();
}

void MainWindowTest::refreshAndWait(MainWindow *window, int expectedRows)
{
    child<QAction>(window, "refreshAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isLoading(), LoadTimeoutMs);
    QCOMPARE(window->accountModel()->rowCount(), expectedRows);
}

// Issue 14 (3): a mistyped Region followed by F5 dropped every loaded row. The title names where
// the rows came from (issue 14, 10).
void MainWindowTest::shouldKeepTheLoadedRowsWhenASettingIsWrong()
{
    WindowFixture fixture(SimulatedOrganization::generate(120, 5));
    QVERIFY(fixture.isReady());
    WindowSetup setup = fixture.setup();
    const auto loads = setup.queryFactory;
    setup.queryFactory = [loads](const QString &profile, const QString &region) -> Expected<EnrollmentQuery> {
        if (region == QStringLiteral("us-esat-1"))
            return Unexpected{QStringLiteral("The Region 'us-esat-1' is not a Region.")};
        return loads(profile, region);
    };
    MainWindow window(std::move(setup), WindowSettings(fixture.settingsFile()));
    window.show();
    child<QComboBox>(&window, "regionPicker")->setEditText(QStringLiteral("eu-west-1"));
    refreshAndWait(&window, 120);
    // The Region the rows were signed for: the fixture's simulator answers as us-east-1.
    const QString title = window.windowTitle();
    QCOMPARE(title, QStringLiteral("Enrollment Desk — profile audit · us-east-1"));

    child<QComboBox>(&window, "regionPicker")->setEditText(QStringLiteral("us-esat-1"));
    child<QAction>(&window, "refreshAction")->trigger();
    QCOMPARE(window.accountModel()->rowCount(), 120);
    auto *notice = child<NoticeBanner>(&window, "exportNotice");
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->title(), QStringLiteral("Nothing was reloaded"));
    QVERIFY(notice->detail().startsWith(QStringLiteral("The Region 'us-esat-1' is not a Region.")));
    QCOMPARE(window.windowTitle(), title);
    QVERIFY(!child<EmptyStatePanel>(&window, "emptyState")->isVisible());
}

void MainWindowTest::shouldLoadEveryAccountOnRefresh()
{
    WindowFixture fixture(SimulatedOrganization::generate(450, 11));
    QVERIFY2(fixture.isReady(), qPrintable(fixture.simulator().errorString()));
    auto window = fixture.openWindow();
    auto *empty = child<EmptyStatePanel>(window.get(), "emptyState");
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->title(), QStringLiteral("No accounts loaded yet"));

    refreshAndWait(window.get(), 450);
    QCOMPARE(idsOf(window->accountModel()->accounts()), idsOf(fixture.organization()));
    QVERIFY(child<QTableView>(window.get(), "accountTable")->isVisible());
    QVERIFY(!child<NoticeBanner>(window.get(), "incompleteBanner")->isVisible());
    QCOMPARE(fixture.requestedQueries(), QStringList{QStringLiteral("audit|")});

    for (const char *status : {"Active", "Inactive", "Pending", "Failed"}) {
        const QString name = QString::fromLatin1(status);
        auto *box = window->findChild<QCheckBox *>(QStringLiteral("statusFilter") + name);
        QVERIFY(box);
        QTRY_COMPARE(box->text(), QStringLiteral("%1 (%2)").arg(name).arg(countWithStatus(fixture.organization(), name)));
    }
    const QString footer = child<QLabel>(window.get(), "footer")->text();
    QVERIFY2(footer.startsWith(QStringLiteral("Showing 450 of 450 accounts · loaded ")), qPrintable(footer));
    QVERIFY2(footer.endsWith(QStringLiteral(" · profile audit · us-east-1")), qPrintable(footer));
    QTRY_VERIFY(child<OwnEnrollmentSummary>(window.get(), "ownEnrollmentSummary")
                    ->text()
                    .contains(QStringLiteral("member accounts are enrolled")));
}

void MainWindowTest::shouldHideExactlyTheUncheckedStatusAndKeepTheCounts()
{
    WindowFixture fixture(SimulatedOrganization::generate(400, 5));
    QVERIFY(fixture.isReady());
    auto window = fixture.openWindow();
    refreshAndWait(window.get(), 400);

    const int failed = countWithStatus(fixture.organization(), QStringLiteral("Failed"));
    QVERIFY(failed > 0);
    auto *failedBox = child<QCheckBox>(window.get(), "statusFilterFailed");
    clickCheckBox(failedBox);
    QVERIFY(!failedBox->isChecked());

    AccountFilterProxyModel *proxy = window->filterModel();
    QCOMPARE(proxy->rowCount(), 400 - failed);
    for (const AccountEnrollment &account : proxy->visibleAccounts())
        QVERIFY(account.status != EnrollmentStatus::Failed);
    QTRY_COMPARE(failedBox->text(), QStringLiteral("Failed (%1)").arg(failed));
    QVERIFY(child<QLabel>(window.get(), "footer")
                ->text()
                .startsWith(QStringLiteral("Showing %1 of 400 accounts").arg(400 - failed)));

    clickCheckBox(failedBox);
    QCOMPARE(proxy->rowCount(), 400);
}

void MainWindowTest::shouldNarrowTheListAsTheSearchIsTyped()
{
    WindowFixture fixture(SimulatedOrganization::generate(300, 8));
    QVERIFY(fixture.isReady());
    auto window = fixture.openWindow();
    refreshAndWait(window.get(), 300);

    const QString wanted = fixture.organization().accounts.at(123).accountId;
    auto *search = child<QLineEdit>(window.get(), "searchBox");
    QTest::keyClicks(search, wanted.left(4));
    const int afterFour = window->filterModel()->rowCount();
    QVERIFY(afterFour >= 1 && afterFour < 300);
    QTest::keyClicks(search, wanted.mid(4));
    QCOMPARE(window->filterModel()->rowCount(), 1);
    QCOMPARE(window->filterModel()->accountAt(0)->accountId, wanted);

    search->clear();
    QTest::keyClicks(search, QStringLiteral("SERVICE-LINKED"));
    const QList<AccountEnrollment> shown = window->filterModel()->visibleAccounts();
    QVERIFY(!shown.isEmpty());
    for (const AccountEnrollment &account : shown)
        QVERIFY(account.statusReason->contains(QStringLiteral("service-linked"), Qt::CaseInsensitive));

    QTest::keyClicks(search, QStringLiteral("no reason says this"));
    auto *empty = child<EmptyStatePanel>(window.get(), "emptyState");
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->title(), QStringLiteral("No loaded account matches the filter"));
    QTest::mouseClick(empty->actionButton(), Qt::LeftButton);
    QCOMPARE(search->text(), QString());
    QCOMPARE(window->filterModel()->rowCount(), 300);
}

void MainWindowTest::shouldKeepTheLoadedRowsWhenCancelled()
{
    WindowFixture fixture(SimulatedOrganization::generate(3000, 3));
    QVERIFY(fixture.isReady());
    fixture.simulator().setPageLatencyMs(40);
    auto window = fixture.openWindow();
    child<QAction>(window.get(), "refreshAction")->trigger();
    QVERIFY(window->isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(window->accountModel()->rowCount() >= 300, LoadTimeoutMs);

    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keyClick(window.get(), Qt::Key_Escape);
    QVERIFY(!window->isLoading());
    const int kept = window->accountModel()->rowCount();
    QVERIFY(kept >= 300 && kept < 3000);
    QCOMPARE(int(idsOf(window->accountModel()->accounts()).size()), kept);
    auto *banner = child<NoticeBanner>(window.get(), "incompleteBanner");
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->title().startsWith(QStringLiteral("Loading was cancelled")), qPrintable(banner->title()));
    QVERIFY(!child<QAction>(window.get(), "cancelAction")->isEnabled());
    QVERIFY(child<QLabel>(window.get(), "footer")->text().contains(QStringLiteral("cancelled")));

    // Load again: nothing of the cancelled run may leak in, so every account is there exactly once.
    refreshAndWait(window.get(), 3000);
    QCOMPARE(idsOf(window->accountModel()->accounts()), idsOf(fixture.organization()));
    QVERIFY(!banner->isVisible());
}

void MainWindowTest::shouldResumeFromTheFailedPageOnRetry()
{
    WindowFixture fixture(SimulatedOrganization::generate(450, 21));
    QVERIFY(fixture.isReady());
    fixture.simulator().addFault(FaultRule{SimulatorFault::InternalError500, 3, 1});
    auto window = fixture.openWindow(/*maxAttempts*/ 1);
    child<QAction>(window.get(), "refreshAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isLoading(), LoadTimeoutMs);

    QCOMPARE(window->accountModel()->rowCount(), 200);
    auto *banner = child<NoticeBanner>(window.get(), "incompleteBanner");
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->title().contains(QStringLiteral("incomplete")), qPrintable(banner->title()));
    QVERIFY(!banner->detail().isEmpty());
    QVERIFY(child<QLabel>(window.get(), "footer")->text().contains(QStringLiteral("incomplete")));

    QTest::mouseClick(banner->actionButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window->isLoading(), LoadTimeoutMs);
    QCOMPARE(window->accountModel()->rowCount(), 450);
    QCOMPARE(idsOf(window->accountModel()->accounts()), idsOf(fixture.organization()));
    QVERIFY(!banner->isVisible());

    // Retry asked again for page 3 (same token), not for page 1.
    const QList<QByteArray> tokens = fixture.simulator().receivedNextTokens();
    QCOMPARE(tokens.size(), 6);
    QVERIFY(!tokens.at(2).isEmpty());
    QCOMPARE(tokens.at(3), tokens.at(2));
}

void MainWindowTest::shouldExplainAccessDeniedAndStillShowOwnEnrollment()
{
    WindowFixture fixture(SimulatedOrganization::generate(120, 2));
    QVERIFY(fixture.isReady());
    fixture.simulator().addFault(FaultRule{SimulatorFault::AccessDenied, 1, 1});
    auto window = fixture.openWindow();
    child<QAction>(window.get(), "refreshAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isLoading(), LoadTimeoutMs);

    QCOMPARE(window->accountModel()->rowCount(), 0);
    auto *empty = child<EmptyStatePanel>(window.get(), "emptyState");
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->title(), QStringLiteral("This profile cannot list the organization's accounts"));
    QVERIFY2(empty->detail().contains(QStringLiteral("management account or a delegated administrator")),
             qPrintable(empty->detail()));
    QTRY_VERIFY(child<OwnEnrollmentSummary>(window.get(), "ownEnrollmentSummary")
                    ->text()
                    .contains(QStringLiteral("Active · member accounts are enrolled")));

    // Permission granted now: Retry loads the list.
    QTest::mouseClick(empty->actionButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window->isLoading(), LoadTimeoutMs);
    QCOMPARE(window->accountModel()->rowCount(), 120);
}

void MainWindowTest::shouldExplainWhyNothingCanLoad()
{
    WindowFixture fixture(SimulatedOrganization::generate(20, 1));
    QVERIFY(fixture.isReady());
    WindowSetup setup = fixture.setup();
    const QString why = QStringLiteral("No AWS credentials found for profile 'audit'. Run 'aws sso login --profile "
                                       "audit' or choose another profile.");
    setup.queryFactory = [why](const QString &, const QString &) -> Expected<EnrollmentQuery> {
        return Unexpected{why};
    };
    MainWindow window(std::move(setup), WindowSettings(fixture.settingsFile()));
    window.show();
    child<QAction>(&window, "refreshAction")->trigger();
    auto *empty = child<EmptyStatePanel>(&window, "emptyState");
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->detail(), why);
    QCOMPARE(empty->actionButton()->text(), QStringLiteral("Try again"));
    QVERIFY(!window.isLoading());
    QVERIFY(!child<QAction>(&window, "exportAction")->isEnabled());
}

void MainWindowTest::shouldRememberFilterProfileAndRegionInTheNextWindow()
{
    WindowFixture fixture(SimulatedOrganization::generate(200, 12));
    QVERIFY(fixture.isReady());
    {
        auto window = fixture.openWindow();
        auto *profile = child<QComboBox>(window.get(), "profilePicker");
        profile->setCurrentIndex(profile->findData(QStringLiteral("default")));
        child<QComboBox>(window.get(), "regionPicker")->setEditText(QStringLiteral("eu-west-1"));
        clickCheckBox(child<QCheckBox>(window.get(), "statusFilterPending"));
        refreshAndWait(window.get(), 200);
        clickHeader(child<QTableView>(window.get(), "accountTable"), AccountTableModel::StatusColumn);
    }
    auto window = fixture.openWindow();
    QVERIFY(!child<QCheckBox>(window.get(), "statusFilterPending")->isChecked());
    QVERIFY(child<QCheckBox>(window.get(), "statusFilterActive")->isChecked());
    QVERIFY(!window->filterModel()->statusFilter().accepts(EnrollmentStatus::Pending));
    QCOMPARE(child<QComboBox>(window.get(), "regionPicker")->currentText(), QStringLiteral("eu-west-1"));
    QCOMPARE(child<QComboBox>(window.get(), "profilePicker")->currentData().toString(), QStringLiteral("default"));
    QCOMPARE(child<QTableView>(window.get(), "accountTable")->horizontalHeader()->sortIndicatorSection(),
             int(AccountTableModel::StatusColumn));

    refreshAndWait(window.get(), 200);
    QCOMPARE(fixture.requestedQueries().constLast(), QStringLiteral("default|eu-west-1"));
    QCOMPARE(window->filterModel()->rowCount(),
             200 - countWithStatus(fixture.organization(), QStringLiteral("Pending")));
}

void MainWindowTest::shouldLetTheCommandLineRegionWinOverTheRememberedOne()
{
    WindowFixture fixture(SimulatedOrganization::generate(20, 12));
    QVERIFY(fixture.isReady());
    {
        auto window = fixture.openWindow();
        child<QComboBox>(window.get(), "regionPicker")->setEditText(QStringLiteral("eu-west-1"));
    }
    WindowSetup setup = fixture.setup();
    setup.initialRegion = QStringLiteral("ap-south-1");
    setup.initialProfile = QStringLiteral("not-in-the-files");
    MainWindow window(std::move(setup), WindowSettings(fixture.settingsFile()));
    QCOMPARE(child<QComboBox>(&window, "regionPicker")->currentText(), QStringLiteral("ap-south-1"));
    QCOMPARE(child<QComboBox>(&window, "profilePicker")->currentData().toString(), QStringLiteral("not-in-the-files"));
}

void MainWindowTest::shouldShowOtherOnlyWhenTheServerSendsAnUnknownStatus()
{
    SimulatedOrganization organization = SimulatedOrganization::generate(150, 14);
    organization.accounts[7].status = QStringLiteral("Suspended");
    organization.accounts[99].status = QStringLiteral("Suspended");
    WindowFixture fixture(organization);
    QVERIFY(fixture.isReady());
    auto window = fixture.openWindow();
    auto *other = child<QCheckBox>(window.get(), "statusFilterOther");
    QVERIFY(!other->isVisible());
    refreshAndWait(window.get(), 150);
    QTRY_VERIFY(other->isVisible());
    QCOMPARE(other->text(), QStringLiteral("Other (2)"));
    clickCheckBox(other);
    QCOMPARE(window->filterModel()->rowCount(), 148);
}

void MainWindowTest::shouldSayWhenItShowsDemoData()
{
    WindowFixture fixture(SimulatedOrganization::generate(40, 1));
    QVERIFY(fixture.isReady());
    WindowSetup setup = fixture.setup();
    setup.demo = true;
    setup.loadOnStart = true;
    MainWindow window(std::move(setup), WindowSettings(fixture.settingsFile()));
    window.show();
    auto *banner = child<NoticeBanner>(&window, "demoBanner");
    QVERIFY(banner && banner->isVisible());
    QVERIFY(banner->title().contains(QStringLiteral("simulated data, not your AWS account")));
    QVERIFY(!child<QComboBox>(&window, "profilePicker")->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(window.accountModel()->rowCount(), 40, LoadTimeoutMs);
    QTRY_VERIFY(child<QLabel>(&window, "footer")->text().contains(QStringLiteral("demo organization")));
}

void MainWindowTest::shouldGiveEveryVisibleControlAnAccessibleName()
{
    WindowFixture fixture(SimulatedOrganization::generate(30, 1));
    QVERIFY(fixture.isReady());
    fixture.simulator().addFault(FaultRule{SimulatorFault::InternalError500, 1, 1});
    auto window = fixture.openWindow();
    child<QAction>(window.get(), "refreshAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isLoading(), LoadTimeoutMs);

    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    int checked = 0;
    for (QWidget *widget : widgets) {
        if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus)
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        QVERIFY(accessible);
        QVERIFY2(!accessible->text(QAccessible::Name).trimmed().isEmpty(),
                 qPrintable(QStringLiteral("%1 (%2) has no accessible name")
                                .arg(widget->objectName(), QString::fromLatin1(widget->metaObject()->className()))));
        ++checked;
    }
    QVERIFY(checked >= 8);
}

QTEST_MAIN(MainWindowTest)
#include "test_ui_main_window.moc"
