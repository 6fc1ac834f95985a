#pragma once

#include "common/expected.h"
#include "csvexportdialog.h"
#include "noticebanner.h"

#include <QObject>
#include <QPointer>

class AccountFilterProxyModel;
class AccountTableModel;
class LoadTracker;
class QDialog;

// Export…: when the list is incomplete, whether to export it anyway; then where to save and which
// rows; then the file, and a notice saying what it holds. Every question is a window-modal dialog
// opened with open(): pages keep arriving into the table while it is up.
class ExportFlow : public QObject
{
    Q_OBJECT

public:
    ExportFlow(AccountTableModel *model, AccountFilterProxyModel *proxy, const LoadTracker *load,
               NoticeBanner *notice, QWidget *window);

    void start();
    // Writes the rows as shown (filtered and sorted) or every loaded row; says so in the notice.
    Expected<int> exportTo(const QString &path, ExportScope scope);

    // The question or the save dialog that is up, if any.
    QDialog *openDialog() const;

private:
    void askToExportIncomplete();
    void askForFile();
    QString whyIncomplete() const;
    void notify(NoticeBanner::Kind kind, const QString &title, const QString &detail);

    AccountTableModel *m_model;
    AccountFilterProxyModel *m_proxy;
    const LoadTracker *m_load;
    NoticeBanner *m_notice;
    QWidget *m_window;
    QPointer<QDialog> m_dialog;
    ExportScope m_lastScope = ExportScope::VisibleRows;
    QString m_folder;
};
