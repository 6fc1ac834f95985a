#include "mainwindow.h"

#include "accountfilterbar.h"
#include "accountfilterproxymodel.h"
#include "accountsearchbox.h"
#include "accounttable.h"
#include "emptystatepanel.h"
#include "enrollment/accounttablemodel.h"
#include "exportflow.h"
#include "loadprogresswidget.h"
#include "loadstatuswording.h"
#include "loadtracker.h"
#include "network/loadsession.h"
#include "noticebanner.h"
#include "optinflow.h"
#include "organizationtreepane.h"
#include "ownenrollmentsummary.h"
#include "pagequeue.h"
#include "profileregionpicker.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

MainWindow::MainWindow(WindowSetup setup, WindowSettings settings, QWidget *parent)
    : QMainWindow(parent)
    , m_setup(std::move(setup))
    , m_settings(std::move(settings))
    , m_model(new AccountTableModel(this))
    , m_proxy(new AccountFilterProxyModel(this))
    , m_loader(new LoadSession(this))
    , m_pages(new PageQueue(m_model, this))
    , m_load(new LoadTracker(m_loader, m_pages, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(m_setup.demo ? tr("Enrollment Desk — demo organization") : tr("Enrollment Desk"));
    setAccessibleName(tr("Enrollment Desk"));
    m_proxy->setSourceModel(m_model);

    m_actions = createWindowActions(this);
    createToolBar();
    createCentralArea();
    createStatusBar();
    m_export = new ExportFlow(m_model, m_proxy, m_load, m_notice, this, &m_settings);
    m_optIn = new OptInFlow(m_loader, m_model, m_load, m_optInNotice, this);
    m_optIn->setReread([this] { rereadInPlace(); });
    connect(m_optIn, &OptInFlow::stateChanged, this, &MainWindow::updateState);
    connectActions();
    connectLoad();
    setUpTabOrder();
    restoreSettings();

    updateState();
    if (m_setup.loadOnStart)
        QTimer::singleShot(0, this, &MainWindow::refresh);
}

MainWindow::~MainWindow()
{
    saveSettings();
    m_table->setModel(nullptr); // the view goes before the models it shows
}

bool MainWindow::isLoading() const
{
    return m_load->isLoading();
}

void MainWindow::connectActions()
{
    connect(m_actions.refresh, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_actions.cancel, &QAction::triggered, this, &MainWindow::cancelLoading);
    connect(m_actions.exportAccounts, &QAction::triggered, m_export, &ExportFlow::start);
    connect(m_actions.optIn, &QAction::triggered, m_optIn, &OptInFlow::start);
    connect(m_actions.copy, &QAction::triggered, m_table, &AccountTable::copySelectedRows);
    connect(m_actions.find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
}

void MainWindow::connectLoad()
{
    connect(m_loader, &LoadSession::pageReceived, m_pages, &PageQueue::enqueue);
    connect(m_loader, &LoadSession::progressChanged, m_progress, &LoadProgressWidget::setProgress);
    connect(m_loader, &LoadSession::ownEnrollmentReceived, m_summary, &OwnEnrollmentSummary::showEnrollment);
    connect(m_loader, &LoadSession::ownEnrollmentFailed, m_summary, &OwnEnrollmentSummary::showError);
    connect(m_loader, &LoadSession::accountNamesReceived, m_model, &AccountTableModel::addAccountNames);
    connect(m_loader, &LoadSession::accountNamesUnavailable, m_model,
            [this](const QString &reason, bool) { m_model->setNamesUnavailable(reason); });
    connect(m_loader, &LoadSession::organizationTreeReceived, m_model, &AccountTableModel::setOrganizationTree);
    connect(m_loader, &LoadSession::organizationTreeUnavailable, m_model,
            &AccountTableModel::setOrganizationTreeUnavailable);
    connect(m_load, &LoadTracker::changed, this, [this] {
        if (!m_load->isLoading())
            m_progress->stop();
        // Only a complete list of every status says an account is missing from it.
        if (m_load->state() == LoadStatus::State::Loaded && m_loadedEveryStatus)
            m_model->addNotListedAccounts();
        updateState();
    });
    connect(m_pages, &PageQueue::pagesAppended, this, &MainWindow::updateState);
    // Not on the proxy's row signals: a sorted page arrives as many small insertions, one update is enough.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateState);
    connect(m_proxy, &AccountFilterProxyModel::filterChanged, this, &MainWindow::updateState);
}

void MainWindow::createToolBar()
{
    auto *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setAccessibleName(tr("Main toolbar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_picker = new ProfileRegionPicker(m_setup, toolBar);
    m_picker->addTo(toolBar);
    toolBar->addSeparator();
    toolBar->addAction(m_actions.refresh);
    toolBar->addAction(m_actions.cancel);
    toolBar->addAction(m_actions.exportAccounts);
    toolBar->addAction(m_actions.optIn);

    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);

    m_search = new AccountSearchBox(toolBar);
    m_search->passShortcut(m_actions.exportAccounts->shortcut());
    connect(m_search, &QLineEdit::textChanged, m_proxy, &AccountFilterProxyModel::setSearchText);
    toolBar->addWidget(m_search);

    for (QAction *action : {m_actions.refresh, m_actions.cancel, m_actions.exportAccounts, m_actions.optIn}) {
        if (QWidget *button = toolBar->widgetForAction(action)) {
            button->setObjectName(action->objectName() + QStringLiteral("Button"));
            button->setAccessibleName(action->text().remove(u'&').remove(QStringLiteral("…")));
        }
    }
}

void MainWindow::createBanners(QWidget *central, QVBoxLayout *layout)
{
    if (m_setup.demo) {
        auto *demoBanner = new NoticeBanner(NoticeBanner::Kind::Information, central);
        demoBanner->setObjectName(QStringLiteral("demoBanner"));
        demoBanner->setAccessibleName(tr("Demo notice"));
        demoBanner->showNotice(tr("Demo organization — simulated data, not your AWS account"),
                               tr("Made-up member accounts served from this computer, with the occasional "
                                  "throttled request. Opt in… changes only this simulation. Run without --demo to see your own "
                                  "organization."));
        layout->addWidget(demoBanner);
    }

    m_summary = new OwnEnrollmentSummary(central);
    layout->addWidget(m_summary);

    m_incompleteBanner = new NoticeBanner(NoticeBanner::Kind::Warning, central);
    m_incompleteBanner->setObjectName(QStringLiteral("incompleteBanner"));
    m_incompleteBanner->setAccessibleName(tr("Incomplete list"));
    m_incompleteBanner->actionButton()->setObjectName(QStringLiteral("incompleteBannerRetry"));
    m_incompleteBanner->hide();
    connect(m_incompleteBanner, &NoticeBanner::actionTriggered, this, &MainWindow::retry);
    layout->addWidget(m_incompleteBanner);

    m_notice = new NoticeBanner(NoticeBanner::Kind::Information, central);
    m_notice->setObjectName(QStringLiteral("exportNotice"));
    m_notice->setAccessibleName(tr("Export result"));
    m_notice->setClosable(true);
    m_notice->hide();
    layout->addWidget(m_notice);

    m_optInNotice = new NoticeBanner(NoticeBanner::Kind::Information, central);
    m_optInNotice->setObjectName(QStringLiteral("optInNotice"));
    m_optInNotice->setAccessibleName(tr("Opt-in"));
    m_optInNotice->setClosable(true);
    m_optInNotice->hide();
    layout->addWidget(m_optInNotice);
}

void MainWindow::createCentralArea()
{
    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralArea"));
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setSpacing(6);
    createBanners(central, layout);

    m_filters = new AccountFilterBar(m_model, m_proxy, &m_settings, central);
    layout->addWidget(m_filters);

    m_table = new AccountTable(m_model, m_proxy, central);
    m_table->addAction(m_actions.copy);
    m_table->addAction(m_actions.exportAccounts);

    m_emptyState = new EmptyStatePanel(central);
    connect(m_emptyState, &EmptyStatePanel::actionTriggered, this, &MainWindow::onEmptyStateAction);

    m_stack = new QStackedWidget(central);
    m_stack->setObjectName(QStringLiteral("tableStack"));
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_emptyState);

    m_treePane = new OrganizationTreePane(m_model, m_proxy, central);
    m_splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter->setObjectName(QStringLiteral("treeTableSplitter"));
    m_splitter->addWidget(m_treePane);
    m_splitter->addWidget(m_stack);
    m_splitter->setCollapsible(1, false);
    m_splitter->setStretchFactor(1, 1);
    layout->addWidget(m_splitter, 1);

    setCentralWidget(central);
}

void MainWindow::createStatusBar()
{
    m_footer = new QLabel(statusBar());
    m_footer->setObjectName(QStringLiteral("footer"));
    m_footer->setTextFormat(Qt::PlainText);
    m_footer->setAccessibleName(tr("Summary"));
    statusBar()->addWidget(m_footer, 1);
    m_progress = new LoadProgressWidget(statusBar());
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->setSizeGripEnabled(true);
}

void MainWindow::setUpTabOrder()
{
    QList<QWidget *> chain{m_picker->profileBox(), m_picker->regionBox(), m_search};
    chain << m_filters->tabChain() << m_incompleteBanner->actionButton() << m_treePane->view() << m_table
          << m_emptyState->actionButton();
    for (qsizetype i = 0; i + 1 < chain.size(); ++i)
        setTabOrder(chain[i], chain[i + 1]);
}

void MainWindow::restoreSettings()
{
    m_filters->restore();
    m_splitter->restoreState(m_settings.splitterState());
    m_picker->restore(m_settings);
    m_table->restoreColumns(m_settings.tableHeader());
    if (!restoreGeometry(m_settings.geometry())) {
        // The first window fits the screen it opens on, at any scale.
        const QSize fits = screen() ? screen()->availableGeometry().size() * 9 / 10 : QSize(1180, 720);
        resize(QSize(1180, 720).boundedTo(fits));
    }
    restoreState(m_settings.windowState());
}

void MainWindow::saveSettings()
{
    m_settings.setGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.setTableHeader(m_table->saveColumns());
    m_filters->save();
    m_settings.setSplitterState(m_splitter->saveState());
    m_picker->save(m_settings);
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::refresh()
{
    const QString profile = m_picker->profile();
    const QString region = m_picker->region();
    m_picker->save(m_settings);
    m_picker->offerTypedRegion();

    auto query = m_setup.queryFactory ? m_setup.queryFactory(profile, region)
                                      : Expected<EnrollmentQuery>(Unexpected{tr("Nothing to load from.")});
    if (!query && m_model->rowCount() > 0) {
        // A mistyped setting never throws away what is loaded.
        m_notice->setKind(NoticeBanner::Kind::Warning);
        m_notice->showNotice(tr("Nothing was reloaded"),
                             tr("%1\nThe accounts shown are still the ones loaded before.").arg(query.error()));
        return;
    }
    m_loader->cancel();
    m_pages->clear();
    m_model->clear();
    m_notice->hide();
    m_lastQuery.reset();
    if (!query) {
        m_optIn->setQuery(std::nullopt);
        m_summary->clear();
        m_load->failQuery(m_picker->credentialsText(), region, query.error());
        return;
    }
    if (query->includeAccountNames && query->organizations.isValid())
        m_model->expectAccountNames();
    m_progress->start();
    m_summary->showLoading();
    m_loadedEveryStatus = query->statuses.isEmpty();
    m_load->start(m_picker->credentialsText(), query->signingRegion);
    if (!m_setup.demo)
        setWindowTitle(tr("Enrollment Desk — %1 · %2").arg(m_picker->credentialsText(), query->signingRegion));
    m_loader->start(query.value());
    m_loader->fetchOwnEnrollment(query.value());
    m_lastQuery = query.value();
    m_optIn->setQuery(m_lastQuery);
}

void MainWindow::rereadInPlace()
{
    if (!m_lastQuery)
        return;
    m_progress->start();
    m_load->start(m_picker->credentialsText(), m_lastQuery->signingRegion);
    m_loader->reread(*m_lastQuery);
    m_loader->fetchOwnEnrollment(*m_lastQuery);
}

void MainWindow::cancelLoading()
{
    if (m_load->isLoading())
        m_loader->cancel(); // ends the run at once; later pages of this run are dropped
}

void MainWindow::retry()
{
    if (m_load->state() == LoadStatus::State::Failed && m_loader->canResume()) {
        m_progress->resume();
        m_load->resume();
        m_loader->resume();
        return;
    }
    refresh();
}

Expected<int> MainWindow::exportCsv(const QString &path, ExportScope scope)
{
    return m_export->exportTo(path, scope);
}

void MainWindow::onEmptyStateAction()
{
    switch (emptyState(m_load->status(), m_model->rowCount(), m_setup.demo).action) {
    case EmptyState::Action::ShowAllAccounts: showAllRows(); break;
    case EmptyState::Action::Retry: retry(); break;
    case EmptyState::Action::Refresh: refresh(); break;
    case EmptyState::Action::None: break;
    }
}

void MainWindow::showAllRows()
{
    m_search->clear();
    m_filters->showEverything();
    m_treePane->showWholeOrganization();
}

void MainWindow::updateState()
{
    updateBanner();
    updateEmptyState();
    updateFooter();
    m_treePane->setLoading(m_load->isLoading());
    m_actions.cancel->setEnabled(m_load->isLoading());
    m_actions.exportAccounts->setEnabled(m_model->rowCount() > 0);
    m_actions.optIn->setEnabled(m_lastQuery && !m_load->isLoading() && m_optIn->state() == OptInFlow::State::Idle);
}

void MainWindow::updateBanner()
{
    const auto notice = incompleteNotice(m_load->status(), m_model->rowCount());
    if (!notice) {
        m_incompleteBanner->hide();
        return;
    }
    m_incompleteBanner->setKind(notice->kind);
    m_incompleteBanner->showNotice(notice->title, notice->detail, notice->actionText);
    m_incompleteBanner->actionButton()->setToolTip(notice->actionToolTip);
}

void MainWindow::updateEmptyState()
{
    if (m_proxy->rowCount() > 0) {
        m_stack->setCurrentWidget(m_table);
        return;
    }
    const EmptyState state = emptyState(m_load->status(), m_model->rowCount(), m_setup.demo);
    m_emptyState->showState(state.title, state.detail, state.actionText);
    m_emptyState->offerCommand(state.command);
    m_stack->setCurrentWidget(m_emptyState);
}

void MainWindow::updateFooter()
{
    m_footer->setText(footerText(m_load->status(), m_proxy->rowCount(), m_model->rowCount()));
    m_footer->setToolTip(footerToolTip(m_load->status()));
}
