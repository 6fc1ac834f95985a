#pragma once

#include "common/expected.h"
#include "csvexportdialog.h"
#include "network/enrollmentquery.h"
#include "network/fetchprogress.h"
#include "network/ownenrollment.h"
#include "noticebanner.h"
#include "windowsettings.h"
#include "windowsetup.h"

#include <QDateTime>
#include <QMainWindow>

class AccountFilterProxyModel;
class AccountTableModel;
class EmptyStatePanel;
class LoadSession;
struct LoadOutcome;
class LoadProgressWidget;
class OwnEnrollmentSummary;
class PageQueue;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;
class StatusFilterBar;
struct AccountEnrollment;

// The window: pick a profile and region, load every member account's enrollment, filter, sort,
// copy and export. Loading runs on LoadSession's thread; this side only ever reacts to signals.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(WindowSetup setup, WindowSettings settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    void refresh();
    void cancelLoading();
    // Resumes from the page that failed when it can, and starts over when it cannot.
    void retry();
    // Writes the rows as shown (filtered and sorted) or every loaded row; says so in a notice.
    Expected<int> exportCsv(const QString &path, ExportScope scope);
    void showNameColumnsIfKnown();
    void copySelectedRows();

    AccountTableModel *accountModel() const { return m_model; }
    AccountFilterProxyModel *filterModel() const { return m_proxy; }
    bool isLoading() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class LoadState { NotLoaded, QueryFailed, Loading, Loaded, Failed, Cancelled };

    void createActions();
    void createToolBar();
    void createCentralArea();
    void createStatusBar();
    void setUpTabOrder();
    void restoreSettings();
    void saveSettings();

    void onPage(const QList<AccountEnrollment> &accounts);
    void onProgress(const FetchProgress &progress);
    void onEnded(const LoadOutcome &outcome);
    void onFinished();
    void onFailed(const FetchFailure &failure);
    void onCancelled();
    void endLoad();
    void onFilterChanged();
    void exportWithDialog();
    void showAllRows();

    void updateState();
    void updateBanner();
    void updateEmptyState();
    void updateFooter();
    void updateActions();
    void notify(NoticeBanner::Kind kind, const QString &title, const QString &detail);

    QString selectedProfile() const;
    QString selectedRegion() const;
    bool isAccessDenied() const;
    bool isIncomplete() const;

    WindowSetup m_setup;
    WindowSettings m_settings;

    AccountTableModel *m_model = nullptr;
    AccountFilterProxyModel *m_proxy = nullptr;
    LoadSession *m_loader = nullptr;
    PageQueue *m_pages = nullptr;

    QComboBox *m_profileBox = nullptr;
    QComboBox *m_regionBox = nullptr;
    QLineEdit *m_search = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_findAction = nullptr;

    NoticeBanner *m_demoBanner = nullptr;
    OwnEnrollmentSummary *m_summary = nullptr;
    NoticeBanner *m_incompleteBanner = nullptr;
    NoticeBanner *m_notice = nullptr;
    StatusFilterBar *m_filterBar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    EmptyStatePanel *m_emptyState = nullptr;
    LoadProgressWidget *m_progress = nullptr;
    QLabel *m_footer = nullptr;

    LoadState m_state = LoadState::NotLoaded;
    // The loader is done, but pages still wait in m_pages: the state changes once they are in.
    LoadState m_stateAfterPages = LoadState::Loading;
    QString m_queryError;
    FetchFailure m_failure;
    QDateTime m_loadedAt;
    QString m_loadedProfileText;
    QString m_loadedRegion;
    ExportScope m_lastExportScope = ExportScope::VisibleRows;
    QString m_exportFolder;
};
