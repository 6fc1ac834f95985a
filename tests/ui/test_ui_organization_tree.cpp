// The OU tree beside the table: its units and counts, picking one narrows the table and the
// checkbox counts, hiding suspended and closed accounts, and what it says when there is no tree.
#include "accountfilterproxymodel.h"
#include "enrollment/accounttablemodel.h"
#include "../enrollment/smallorganization.h"
#include "mainwindow.h"
#include "organizationtreemodel.h"
#include "organizationtreepane.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include <memory>

namespace {

// "  Workloads 3 2": the tree as text, two spaces a level, with each line's counts.
void appendRows(const QAbstractItemModel &model, const QModelIndex &parent, int depth, QStringList &lines)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex name = model.index(row, OrganizationTreeModel::NameColumn, parent);
        lines.append(QString(depth * 2, u' ') + name.data().toString() + u' '
                     + model.index(row, OrganizationTreeModel::AccountsColumn, parent).data().toString() + u' '
                     + model.index(row, OrganizationTreeModel::NotActiveColumn, parent).data().toString());
        appendRows(model, name, depth + 1, lines);
    }
}

QStringList treeText(const QAbstractItemModel &model)
{
    QStringList lines;
    appendRows(model, {}, 0, lines);
    return lines;
}

QStringList shownIds(const AccountFilterProxyModel &proxy)
{
    QStringList ids;
    for (const AccountEnrollment &a : proxy.visibleAccounts())
        ids.append(a.accountId.right(1));
    ids.sort();
    return ids;
}

QModelIndex findUnit(const QAbstractItemModel &model, const QString &name, const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
        if (const QModelIndex below = findUnit(model, name, index); below.isValid())
            return below;
    }
    return {};
}

} // namespace

class OrganizationTreeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void shouldShowEveryUnitWithTheAccountsOfItsSubtree();
    void selectingAUnitShouldShowOnlyItsSubtree();
    void checkboxCountsShouldFollowTheUnitAndTheSearch();
    void shouldKeepTheSameUnitWhenTheTreeIsRebuilt();
    void hidingSuspendedAndClosedShouldBeOffFirstAndRemembered();
    void splitterShouldBeRemembered();
    void shouldSayWhyThereIsNoTree();

private:
    std::unique_ptr<MainWindow> openWindow();
    void pick(const QString &unit);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void OrganizationTreeTest::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_window.reset();
    m_dir = std::make_unique<QTemporaryDir>();
}

std::unique_ptr<MainWindow> OrganizationTreeTest::openWindow()
{
    return std::make_unique<MainWindow>(WindowSetup{}, WindowSettings(m_dir->filePath(QStringLiteral("settings.ini"))));
}

void OrganizationTreeTest::pick(const QString &unit)
{
    auto *pane = m_window->findChild<OrganizationTreePane *>(QStringLiteral("organizationTreePane"));
    const QModelIndex index = findUnit(*pane->treeModel(), unit);
    QVERIFY2(index.isValid(), qPrintable(unit));
    pane->view()->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void OrganizationTreeTest::shouldShowEveryUnitWithTheAccountsOfItsSubtree()
{
    m_window = openWindow();
    auto *pane = m_window->findChild<OrganizationTreePane *>(QStringLiteral("organizationTreePane"));
    QVERIFY(pane);
    QAbstractItemModelTester tester(pane->treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    fillSmallOrganization(*m_window->accountModel(), SmallOrganizationEmails::None);

    const QStringList expected{QStringLiteral("All accounts 6 4"), QStringLiteral("Root 6 4"),
                               QStringLiteral("  Workloads 3 2"), QStringLiteral("    Prod 2 1"),
                               QStringLiteral("  Sandbox 2 2")};
    QTRY_COMPARE(treeText(*pane->treeModel()), expected);
    QVERIFY(pane->notice().isEmpty());
    QVERIFY(pane->view()->isVisibleTo(pane));

    // The same numbers as the one predicate gives, node by node.
    const AccountTableModel &model = *m_window->accountModel();
    const QList<StatusCounts> perUnit = m_window->filterModel()->accountFilter().countsPerUnit(model);
    for (int node = 0; node < model.organizationTree().size(); ++node) {
        const QModelIndex index = pane->treeModel()->indexOfNode(node);
        QCOMPARE(index.siblingAtColumn(OrganizationTreeModel::AccountsColumn).data().toString(),
                 QString::number(perUnit.at(node).total()));
        QCOMPARE(index.siblingAtColumn(OrganizationTreeModel::NotActiveColumn).data().toString(),
                 QString::number(OrganizationTreeModel::notActiveOf(perUnit.at(node))));
    }
    QCOMPARE(pane->treeModel()->index(1, OrganizationTreeModel::AccountsColumn).data(Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));

    // A search narrows every count.
    m_window->filterModel()->setSearchText(QStringLiteral("l")); // Ledger, Platform and Lab
    QTRY_COMPARE(treeText(*pane->treeModel()),
                 (QStringList{QStringLiteral("All accounts 3 3"), QStringLiteral("Root 3 3"),
                              QStringLiteral("  Workloads 2 2"), QStringLiteral("    Prod 1 1"),
                              QStringLiteral("  Sandbox 1 1")}));
}

void OrganizationTreeTest::selectingAUnitShouldShowOnlyItsSubtree()
{
    m_window = openWindow();
    fillSmallOrganization(*m_window->accountModel(), SmallOrganizationEmails::None);
    AccountFilterProxyModel *proxy = m_window->filterModel();
    auto *pane = m_window->findChild<OrganizationTreePane *>(QStringLiteral("organizationTreePane"));
    QTRY_VERIFY(findUnit(*pane->treeModel(), QStringLiteral("Workloads")).isValid());
    QCOMPARE(proxy->rowCount(), 6);
    pick(QStringLiteral("Workloads"));
    QCOMPARE(shownIds(*proxy), (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    pick(QStringLiteral("Prod"));
    QCOMPARE(shownIds(*proxy), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    pick(QStringLiteral("All accounts"));
    QCOMPARE(proxy->accountFilter().unit, -1);
    QCOMPARE(proxy->rowCount(), 6);
}

void OrganizationTreeTest::checkboxCountsShouldFollowTheUnitAndTheSearch()
{
    m_window = openWindow();
    fillSmallOrganization(*m_window->accountModel(), SmallOrganizationEmails::None);
    auto box = [this](const char *name) {
        return m_window->findChild<QCheckBox *>(QStringLiteral("statusFilter") + QString::fromLatin1(name))->text();
    };
    QTRY_COMPARE(box("Inactive"), QStringLiteral("Inactive (3)"));
    pick(QStringLiteral("Sandbox"));
    QTRY_COMPARE(box("Inactive"), QStringLiteral("Inactive (1)"));
    QCOMPARE(box("Active"), QStringLiteral("Active (0)"));
    QCOMPARE(box("Failed"), QStringLiteral("Failed (1)"));
    const StatusCounts counts = m_window->filterModel()->accountFilter().countsBesideStatus(*m_window->accountModel());
    QCOMPARE(box("Failed"), QStringLiteral("Failed (%1)").arg(counts.count(EnrollmentStatus::Failed)));

    pick(QStringLiteral("Workloads"));
    m_window->filterModel()->setSearchText(QStringLiteral("Ledger"));
    QTRY_COMPARE(box("Inactive"), QStringLiteral("Inactive (1)"));
    QCOMPARE(box("Active"), QStringLiteral("Active (0)"));
}

void OrganizationTreeTest::shouldKeepTheSameUnitWhenTheTreeIsRebuilt()
{
    m_window = openWindow();
    fillSmallOrganization(*m_window->accountModel(), SmallOrganizationEmails::None);
    auto *pane = m_window->findChild<OrganizationTreePane *>(QStringLiteral("organizationTreePane"));
    QTRY_VERIFY(findUnit(*pane->treeModel(), QStringLiteral("Prod")).isValid());
    pick(QStringLiteral("Prod"));
    const int before = m_window->filterModel()->accountFilter().unit;

    // A new OU ahead of Prod moves every later node to another index.
    m_window->accountModel()->setOrganizationTree(smallOrganizationTree(true));
    const int prod = m_window->accountModel()->organizationTree().indexOf(QStringLiteral("ou-p"));
    QVERIFY(prod != before);
    QCOMPARE(m_window->filterModel()->accountFilter().unit, prod);
    QTRY_VERIFY(findUnit(*pane->treeModel(), QStringLiteral("Security")).isValid());
    QCOMPARE(pane->selectedUnitId(), QStringLiteral("ou-p"));
    QCOMPARE(OrganizationTreeModel::nodeOf(pane->view()->currentIndex()), prod);
    QCOMPARE(shownIds(*m_window->filterModel()), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
}

void OrganizationTreeTest::hidingSuspendedAndClosedShouldBeOffFirstAndRemembered()
{
    m_window = openWindow();
    fillSmallOrganization(*m_window->accountModel(), SmallOrganizationEmails::None);
    auto *hide = m_window->findChild<QCheckBox *>(QStringLiteral("hideSuspendedOrClosed"));
    QVERIFY(hide);
    QVERIFY(!hide->isChecked());
    QTRY_COMPARE(m_window->filterModel()->rowCount(), 6);

    hide->click();
    QCOMPARE(shownIds(*m_window->filterModel()),
             (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("4"), QStringLiteral("6")}));
    auto *pane = m_window->findChild<OrganizationTreePane *>(QStringLiteral("organizationTreePane"));
    QTRY_COMPARE(treeText(*pane->treeModel()),
                 (QStringList{QStringLiteral("All accounts 4 2"), QStringLiteral("Root 4 2"),
                              QStringLiteral("  Workloads 2 1"), QStringLiteral("    Prod 2 1"),
                              QStringLiteral("  Sandbox 1 1")}));
    QTRY_COMPARE(m_window->findChild<QCheckBox *>(QStringLiteral("statusFilterInactive"))->text(),
                 QStringLiteral("Inactive (1)"));

    m_window.reset(); // saves
    m_window = openWindow();
    hide = m_window->findChild<QCheckBox *>(QStringLiteral("hideSuspendedOrClosed"));
    QVERIFY(hide->isChecked());
    QVERIFY(m_window->filterModel()->accountFilter().hideSuspendedOrClosed);
    hide->click();
    m_window.reset();
    m_window = openWindow();
    QVERIFY(!m_window->findChild<QCheckBox *>(QStringLiteral("hideSuspendedOrClosed"))->isChecked());
    QVERIFY(!m_window->filterModel()->accountFilter().hideSuspendedOrClosed);
}

void OrganizationTreeTest::splitterShouldBeRemembered()
{
    m_window = openWindow();
    m_window->show();
    auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("treeTableSplitter"));
    QVERIFY(splitter);
    QVERIFY(splitter->sizes().at(0) > 0);
    QVERIFY(splitter->isCollapsible(0));
    splitter->setSizes({0, 600}); // collapsed, as when dragged to the edge
    m_window.reset();
    m_window = openWindow();
    m_window->show();
    splitter = m_window->findChild<QSplitter *>(QStringLiteral("treeTableSplitter"));
    QCOMPARE(splitter->sizes().at(0), 0);
}

void OrganizationTreeTest::shouldSayWhyThereIsNoTree()
{
    m_window = openWindow();
    auto *pane = m_window->findChild<OrganizationTreePane *>(QStringLiteral("organizationTreePane"));
    QVERIFY(pane->notice().startsWith(QStringLiteral("Press Refresh")));

    const QString reason = QStringLiteral("Organizational units need permission to call organizations:ListRoots, "
                                          "ListOrganizationalUnitsForParent and ListAccountsForParent; names are "
                                          "shown without their OU.");
    m_window->accountModel()->setOrganizationTreeUnavailable(reason);
    QTRY_COMPARE(pane->notice(), reason);
    QVERIFY(!pane->view()->isVisibleTo(pane));

    m_window->accountModel()->setNamesUnavailable(QStringLiteral("Access denied."));
    m_window->accountModel()->setOrganizationTreeUnavailable({});
    QTRY_VERIFY2(pane->notice().contains(QStringLiteral("Access denied.")), qPrintable(pane->notice()));

    fillSmallOrganization(*m_window->accountModel(), SmallOrganizationEmails::None);
    QTRY_VERIFY(pane->notice().isEmpty());
    QVERIFY(pane->view()->isVisibleTo(pane));
}

QTEST_MAIN(OrganizationTreeTest)
#include "test_ui_organization_tree.moc"
