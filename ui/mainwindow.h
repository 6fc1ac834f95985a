#pragma once

#include "common/expected.h"
#include "exportdialog.h"
#include "windowactions.h"
#include "windowsettings.h"
#include "windowsetup.h"

#include <QMainWindow>

#include <optional>

class AccountFilterBar;
class AccountFilterProxyModel;
class AccountSearchBox;
class AccountTable;
class AccountTableModel;
class EmptyStatePanel;
class ExportFlow;
class LoadProgressWidget;
class LoadSession;
class LoadTracker;
class NoticeBanner;
class OptInFlow;
class OrganizationTreePane;
class OwnEnrollmentSummary;
class PageQueue;
class ProfileRegionPicker;
class QLabel;
class QSplitter;
class QStackedWidget;
class QVBoxLayout;

// The window: pick a profile and region, load every member account's enrollment, filter, sort,
// copy and export. It puts the parts together; loading runs on LoadSession's thread, and how a load
// ended is the session's word, which LoadTracker passes on.
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

    AccountTableModel *accountModel() const { return m_model; }
    AccountFilterProxyModel *filterModel() const { return m_proxy; }
    bool isLoading() const;
    OptInFlow *optInFlow() const { return m_optIn; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void connectActions();
    void connectLoad();
    void createToolBar();
    void createCentralArea();
    void createBanners(QWidget *central, QVBoxLayout *layout);
    void createStatusBar();
    void setUpTabOrder();
    void restoreSettings();
    void saveSettings();

    // After an opt-in: the list again into the same rows, and the own-enrollment summary.
    void rereadInPlace();
    void onEmptyStateAction();
    void showAllRows();

    void updateState();
    void updateBanner();
    void updateEmptyState();
    void updateFooter();

    WindowSetup m_setup;
    WindowSettings m_settings;

    AccountTableModel *m_model = nullptr;
    AccountFilterProxyModel *m_proxy = nullptr;
    LoadSession *m_loader = nullptr;
    PageQueue *m_pages = nullptr;
    LoadTracker *m_load = nullptr;
    // The load asked for every status, so an account missing from the list is Not listed.
    bool m_loadedEveryStatus = false;

    WindowActions m_actions;
    ProfileRegionPicker *m_picker = nullptr;
    AccountSearchBox *m_search = nullptr;

    OwnEnrollmentSummary *m_summary = nullptr;
    NoticeBanner *m_incompleteBanner = nullptr;
    NoticeBanner *m_notice = nullptr;
    AccountFilterBar *m_filters = nullptr;
    OrganizationTreePane *m_treePane = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_stack = nullptr;
    AccountTable *m_table = nullptr;
    EmptyStatePanel *m_emptyState = nullptr;
    LoadProgressWidget *m_progress = nullptr;
    QLabel *m_footer = nullptr;
    ExportFlow *m_export = nullptr;
    NoticeBanner *m_optInNotice = nullptr;
    OptInFlow *m_optIn = nullptr;
    std::optional<EnrollmentQuery> m_lastQuery;
};
