#include "accountfilterproxymodel.h"
#include "accountsearchbox.h"
#include "accounttable.h"
#include "enrollment/accounttablemodel.h"
#include "profileregionpicker.h"
#include "windowsettings.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QAction>
#include <QKeyEvent>
#include <QMenu>
#include <QSignalSpy>
#include <QPushButton>
#include <QVBoxLayout>
#include <QTemporaryDir>
#include <QToolBar>
#include <QtTest>

namespace {

WindowSetup setupWith(QList<ProfileChoice> profiles)
{
    WindowSetup setup;
    setup.profiles = std::move(profiles);
    return setup;
}

const QList<ProfileChoice> SomeProfiles = {{QStringLiteral("Environment"), QString()},
                                           {QStringLiteral("audit"), QStringLiteral("audit")},
                                           {QStringLiteral("default"), QStringLiteral("default")}};

QList<AccountEnrollment> accounts(const QStringList &ids)
{
    QList<AccountEnrollment> result;
    for (const QString &id : ids) {
        AccountEnrollment account;
        account.accountId = id;
        account.statusText = QStringLiteral("Active");
        account.status = EnrollmentStatus::Active;
        result.append(account);
    }
    return result;
}

bool shortcutOverrideAccepted(QWidget *widget, const QKeyCombination &keys)
{
    QKeyEvent event(QEvent::ShortcutOverride, keys.key(), keys.keyboardModifiers());
    event.setAccepted(false);
    QCoreApplication::sendEvent(widget, &event);
    return event.isAccepted();
}

} // namespace

class WindowPartsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void shouldNameTheCredentialsAsTheFooterDoes();
    void shouldRememberTheProfileAndRegionPicked();
    void shouldLetTheCommandLineWinOverWhatWasRemembered();
    void shouldOfferATypedRegionNextTime();
    void shouldPickNothingInTheDemo();
    void shouldLetTheExportShortcutThroughTheSearchBox();
    void shouldCopyTheSelectedRowsInTheOrderShown();
    void shouldSortByAccountIdWithoutSavedColumns();
    void shouldLetTabLeaveTheTable();
    void shouldClearTheSearchOnEscapeBeforeCancelling();
    void shouldShowHideAndReorderColumnsAndRememberThem();
    void shouldKeepAColumnTheUserHidWhenNamesComeBack();

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    QString settingsFile() const { return m_dir.filePath(QStringLiteral("parts-%1.ini").arg(m_run)); }
};

void WindowPartsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void WindowPartsTest::init()
{
    ++m_run; // a settings file of each test's own
}

void WindowPartsTest::shouldNameTheCredentialsAsTheFooterDoes()
{
    QWidget parent;
    ProfileRegionPicker picker(setupWith(SomeProfiles), &parent);
    picker.profileBox()->setCurrentIndex(0);
    QCOMPARE(picker.profile(), QString());
    QCOMPARE(picker.credentialsText(), QStringLiteral("environment credentials"));
    picker.profileBox()->setCurrentIndex(1);
    QCOMPARE(picker.credentialsText(), QStringLiteral("profile audit"));

    ProfileRegionPicker fallback(setupWith({{QStringLiteral("default"), QString()}}), &parent);
    QCOMPARE(fallback.credentialsText(), QStringLiteral("default credentials"));
}

void WindowPartsTest::shouldRememberTheProfileAndRegionPicked()
{
    QWidget parent;
    {
        ProfileRegionPicker picker(setupWith(SomeProfiles), &parent);
        picker.profileBox()->setCurrentIndex(2);
        picker.regionBox()->setEditText(QStringLiteral("  eu-north-1 "));
        QCOMPARE(picker.region(), QStringLiteral("eu-north-1"));
        WindowSettings settings(settingsFile());
        picker.save(settings);
        settings.sync();
    }
    ProfileRegionPicker picker(setupWith(SomeProfiles), &parent);
    picker.restore(WindowSettings(settingsFile()));
    QCOMPARE(picker.profile(), QStringLiteral("default"));
    QCOMPARE(picker.region(), QStringLiteral("eu-north-1"));

    // The entry without a profile name is remembered too, not mistaken for "nothing remembered".
    picker.profileBox()->setCurrentIndex(0);
    {
        WindowSettings settings(settingsFile());
        picker.save(settings);
        settings.sync();
    }
    ProfileRegionPicker next(setupWith(SomeProfiles), &parent);
    next.profileBox()->setCurrentIndex(1);
    next.restore(WindowSettings(settingsFile()));
    QCOMPARE(next.profileBox()->currentIndex(), 0);
}

void WindowPartsTest::shouldLetTheCommandLineWinOverWhatWasRemembered()
{
    {
        WindowSettings settings(settingsFile());
        settings.setProfile(QStringLiteral("audit"));
        settings.setRegion(QStringLiteral("eu-west-1"));
        settings.sync();
    }
    WindowSetup setup = setupWith(SomeProfiles);
    setup.initialProfile = QStringLiteral("not-in-the-files");
    setup.initialRegion = QStringLiteral("ap-south-1");
    QWidget parent;
    ProfileRegionPicker picker(setup, &parent);
    picker.restore(WindowSettings(settingsFile()));
    QCOMPARE(picker.profile(), QStringLiteral("not-in-the-files"));
    QCOMPARE(picker.region(), QStringLiteral("ap-south-1"));
}

void WindowPartsTest::shouldOfferATypedRegionNextTime()
{
    QWidget parent;
    ProfileRegionPicker picker(setupWith(SomeProfiles), &parent);
    const int before = picker.regionBox()->count();
    picker.regionBox()->setEditText(QStringLiteral("eu-central-2"));
    picker.offerTypedRegion();
    picker.offerTypedRegion();
    QCOMPARE(picker.regionBox()->count(), before + 1);
    QVERIFY(picker.regionBox()->findText(QStringLiteral("eu-central-2")) >= 0);
    picker.regionBox()->setEditText(QStringLiteral("us-east-1"));
    picker.offerTypedRegion();
    QCOMPARE(picker.regionBox()->count(), before + 1);
}

void WindowPartsTest::shouldPickNothingInTheDemo()
{
    {
        WindowSettings settings(settingsFile());
        settings.setProfile(QStringLiteral("audit"));
        settings.sync();
    }
    WindowSetup setup = setupWith(SomeProfiles);
    setup.demo = true;
    QWidget parent;
    ProfileRegionPicker picker(setup, &parent);
    QToolBar toolBar;
    picker.addTo(&toolBar);
    WindowSettings settings(settingsFile());
    picker.restore(settings);
    QVERIFY(!picker.profileBox()->isEnabled());
    QVERIFY(!picker.regionBox()->isEnabled());
    QCOMPARE(picker.profile(), QString());
    QCOMPARE(picker.region(), QStringLiteral("us-east-1"));
    QCOMPARE(picker.credentialsText(), QStringLiteral("demo organization"));
    picker.save(settings);
    QCOMPARE(settings.profile(), QStringLiteral("audit")); // the demo leaves the real choice alone
}

void WindowPartsTest::shouldLetTheExportShortcutThroughTheSearchBox()
{
    AccountSearchBox search;
    const QKeyCombination ctrlE(Qt::ControlModifier, Qt::Key_E);
    // A line edit keeps Ctrl+E for itself on some platforms; what matters is the box with the setting.
    search.passShortcut(QKeySequence(ctrlE));
    QVERIFY(!shortcutOverrideAccepted(&search, ctrlE));
    QVERIFY(shortcutOverrideAccepted(&search, QKeyCombination(Qt::ControlModifier, Qt::Key_A)));
    QCOMPARE(search.objectName(), QStringLiteral("searchBox"));
    QVERIFY(!search.accessibleName().isEmpty());
}

void WindowPartsTest::shouldCopyTheSelectedRowsInTheOrderShown()
{
    AccountTableModel model;
    AccountFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    AccountTable table(&model, &proxy);
    table.restoreColumns({});
    model.appendAccounts(accounts({QStringLiteral("300000000000"), QStringLiteral("100000000000"),
                                   QStringLiteral("200000000000")}));
    table.selectRow(2);
    table.selectionModel()->select(proxy.index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);

    const QList<AccountEnrollment> selected = table.selectedAccounts();
    QCOMPARE(selected.size(), 2);
    QCOMPARE(selected.at(0).accountId, QStringLiteral("100000000000"));
    QCOMPARE(selected.at(1).accountId, QStringLiteral("300000000000"));

    QGuiApplication::clipboard()->clear();
    table.copySelectedRows();
    const QStringList lines = QGuiApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(1).startsWith(QStringLiteral("100000000000\t")));
    QVERIFY(lines.at(2).startsWith(QStringLiteral("300000000000\t")));

    table.clearSelection();
    table.copySelectedRows();
    QCOMPARE(QGuiApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts), lines);
}

void WindowPartsTest::shouldSortByAccountIdWithoutSavedColumns()
{
    AccountTableModel model;
    AccountFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    AccountTable table(&model, &proxy);
    table.restoreColumns(QByteArray("not a header state"));
    QVERIFY(table.isSortingEnabled());
    QCOMPARE(table.horizontalHeader()->sortIndicatorSection(), int(AccountTableModel::AccountIdColumn));
    QCOMPARE(table.horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
    QVERIFY(table.isColumnHidden(AccountTableModel::AccountNameColumn));
    model.expectAccountNames();
    QVERIFY(!table.isColumnHidden(AccountTableModel::AccountNameColumn));
    QVERIFY(!table.isColumnHidden(AccountTableModel::EmailColumn));

    table.horizontalHeader()->setSortIndicator(AccountTableModel::StatusColumn, Qt::DescendingOrder);
    AccountTable restored(&model, &proxy);
    restored.restoreColumns(table.saveColumns());
    QCOMPARE(restored.horizontalHeader()->sortIndicatorSection(), int(AccountTableModel::StatusColumn));
    QCOMPARE(restored.horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
}

// Tab walks the window, not the cells: Refresh, Cancel and Export must be reachable by keyboard.
void WindowPartsTest::shouldLetTabLeaveTheTable()
{
    AccountTableModel model;
    model.appendAccounts(accounts({QStringLiteral("111111111111"), QStringLiteral("222222222222")}));
    AccountFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QWidget window;
    auto *table = new AccountTable(&model, &proxy, &window);
    auto *after = new QPushButton(QStringLiteral("Export"), &window);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(table);
    layout->addWidget(after);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    table->setFocus();
    table->setCurrentIndex(proxy.index(0, 0));
    QVERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_Tab);
    QVERIFY(after->hasFocus());
}

// Esc in a search with text clears it; only Esc in an empty search reaches the window's Cancel.
void WindowPartsTest::shouldClearTheSearchOnEscapeBeforeCancelling()
{
    QWidget window;
    auto *search = new AccountSearchBox(&window);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(search);
    auto *cancel = new QAction(QStringLiteral("Cancel"), &window);
    cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    window.addAction(cancel);
    QSignalSpy cancelled(cancel, &QAction::triggered);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("prod"));
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QCOMPARE(cancelled.count(), 0);
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(cancelled.count(), 1);
}

namespace {

QAction *columnAction(QMenu *menu, const QString &title)
{
    const QList<QAction *> actions = menu->actions();
    const auto found = std::find_if(actions.begin(), actions.end(), [&](QAction *a) { return a->text() == title; });
    return found == actions.end() ? nullptr : *found;
}

// A table whose names are on their way, at its default columns.
struct TableExpectingNames
{
    TableExpectingNames()
    {
        model.expectAccountNames();
        proxy.setSourceModel(&model);
        table.restoreColumns({});
    }
    AccountTableModel model;
    AccountFilterProxyModel proxy;
    AccountTable table{&model, &proxy};
};

} // namespace

void WindowPartsTest::shouldShowHideAndReorderColumnsAndRememberThem()
{
    TableExpectingNames shown;
    AccountTableModel &model = shown.model;
    AccountFilterProxyModel &proxy = shown.proxy;
    AccountTable &table = shown.table;
    QMenu *menu = table.columnMenu();
    QCOMPARE(menu->actions().size(), model.columnCount() + 2); // a separator, then Reset columns
    QAction *reason = columnAction(menu, QStringLiteral("Status Reason"));
    QVERIFY(reason && reason->isChecked());
    reason->toggle();
    QVERIFY(table.isColumnHidden(AccountTableModel::StatusReasonColumn));
    table.horizontalHeader()->moveSection(table.horizontalHeader()->visualIndex(AccountTableModel::StatusColumn), 0);

    AccountTable restored(&model, &proxy);
    restored.restoreColumns(table.saveColumns());
    QVERIFY(restored.isColumnHidden(AccountTableModel::StatusReasonColumn));
    QCOMPARE(restored.horizontalHeader()->logicalIndex(0), int(AccountTableModel::StatusColumn));
    QVERIFY(!columnAction(restored.columnMenu(), QStringLiteral("Status Reason"))->isChecked());
    QCOMPARE(restored.columnMenu()->actions().at(0)->text(), QStringLiteral("Status"));

    columnAction(restored.columnMenu(), QStringLiteral("Reset columns"))->trigger();
    QVERIFY(!restored.isColumnHidden(AccountTableModel::StatusReasonColumn));
    QCOMPARE(restored.horizontalHeader()->logicalIndex(0), int(AccountTableModel::AccountIdColumn));
}

void WindowPartsTest::shouldKeepAColumnTheUserHidWhenNamesComeBack()
{
    TableExpectingNames shown;
    AccountTableModel &model = shown.model;
    AccountTable &table = shown.table;
    columnAction(table.columnMenu(), QStringLiteral("Email"))->toggle();
    model.setNamesUnavailable(QStringLiteral("AccessDeniedException"));
    QVERIFY(table.isColumnHidden(AccountTableModel::AccountNameColumn));
    QVERIFY(!columnAction(table.columnMenu(), QStringLiteral("Account Name"))->isEnabled());

    // Saved while names were refused: the Name column is saved as the user left it, shown.
    TableExpectingNames next;
    next.table.restoreColumns(table.saveColumns());
    QVERIFY(!next.table.isColumnHidden(AccountTableModel::AccountNameColumn));
    QVERIFY(next.table.isColumnHidden(AccountTableModel::EmailColumn));

    model.expectAccountNames();
    QVERIFY(!table.isColumnHidden(AccountTableModel::AccountNameColumn));
    QVERIFY(table.isColumnHidden(AccountTableModel::EmailColumn));
}

QTEST_MAIN(WindowPartsTest)
#include "test_ui_window_parts.moc"
