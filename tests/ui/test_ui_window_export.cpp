#include "accountfilterproxymodel.h"
#include "noticebanner.h"
#include "windowfixture.h"
#include "windowtesthelpers.h"

#include <QAction>
#include <QClipboard>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

// The window's Export… and Copy: through the dialogs a person answers, while pages may still arrive.
class WindowExportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void shouldExportTheRowsAsShown();
    void shouldExportAllRowsChosenInTheSaveDialog();
    void shouldOpenExportWithCtrlEEvenFromTheSearchBox();
    void shouldWarnBeforeExportingWhileStillLoading();
    void shouldKeepLoadingWhileTheExportDialogsAreOpen();
    void shouldCopySelectedRowsToTheClipboard();
    void shouldShowSearchExportAndCopyAccountNames();
    void shouldHideNamesAndSayWhyWhenOrganizationsRefuses();

private:
    void refreshAndWait(MainWindow *window, int expectedRows);
};

void WindowExportTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void WindowExportTest::init()
{
    QGuiApplication::clipboard()->clear();
}

void WindowExportTest::refreshAndWait(MainWindow *window, int expectedRows)
{
    child<QAction>(window, "refreshAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isLoading(), LoadTimeoutMs);
    QCOMPARE(window->accountModel()->rowCount(), expectedRows);
}

void WindowExportTest::shouldExportTheRowsAsShown()
{
    WindowFixture fixture(SimulatedOrganization::generate(350, 4));
    QVERIFY(fixture.isReady());
    auto window = fixture.openWindow();
    refreshAndWait(window.get(), 350);

    clickCheckBox(child<QCheckBox>(window.get(), "statusFilterActive"));
    auto *table = child<QTableView>(window.get(), "accountTable");
    clickHeader(table, AccountTableModel::LastUpdatedColumn);
    if (table->horizontalHeader()->sortIndicatorOrder() != Qt::DescendingOrder)
        clickHeader(table, AccountTableModel::LastUpdatedColumn);
    QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), int(AccountTableModel::LastUpdatedColumn));
    QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);

    QList<AccountEnrollment> expected;
    for (const AccountEnrollment &account : window->accountModel()->accounts()) {
        if (account.status != EnrollmentStatus::Active)
            expected.append(account);
    }
    std::stable_sort(expected.begin(), expected.end(), [](const AccountEnrollment &a, const AccountEnrollment &b) {
        return a.lastUpdatedMsecs.value_or(std::numeric_limits<qint64>::min())
            > b.lastUpdatedMsecs.value_or(std::numeric_limits<qint64>::min());
    });
    QVERIFY(expected.size() > 10);

    const QString path = fixture.filePath(QStringLiteral("shown.csv"));
    const auto written = window->exportCsv(path, ExportScope::VisibleRows);
    QVERIFY2(written.hasValue(), errorOf(written).constData());
    QCOMPARE(written.value(), int(expected.size()));
    QCOMPARE(fileContents(path), csvOf(expected));
    auto *notice = child<NoticeBanner>(window.get(), "exportNotice");
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->title(), QStringLiteral("Exported the %1 accounts shown.").arg(expected.size()));
}

void WindowExportTest::shouldExportAllRowsChosenInTheSaveDialog()
{
    WindowFixture fixture(SimulatedOrganization::generate(250, 9));
    QVERIFY(fixture.isReady());
    auto window = fixture.openWindow();
    refreshAndWait(window.get(), 250);
    clickCheckBox(child<QCheckBox>(window.get(), "statusFilterActive"));

    const QString path = fixture.filePath(QStringLiteral("everything.csv"));
    child<QAction>(window.get(), "exportAction")->trigger();
    auto *dialog = openDialog<QFileDialog>(window.get(), "exportDialog");
    QVERIFY(dialog);
    qobject_cast<ExportDialog *>(dialog)->setScope(ExportScope::AllRows);
    // What a person does: type the path into the focused file name field.
    auto *fileName = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    QVERIFY(fileName);
    fileName->setText(path);
    static_cast<QDialog *>(dialog)->accept();
    QVERIFY(!dialog->isVisible());
    QTRY_VERIFY(!child<NoticeBanner>(window.get(), "exportNotice")->title().startsWith(QStringLiteral("Exporting")));
    QCOMPARE(fileContents(path), csvOf(window->accountModel()->accounts()));
    QCOMPARE(child<NoticeBanner>(window.get(), "exportNotice")->title(),
             QStringLiteral("Exported all 250 loaded accounts."));
}

void WindowExportTest::shouldOpenExportWithCtrlEEvenFromTheSearchBox()
{
    WindowFixture fixture(SimulatedOrganization::generate(30, 9));
    QVERIFY(fixture.isReady());
    auto window = fixture.openWindow();
    refreshAndWait(window.get(), 30);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    auto *search = child<QLineEdit>(window.get(), "searchBox");
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("0"));

    QTest::keyClick(search, Qt::Key_E, Qt::ControlModifier);
    auto *dialog = openDialog<QFileDialog>(window.get(), "exportDialog");
    QVERIFY(dialog);
    dialog->reject();
    QCOMPARE(search->text(), QStringLiteral("0"));
}

void WindowExportTest::shouldWarnBeforeExportingWhileStillLoading()
{
    WindowFixture fixture(SimulatedOrganization::generate(2000, 10));
    QVERIFY(fixture.isReady());
    fixture.simulator().setPageLatencyMs(60);
    auto window = fixture.openWindow();
    child<QAction>(window.get(), "refreshAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window->accountModel()->rowCount() > 0, LoadTimeoutMs);
    QVERIFY(window->isLoading());

    child<QAction>(window.get(), "exportAction")->trigger();
    auto *box = openDialog<QMessageBox>(window.get(), "incompleteExportQuestion");
    QVERIFY(box);
    const QString question = box->text();
    box->reject();
    QVERIFY2(question.startsWith(QStringLiteral("The list is still loading")), qPrintable(question));
    QVERIFY(!openDialog<QFileDialog>(window.get(), "exportDialog"));
    QVERIFY(!child<NoticeBanner>(window.get(), "exportNotice")->isVisible());
    child<QAction>(window.get(), "cancelAction")->trigger();
}

void WindowExportTest::shouldKeepLoadingWhileTheExportDialogsAreOpen()
{
    WindowFixture fixture(SimulatedOrganization::generate(3000, 15));
    QVERIFY(fixture.isReady());
    fixture.simulator().setPageLatencyMs(40);
    auto window = fixture.openWindow();
    AccountTableModel *model = window->accountModel();
    child<QAction>(window.get(), "refreshAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, LoadTimeoutMs);
    QVERIFY(window->isLoading());

    child<QAction>(window.get(), "exportAction")->trigger();
    auto *question = openDialog<QMessageBox>(window.get(), "incompleteExportQuestion");
    QVERIFY(question);
    const int whenAsked = model->rowCount();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > whenAsked, LoadTimeoutMs);
    QVERIFY(question->isVisible());
    QCOMPARE(question->text(), QStringLiteral("The list is still loading: %1 accounts so far.")
                                   .arg(QLocale().toString(model->rowCount())));

    auto *exportAnyway = question->findChild<QPushButton *>(QStringLiteral("exportAnywayButton"));
    QVERIFY(exportAnyway);
    exportAnyway->click();
    auto *dialog = openDialog<QFileDialog>(window.get(), "exportDialog");
    QVERIFY(dialog);
    const int whenSaving = model->rowCount();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > whenSaving || !window->isLoading(), LoadTimeoutMs);

    const QString path = fixture.filePath(QStringLiteral("while-loading.csv"));
    qobject_cast<ExportDialog *>(dialog)->setScope(ExportScope::AllRows);
    dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))->setText(path);
    const bool stillLoading = window->isLoading();
    const QList<AccountEnrollment> atSave = model->accounts();
    static_cast<QDialog *>(dialog)->accept();
    auto *notice = child<NoticeBanner>(window.get(), "exportNotice");
    // Written on a worker while pages go on arriving: the file holds the rows there were at Save.
    QTRY_VERIFY(!notice->title().startsWith(QStringLiteral("Exporting")));
    QCOMPARE(fileContents(path), csvOf(atSave));
    QCOMPARE(notice->title(),
             QStringLiteral("Exported all %1 loaded accounts.").arg(QLocale().toString(atSave.size())));
    QCOMPARE(notice->detail().contains(QStringLiteral("The list was incomplete when exported")), stillLoading);
    child<QAction>(window.get(), "cancelAction")->trigger();
}

void WindowExportTest::shouldCopySelectedRowsToTheClipboard()
{
    WindowFixture fixture(SimulatedOrganization::generate(60, 6));
    QVERIFY(fixture.isReady());
    auto window = fixture.openWindow();
    refreshAndWait(window.get(), 60);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));

    auto *table = child<QTableView>(window.get(), "accountTable");
    table->setFocus();
    table->selectRow(4);
    table->selectionModel()->select(table->model()->index(2, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);

    const QStringList lines = QGuiApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QStringLiteral("Account ID\tStatus\tStatus Reason\tLast Updated (UTC)"));
    const AccountEnrollment *third = window->filterModel()->accountAt(2);
    const AccountEnrollment *fifth = window->filterModel()->accountAt(4);
    QVERIFY(lines.at(1).startsWith(third->accountId + u'\t' + third->statusText + u'\t'));
    QVERIFY(lines.at(2).startsWith(fifth->accountId + u'\t' + fifth->statusText + u'\t'));
    QCOMPARE(lines.at(1).count(u'\t'), 3);
}

void WindowExportTest::shouldShowSearchExportAndCopyAccountNames()
{
    WindowFixture fixture(SimulatedOrganization::generate(230, 21));
    QVERIFY(fixture.isReady());
    fixture.setFetchNames(true);
    auto window = fixture.openWindow();
    refreshAndWait(window.get(), 230);
    AccountTableModel *model = window->accountModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->namesState(), AccountTableModel::NamesState::Available, LoadTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(model->accountNames().size(), 230 + 1, LoadTimeoutMs); // and the management account
    auto *table = child<QTableView>(window.get(), "accountTable");
    QVERIFY(!table->isColumnHidden(AccountTableModel::AccountNameColumn));
    QVERIFY(!table->isColumnHidden(AccountTableModel::EmailColumn));

    const SimulatedAccount &wanted = fixture.organization().accounts.at(17);
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->account(row).accountId == wanted.accountId) {
            QCOMPARE(model->index(row, AccountTableModel::AccountNameColumn).data().toString(), wanted.name);
            QCOMPARE(model->index(row, AccountTableModel::EmailColumn).data().toString(), wanted.email);
        }
    }

    QTest::keyClicks(child<QLineEdit>(window.get(), "searchBox"), wanted.email);
    auto *proxy = table->model();
    QTRY_COMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, AccountTableModel::AccountIdColumn).data().toString(), wanted.accountId);

    const QString path = fixture.filePath(QStringLiteral("named.csv"));
    QVERIFY(window->exportCsv(path, ExportScope::VisibleRows).hasValue());
    const QByteArray csv = fileContents(path);
    QVERIFY(csv.startsWith("Account ID,Account Name,Email,OU Path,Account State,Joined (UTC),Status,Status Reason,"
                           "Last Updated (UTC)\r\n"));
    QVERIFY(csv.contains((wanted.accountId + u',' + wanted.name + u',' + wanted.email + u',').toUtf8()));

    table->selectAll();
    child<QAction>(window.get(), "copyAction")->trigger();
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY2(copied.startsWith(QStringLiteral("Account ID\tAccount Name\tEmail\tOU Path\tAccount State\tJoined (UTC)\tStatus")), qPrintable(copied));
    QVERIFY(copied.contains(wanted.accountId + u'\t' + wanted.name + u'\t' + wanted.email));
}

void WindowExportTest::shouldHideNamesAndSayWhyWhenOrganizationsRefuses()
{
    WindowFixture fixture(SimulatedOrganization::generate(120, 22));
    QVERIFY(fixture.isReady());
    fixture.simulator().setAccountNamesDenied(true);
    fixture.setFetchNames(true);
    auto window = fixture.openWindow();
    refreshAndWait(window.get(), 120);
    AccountTableModel *model = window->accountModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->namesState(), AccountTableModel::NamesState::Unavailable, LoadTimeoutMs);
    auto *table = child<QTableView>(window.get(), "accountTable");
    QVERIFY(table->isColumnHidden(AccountTableModel::AccountNameColumn));
    QVERIFY(table->isColumnHidden(AccountTableModel::EmailColumn));
    const QString why = model->headerData(AccountTableModel::AccountIdColumn, Qt::Horizontal, Qt::ToolTipRole).toString();
    QVERIFY2(why.contains(QStringLiteral("organizations:ListAccounts")), qPrintable(why));
    QCOMPARE(idsOf(model->accounts()), idsOf(fixture.organization()));

    const QString path = fixture.filePath(QStringLiteral("unnamed.csv"));
    QVERIFY(window->exportCsv(path, ExportScope::AllRows).hasValue());
    QVERIFY(fileContents(path).startsWith("Account ID,Status,Status Reason,Last Updated (UTC)\r\n"));
}

QTEST_MAIN(WindowExportTest)
#include "test_ui_window_export.moc"
