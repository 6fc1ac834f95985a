#pragma once

#include "common/expected.h"
#include "exportdialog.h"
#include "noticebanner.h"

#include <QObject>
#include <QPointer>

class AccountFilterProxyModel;
class AccountTableModel;
class LoadTracker;
class QDialog;
class WindowSettings;

// Export…: when the list is incomplete, whether to export it anyway; then where to save and which
// rows; then the file, and a notice saying what it holds. Every question is a window-modal dialog
// opened with open(): pages keep arriving into the table while it is up.
class ExportFlow : public QObject
{
    Q_OBJECT

public:
    // settings, when given, remember the last folder, file type and rows between runs.
    ExportFlow(AccountTableModel *model, AccountFilterProxyModel *proxy, const LoadTracker *load,
               NoticeBanner *notice, QWidget *window, WindowSettings *settings = nullptr);

    void start();
    // Writes the rows as shown (filtered and sorted) or every loaded row; says so in the notice.
    Expected<int> exportTo(const ExportTarget &target, ExportScope scope);
    // In the format the file's extension names.
    Expected<int> exportTo(const QString &path, ExportScope scope);

    // The question or the save dialog that is up, if any.
    QDialog *openDialog() const;
    // A file chosen in the dialog is being written on a worker thread.
    bool isWriting() const { return m_writing; }

Q_SIGNALS:
    // A file chosen in the dialog is written, or why not (the notice says so too).
    void written(const Expected<int> &accounts);

private:
    void askToExportIncomplete();
    void askForFile();
    QString whyIncomplete() const;
    ExportLoad describeLoad(ExportScope scope) const;
    void writeInBackground(const ExportTarget &target, ExportScope scope);
    void showResult(const Expected<int> &written, const ExportTarget &target, ExportScope scope,
                    const ExportLoad &load, int loaded);
    void notify(NoticeBanner::Kind kind, const QString &title, const QString &detail);

    AccountTableModel *m_model;
    AccountFilterProxyModel *m_proxy;
    const LoadTracker *m_load;
    NoticeBanner *m_notice;
    QWidget *m_window;
    QPointer<QDialog> m_dialog;
    WindowSettings *m_settings;
    ExportScope m_lastScope = ExportScope::VisibleRows;
    ExportFileType m_lastType = ExportFileType::Workbook;
    QString m_folder;
    bool m_writing = false;
};
