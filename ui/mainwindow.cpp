#include "mainwindow.h"

#include "accountfilterproxymodel.h"
#include "countwording.h"
#include "emptystatepanel.h"
#include "enrollment/accounttablemodel.h"
#include "loadprogresswidget.h"
#include "network/loadsession.h"
#include "ownenrollmentsummary.h"
#include "pagequeue.h"
#include "statusdelegate.h"
#include "statusfilterbar.h"
#include "tablecopy.h"
#include "tableexport.h"

#include <QAction>
#include <QCheckBox>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QKeyEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace {

// How the settings spell the picker entry without a profile name (the environment's credentials).
const QString NoProfileNameKey = QStringLiteral(":none");

const QStringList CommonRegions = {
    QStringLiteral("us-east-1"),      QStringLiteral("us-east-2"),      QStringLiteral("us-west-1"),
    QStringLiteral("us-west-2"),      QStringLiteral("ca-central-1"),   QStringLiteral("eu-west-1"),
    QStringLiteral("eu-west-2"),      QStringLiteral("eu-west-3"),      QStringLiteral("eu-central-1"),
    QStringLiteral("eu-north-1"),     QStringLiteral("eu-south-1"),     QStringLiteral("ap-south-1"),
    QStringLiteral("ap-northeast-1"), QStringLiteral("ap-northeast-2"), QStringLiteral("ap-northeast-3"),
    QStringLiteral("ap-southeast-1"), QStringLiteral("ap-southeast-2"), QStringLiteral("sa-east-1"),
    QStringLiteral("me-south-1"),     QStringLiteral("af-south-1"),     QStringLiteral("us-gov-west-1"),
    QStringLiteral("cn-north-1")};

const QString Separator = QStringLiteral(" · ");

QString accounts(int count)
{
    return countOf(count, MainWindow::tr("account"), MainWindow::tr("accounts"));
}

} // namespace

MainWindow::MainWindow(WindowSetup setup, WindowSettings settings, QWidget *parent)
    : QMainWindow(parent)
    , m_setup(std::move(setup))
    , m_settings(std::move(settings))
    , m_model(new AccountTableModel(this))
    , m_proxy(new AccountFilterProxyModel(this))
    , m_loader(new LoadSession(this))
    , m_pages(new PageQueue(m_model, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(m_setup.demo ? tr("Enrollment Desk — demo organization") : tr("Enrollment Desk"));
    setAccessibleName(tr("Enrollment Desk"));
    m_proxy->setSourceModel(m_model);

    createActions();
    createToolBar();
    createCentralArea();
    createStatusBar();
    setUpTabOrder();
    restoreSettings();

    connect(m_loader, &LoadSession::pageReceived, this, &MainWindow::onPage);
    connect(m_loader, &LoadSession::progressChanged, this, &MainWindow::onProgress);
    connect(m_loader, &LoadSession::ended, this, &MainWindow::onEnded);
    connect(m_loader, &LoadSession::ownEnrollmentReceived, m_summary, &OwnEnrollmentSummary::showEnrollment);
    connect(m_loader, &LoadSession::accountNamesReceived, m_model, &AccountTableModel::addAccountNames);
    connect(m_loader, &LoadSession::accountNamesUnavailable, m_model,
            [this](const QString &reason, bool) { m_model->setNamesUnavailable(reason); });
    connect(m_model, &AccountTableModel::namesStateChanged, this, &MainWindow::showNameColumnsIfKnown);
    connect(m_loader, &LoadSession::ownEnrollmentFailed, m_summary, &OwnEnrollmentSummary::showError);
    connect(m_pages, &PageQueue::pagesAppended, this, &MainWindow::updateState);
    connect(m_pages, &PageQueue::drained, this, [this] {
        if (m_state == LoadState::Loading && m_stateAfterPages != LoadState::Loading)
            endLoad();
    });
    connect(m_model, &AccountTableModel::countsChanged, this, [this] { m_filterBar->setCounts(m_model->counts()); });
    // Not on the proxy's row signals: a sorted page arrives as many small insertions, one update is enough.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateState);

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
    return m_state == LoadState::Loading;
}

void MainWindow::createActions()
{
    m_refreshAction = new QAction(tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_refreshAction->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refreshAction->setToolTip(tr("Load every member account again (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_cancelAction = new QAction(tr("&Cancel"), this);
    m_cancelAction->setObjectName(QStringLiteral("cancelAction"));
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    m_cancelAction->setToolTip(tr("Stop loading and keep the accounts loaded so far (Esc)"));
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelLoading);

    m_exportAction = new QAction(tr("&Export…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_exportAction->setToolTip(tr("Save the accounts as a CSV file (Ctrl+E)"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportWithDialog);

    m_copyAction = new QAction(tr("&Copy rows"), this);
    m_copyAction->setObjectName(QStringLiteral("copyAction"));
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyAction->setToolTip(tr("Copy the selected rows as tab-separated text (Ctrl+C)"));
    connect(m_copyAction, &QAction::triggered, this, &MainWindow::copySelectedRows);

    m_findAction = new QAction(tr("&Find"), this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(m_findAction);
}

void MainWindow::createToolBar()
{
    auto *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setAccessibleName(tr("Main toolbar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *profileLabel = new QLabel(tr("&Profile"), toolBar);
    profileLabel->setObjectName(QStringLiteral("profileLabel"));
    profileLabel->setContentsMargins(4, 0, 4, 0);
    m_profileBox = new QComboBox(toolBar);
    m_profileBox->setObjectName(QStringLiteral("profilePicker"));
    m_profileBox->setAccessibleName(tr("AWS profile"));
    m_profileBox->setMinimumContentsLength(14);
    m_profileBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    profileLabel->setBuddy(m_profileBox);
    if (m_setup.demo) {
        m_profileBox->addItem(tr("Demo organization"));
        m_profileBox->setEnabled(false);
        m_profileBox->setToolTip(tr("The demo shows a simulated organization; no AWS profile is used."));
    } else {
        for (const ProfileChoice &choice : std::as_const(m_setup.profiles))
            m_profileBox->addItem(choice.label, choice.profile);
        m_profileBox->setToolTip(tr("Profiles from your AWS config and credentials files"));
    }
    toolBar->addWidget(profileLabel);
    toolBar->addWidget(m_profileBox);

    auto *regionLabel = new QLabel(tr("Re&gion"), toolBar);
    regionLabel->setObjectName(QStringLiteral("regionLabel"));
    regionLabel->setContentsMargins(10, 0, 4, 0);
    m_regionBox = new QComboBox(toolBar);
    m_regionBox->setObjectName(QStringLiteral("regionPicker"));
    m_regionBox->setAccessibleName(tr("AWS Region"));
    m_regionBox->setEditable(true);
    m_regionBox->setInsertPolicy(QComboBox::NoInsert);
    m_regionBox->addItems(CommonRegions);
    m_regionBox->setMinimumContentsLength(14);
    m_regionBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_regionBox->lineEdit()->setPlaceholderText(tr("from profile"));
    m_regionBox->lineEdit()->setAccessibleName(tr("AWS Region"));
    m_regionBox->setToolTip(tr("The Region to ask; leave empty to use the profile's region"));
    m_regionBox->setCurrentIndex(-1);
    regionLabel->setBuddy(m_regionBox);
    if (m_setup.demo) {
        m_regionBox->setEditText(QStringLiteral("us-east-1"));
        m_regionBox->setEnabled(false);
    }
    toolBar->addWidget(regionLabel);
    toolBar->addWidget(m_regionBox);
    toolBar->addSeparator();

    toolBar->addAction(m_refreshAction);
    toolBar->addAction(m_cancelAction);
    toolBar->addAction(m_exportAction);

    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);

    m_search = new QLineEdit(toolBar);
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setAccessibleName(tr("Search account ID, name, email or status reason"));
    m_search->setPlaceholderText(tr("Search ID, name, email or reason (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(fontMetrics().horizontalAdvance(m_search->placeholderText()) + 48);
    m_search->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &AccountFilterProxyModel::setSearchText);
    connect(m_proxy, &AccountFilterProxyModel::filterChanged, this, &MainWindow::onFilterChanged);
    toolBar->addWidget(m_search);

    for (QAction *action : {m_refreshAction, m_cancelAction, m_exportAction}) {
        if (QWidget *button = toolBar->widgetForAction(action)) {
            button->setObjectName(action->objectName() + QStringLiteral("Button"));
            button->setAccessibleName(action->text().remove(u'&').remove(QStringLiteral("…")));
        }
    }
}

void MainWindow::createCentralArea()
{
    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralArea"));
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setSpacing(6);

    if (m_setup.demo) {
        m_demoBanner = new NoticeBanner(NoticeBanner::Kind::Information, central);
        m_demoBanner->setObjectName(QStringLiteral("demoBanner"));
        m_demoBanner->setAccessibleName(tr("Demo notice"));
        m_demoBanner->showNotice(tr("Demo organization — simulated data, not your AWS account"),
                                 tr("Made-up member accounts served from this computer, with the occasional "
                                    "throttled request. Run without --demo to see your own organization."));
        layout->addWidget(m_demoBanner);
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

    m_filterBar = new StatusFilterBar(central);
    connect(m_filterBar, &StatusFilterBar::filterChanged, this, [this](const StatusFilter &filter) {
        m_proxy->setStatusFilter(filter);
        m_settings.setStatusFilter(filter);
    });
    layout->addWidget(m_filterBar);

    m_table = new QTableView(central);
    m_table->setObjectName(QStringLiteral("accountTable"));
    m_table->setAccessibleName(tr("Member accounts"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(AccountTableModel::StatusColumn, new StatusDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setCornerButtonEnabled(false);
    // Uniform rows: the view never measures 100,000 rows to lay them out.
    QHeaderView *rows = m_table->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 8);
    rows->hide();
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setObjectName(QStringLiteral("accountTableHeader"));
    columns->setHighlightSections(false);
    columns->setSectionsMovable(false);
    columns->setStretchLastSection(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->addAction(m_copyAction);
    m_table->addAction(m_exportAction);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_emptyState = new EmptyStatePanel(central);
    connect(m_emptyState, &EmptyStatePanel::actionTriggered, this, [this] {
        switch (m_state) {
        case LoadState::Loaded:
        case LoadState::Loading:
            showAllRows();
            break;
        case LoadState::Failed:
            retry();
            break;
        default:
            refresh();
            break;
        }
    });

    m_stack = new QStackedWidget(central);
    m_stack->setObjectName(QStringLiteral("tableStack"));
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_emptyState);
    layout->addWidget(m_stack, 1);

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
    QWidget *chain[] = {m_profileBox,
                        m_regionBox,
                        m_search,
                        m_filterBar->checkBox(EnrollmentStatus::Active),
                        m_filterBar->checkBox(EnrollmentStatus::Inactive),
                        m_filterBar->checkBox(EnrollmentStatus::Pending),
                        m_filterBar->checkBox(EnrollmentStatus::Failed),
                        m_filterBar->checkBox(EnrollmentStatus::Other),
                        m_incompleteBanner->actionButton(),
                        m_table,
                        m_emptyState->actionButton()};
    for (std::size_t i = 0; i + 1 < std::size(chain); ++i)
        setTabOrder(chain[i], chain[i + 1]);
}

void MainWindow::restoreSettings()
{
    const StatusFilter filter = m_settings.statusFilter();
    m_filterBar->setFilter(filter);
    m_proxy->setStatusFilter(filter);

    if (!m_setup.demo) {
        std::optional<QString> profile;
        if (!m_setup.initialProfile.isEmpty()) {
            profile = m_setup.initialProfile;
            // --profile names one the files do not list (yet): offer it anyway, Refresh will explain.
            if (m_profileBox->findData(*profile) < 0)
                m_profileBox->addItem(*profile, *profile);
        } else if (const QString remembered = m_settings.profile(); !remembered.isEmpty()) {
            profile = remembered == NoProfileNameKey ? QString() : remembered;
        }
        if (profile) {
            const int index = m_profileBox->findData(*profile);
            if (index >= 0)
                m_profileBox->setCurrentIndex(index);
        }

        const QString region = m_setup.initialRegion.isEmpty() ? m_settings.region() : m_setup.initialRegion;
        m_regionBox->setEditText(region);
    }

    QHeaderView *columns = m_table->horizontalHeader();
    if (!columns->restoreState(m_settings.tableHeader())) {
        // Measured from sample text, never ResizeToContents: that would read every row.
        const QFontMetrics metrics = m_table->fontMetrics();
        const int padding = metrics.horizontalAdvance(u'M') * 2;
        const QDateTime sample(QDate(2024, 12, 28), QTime(23, 58, 59));
        columns->resizeSection(AccountTableModel::AccountIdColumn,
                               metrics.horizontalAdvance(QStringLiteral("000000000000")) + padding);
        columns->resizeSection(AccountTableModel::AccountNameColumn, metrics.horizontalAdvance(u'M') * 14);
        columns->resizeSection(AccountTableModel::EmailColumn, metrics.horizontalAdvance(u'M') * 16);
        columns->resizeSection(AccountTableModel::StatusColumn,
                               metrics.horizontalAdvance(QStringLiteral("Inactive")) + metrics.height() + padding);
        columns->resizeSection(AccountTableModel::StatusReasonColumn, metrics.horizontalAdvance(u'M') * 36);
        columns->resizeSection(AccountTableModel::LastUpdatedColumn,
                               metrics.horizontalAdvance(QLocale().toString(sample, QLocale::ShortFormat)) + padding);
        columns->setSortIndicator(AccountTableModel::AccountIdColumn, Qt::AscendingOrder);
    }
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSectionResizeMode(AccountTableModel::StatusReasonColumn, QHeaderView::Stretch);
    m_table->setSortingEnabled(true);
    showNameColumnsIfKnown();

    if (!restoreGeometry(m_settings.geometry()))
        resize(1180, 720);
    restoreState(m_settings.windowState());
}

void MainWindow::saveSettings()
{
    m_settings.setGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.setTableHeader(m_table->horizontalHeader()->saveState());
    m_settings.setStatusFilter(m_filterBar->filter());
    if (!m_setup.demo) {
        const QString profile = selectedProfile();
        m_settings.setProfile(profile.isEmpty() && m_profileBox->count() > 0 ? NoProfileNameKey : profile);
        m_settings.setRegion(selectedRegion());
    }
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // On X11 a line edit keeps Ctrl+E for "end of line"; in the search box Export must win.
    if (watched == m_search && event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->keyCombination() == m_exportAction->shortcut()[0]) {
            event->ignore();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

QString MainWindow::selectedProfile() const
{
    return m_setup.demo ? QString() : m_profileBox->currentData().toString();
}

QString MainWindow::selectedRegion() const
{
    return m_regionBox->currentText().trimmed();
}

void MainWindow::refresh()
{
    const QString profile = selectedProfile();
    const QString region = selectedRegion();
    if (!m_setup.demo) {
        m_settings.setProfile(profile.isEmpty() ? NoProfileNameKey : profile);
        m_settings.setRegion(region);
        if (!region.isEmpty() && m_regionBox->findText(region) < 0)
            m_regionBox->addItem(region);
    }

    m_loader->cancel();
    m_pages->clear();
    m_model->clear();
    m_stateAfterPages = LoadState::Loading;
    m_notice->hide();
    m_failure = {};
    m_queryError.clear();
    m_loadedAt = {};
    if (m_setup.demo)
        m_loadedProfileText = tr("demo organization");
    else if (!profile.isEmpty())
        m_loadedProfileText = tr("profile %1").arg(profile);
    else if (m_profileBox->currentText() == QCoreApplication::translate("ProfileChoice", "Environment"))
        m_loadedProfileText = tr("environment credentials");
    else
        m_loadedProfileText = tr("default credentials");

    auto query = m_setup.queryFactory ? m_setup.queryFactory(profile, region)
                                      : Expected<EnrollmentQuery>(Unexpected{tr("Nothing to load from.")});
    if (!query) {
        m_state = LoadState::QueryFailed;
        m_queryError = query.error();
        m_loadedRegion = region;
        m_summary->clear();
        m_progress->stop();
        updateState();
        return;
    }
    m_loadedRegion = query->signingRegion;
    if (query->includeAccountNames && query->organizations.isValid())
        m_model->expectAccountNames();
    m_state = LoadState::Loading;
    m_progress->start();
    m_summary->showLoading();
    m_loader->start(query.value());
    m_loader->fetchOwnEnrollment(query.value());
    updateState();
}

void MainWindow::cancelLoading()
{
    if (m_state != LoadState::Loading)
        return;
    m_loader->cancel(); // ends the run at once; later pages of this run are dropped
}

void MainWindow::retry()
{
    if (m_state == LoadState::Failed && m_loader->canResume()) {
        m_state = LoadState::Loading;
        m_failure = {};
        m_progress->resume();
        m_loader->resume();
        updateState();
        return;
    }
    refresh();
}

void MainWindow::onPage(const QList<AccountEnrollment> &accounts)
{
    m_pages->enqueue(accounts);
}

void MainWindow::onProgress(const FetchProgress &progress)
{
    m_progress->setProgress(progress);
}

// The session decides how the load ended; the window only shows it.
void MainWindow::onEnded(const LoadOutcome &outcome)
{
    switch (outcome.state) {
    case LoadOutcome::State::Complete: onFinished(); break;
    case LoadOutcome::State::Incomplete: onFailed(outcome.failure); break;
    case LoadOutcome::State::Cancelled: onCancelled(); break;
    }
}

void MainWindow::onFinished()
{
    m_stateAfterPages = LoadState::Loaded;
    if (m_pages->isEmpty())
        endLoad();
}

void MainWindow::onFailed(const FetchFailure &failure)
{
    m_failure = failure;
    m_stateAfterPages = LoadState::Failed;
    if (m_pages->isEmpty())
        endLoad();
}

void MainWindow::endLoad()
{
    m_state = m_stateAfterPages;
    m_stateAfterPages = LoadState::Loading;
    if (m_state == LoadState::Loaded)
        m_loadedAt = QDateTime::currentDateTime();
    m_progress->stop();
    updateState();
}

void MainWindow::onCancelled()
{
    if (m_state != LoadState::Loading)
        return;
    // Stop means stop: pages that arrived but are not in the table yet are dropped with the rest.
    m_pages->clear();
    m_stateAfterPages = LoadState::Loading;
    m_state = LoadState::Cancelled;
    m_progress->stop();
    updateState();
}

void MainWindow::onFilterChanged()
{
    updateState();
}

void MainWindow::showAllRows()
{
    m_search->clear();
    m_filterBar->setFilter(StatusFilter::all());
    m_proxy->setStatusFilter(StatusFilter::all());
    m_settings.setStatusFilter(StatusFilter::all());
}

bool MainWindow::isAccessDenied() const
{
    return m_state == LoadState::Failed && m_failure.kind == FetchFailure::Kind::AccessDenied;
}

bool MainWindow::isIncomplete() const
{
    return m_state == LoadState::Loading || m_state == LoadState::Failed || m_state == LoadState::Cancelled;
}

void MainWindow::updateState()
{
    updateBanner();
    updateEmptyState();
    updateFooter();
    updateActions();
}

void MainWindow::updateBanner()
{
    const int loaded = m_model->rowCount();
    if (m_state == LoadState::Failed && loaded > 0) {
        const bool resumable = m_loader->canResume();
        m_incompleteBanner->setKind(NoticeBanner::Kind::Warning);
        const QString title = isAccessDenied()
            ? tr("The list is incomplete: access was denied after %1 had loaded.").arg(accounts(loaded))
            : tr("The list is incomplete: %1 loaded before an error.").arg(accounts(loaded));
        m_incompleteBanner->showNotice(title, m_failure.message,
                                       resumable ? tr("Retry from page %1").arg(m_failure.pagesLoaded + 1)
                                                 : tr("Load again"));
        m_incompleteBanner->actionButton()->setToolTip(resumable
                                                           ? tr("Ask again for the page that failed; the accounts "
                                                                "already loaded stay.")
                                                           : tr("Start over from the first page."));
    } else if (m_state == LoadState::Cancelled && loaded > 0) {
        m_incompleteBanner->setKind(NoticeBanner::Kind::Information);
        m_incompleteBanner->showNotice(
            tr("Loading was cancelled: the list shows only the %1 loaded so far.").arg(accounts(loaded)),
            tr("Refresh to load the whole list."), tr("Load again"));
        m_incompleteBanner->actionButton()->setToolTip(tr("Start over from the first page."));
    } else {
        m_incompleteBanner->hide();
    }
}

void MainWindow::updateEmptyState()
{
    if (m_proxy->rowCount() > 0) {
        m_stack->setCurrentWidget(m_table);
        return;
    }
    if (m_model->rowCount() > 0) {
        m_emptyState->showState(tr("No loaded account matches the filter"),
                                tr("Tick more statuses above, or clear the search."), tr("Show all accounts"));
    } else {
        switch (m_state) {
        case LoadState::NotLoaded:
            m_emptyState->showState(m_setup.demo ? tr("The demo organization is ready") : tr("No accounts loaded yet"),
                                    m_setup.demo ? tr("Press Refresh (F5) to load its member accounts.")
                                                 : tr("Choose a profile and a Region, then press Refresh (F5)."),
                                    tr("Refresh"));
            break;
        case LoadState::QueryFailed:
            m_emptyState->showState(tr("Cannot load the accounts yet"), m_queryError, tr("Try again"));
            break;
        case LoadState::Loading:
            m_emptyState->showState(tr("Loading member accounts…"),
                                    tr("The first page is on its way. Press Esc to stop."));
            break;
        case LoadState::Loaded:
            m_emptyState->showState(tr("No member accounts to show"),
                                    tr("Compute Optimizer returned an empty list for %1 in %2.")
                                        .arg(m_loadedProfileText, m_loadedRegion));
            break;
        case LoadState::Failed:
            if (isAccessDenied()) {
                m_emptyState->showState(tr("This profile cannot list the organization's accounts"),
                                        m_failure.message
                                            + tr("\n\nYour own account's enrollment is shown above when it could "
                                                 "be read."),
                                        tr("Retry"));
            } else {
                m_emptyState->showState(tr("Could not load the accounts"), m_failure.message, tr("Retry"));
                m_emptyState->offerCommand(m_failure.suggestedCommand);
            }
            break;
        case LoadState::Cancelled:
            m_emptyState->showState(tr("Loading was cancelled"),
                                    tr("No accounts had arrived yet. Press Refresh (F5) to load the list."),
                                    tr("Refresh"));
            break;
        }
    }
    m_stack->setCurrentWidget(m_emptyState);
}

void MainWindow::updateFooter()
{
    const QLocale locale;
    const int total = m_model->rowCount();
    if (m_state == LoadState::NotLoaded || m_state == LoadState::QueryFailed) {
        m_footer->setText(tr("No accounts loaded"));
        return;
    }
    QString text = tr("Showing %1 of %2 accounts").arg(locale.toString(m_proxy->rowCount()), locale.toString(total));
    switch (m_state) {
    case LoadState::Loading:
        text += Separator + tr("loading…");
        break;
    case LoadState::Loaded:
        text += Separator + tr("loaded %1").arg(locale.toString(m_loadedAt.time(), QLocale::ShortFormat));
        break;
    case LoadState::Failed:
        text += Separator + tr("incomplete");
        break;
    case LoadState::Cancelled:
        text += Separator + tr("cancelled, incomplete");
        break;
    default:
        break;
    }
    text += Separator + m_loadedProfileText;
    if (!m_loadedRegion.isEmpty())
        text += Separator + m_loadedRegion;
    m_footer->setText(text);
    m_footer->setToolTip(m_state == LoadState::Loaded
                             ? tr("Loaded %1").arg(locale.toString(m_loadedAt, QLocale::LongFormat))
                             : QString());
}

void MainWindow::updateActions()
{
    m_cancelAction->setEnabled(m_state == LoadState::Loading);
    m_exportAction->setEnabled(m_model->rowCount() > 0);
}

void MainWindow::notify(NoticeBanner::Kind kind, const QString &title, const QString &detail)
{
    m_notice->setKind(kind);
    m_notice->showNotice(title, detail);
}

Expected<int> MainWindow::exportCsv(const QString &path, ExportScope scope)
{
    const QList<AccountEnrollment> accounts = scope == ExportScope::AllRows ? m_model->accounts()
                                                                            : m_proxy->visibleAccounts();
    auto written = exportAccountsAsCsv(path, accounts, m_model->namesForExport());
    if (!written) {
        notify(NoticeBanner::Kind::Error, tr("Export failed"), written.error());
        return written;
    }
    const QLocale locale;
    QString detail = QDir::toNativeSeparators(path);
    if (isIncomplete())
        detail += u'\n'
            + tr("The list was incomplete when exported: %1 accounts had loaded.").arg(locale.toString(m_model->rowCount()));
    notify(NoticeBanner::Kind::Information,
           scope == ExportScope::AllRows
               ? tr("Exported all %1 loaded accounts.").arg(locale.toString(written.value()))
               : tr("Exported the %1 accounts shown.").arg(locale.toString(written.value())),
           detail);
    return written;
}

void MainWindow::exportWithDialog()
{
    if (m_model->rowCount() == 0) {
        notify(NoticeBanner::Kind::Information, tr("Nothing to export yet"), tr("Press Refresh (F5) to load the accounts first."));
        return;
    }
    if (isIncomplete()) {
        const QString why = m_state == LoadState::Loading
            ? tr("The list is still loading: %1 so far.").arg(accounts(m_model->rowCount()))
            : tr("The list is incomplete: only %1 loaded.").arg(accounts(m_model->rowCount()));
        QMessageBox question(QMessageBox::Warning, tr("Export an incomplete list?"), why,
                             QMessageBox::NoButton, this);
        question.setObjectName(QStringLiteral("incompleteExportQuestion"));
        question.setInformativeText(tr("The file will hold only these accounts."));
        QPushButton *exportAnyway = question.addButton(tr("Export anyway"), QMessageBox::AcceptRole);
        question.addButton(QMessageBox::Cancel);
        question.exec();
        if (question.clickedButton() != exportAnyway)
            return;
    }
    if (m_exportFolder.isEmpty()) {
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        m_exportFolder = QDir(documents).exists() ? documents : QDir::homePath();
    }
    const QString name = QStringLiteral("compute-optimizer-enrollment-%1.csv")
                             .arg(QDate::currentDate().toString(Qt::ISODate));
    const auto choice = askForCsvExport(this, m_exportFolder, name, m_lastExportScope);
    if (!choice)
        return;
    m_lastExportScope = choice->scope;
    m_exportFolder = QFileInfo(choice->path).absolutePath();
    exportCsv(choice->path, choice->scope);
}

void MainWindow::copySelectedRows()
{
    QModelIndexList selected = m_table->selectionModel()->selectedRows();
    std::sort(selected.begin(), selected.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<AccountEnrollment> accounts;
    accounts.reserve(selected.size());
    for (const QModelIndex &index : std::as_const(selected)) {
        if (const AccountEnrollment *account = m_proxy->accountAt(index.row()))
            accounts.append(*account);
    }
    if (accounts.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(accountsAsTabSeparatedText(accounts, m_model->namesForExport()));
}

void MainWindow::showNameColumnsIfKnown()
{
    using NamesState = AccountTableModel::NamesState;
    const NamesState state = m_model->namesState();
    const bool show = state == NamesState::Loading || state == NamesState::Available;
    m_table->setColumnHidden(AccountTableModel::AccountNameColumn, !show);
    m_table->setColumnHidden(AccountTableModel::EmailColumn, !show);
}
