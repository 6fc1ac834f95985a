#include "exportflow.h"

#include "accountfilterproxymodel.h"
#include "countwording.h"
#include "enrollment/accounttablemodel.h"
#include "loadtracker.h"
#include "noticebanner.h"
#include "tableexport.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

namespace {

QString accounts(int count)
{
    return countOf(count, ExportFlow::tr("account"), ExportFlow::tr("accounts"));
}

} // namespace

ExportFlow::ExportFlow(AccountTableModel *model, AccountFilterProxyModel *proxy, const LoadTracker *load,
                       NoticeBanner *notice, QWidget *window)
    : QObject(window)
    , m_model(model)
    , m_proxy(proxy)
    , m_load(load)
    , m_notice(notice)
    , m_window(window)
{
}

QDialog *ExportFlow::openDialog() const
{
    return m_dialog;
}

void ExportFlow::start()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    if (m_model->rowCount() == 0) {
        notify(NoticeBanner::Kind::Information, tr("Nothing to export yet"),
               tr("Press Refresh (F5) to load the accounts first."));
        return;
    }
    if (m_load->status().isIncomplete())
        askToExportIncomplete();
    else
        askForFile();
}

QString ExportFlow::whyIncomplete() const
{
    const int loaded = m_model->rowCount();
    switch (m_load->state()) {
    case LoadStatus::State::Loading:
        return tr("The list is still loading: %1 so far.").arg(accounts(loaded));
    case LoadStatus::State::Loaded:
        return tr("The list has finished loading: %1.").arg(accounts(loaded));
    default:
        return tr("The list is incomplete: only %1 loaded.").arg(accounts(loaded));
    }
}

void ExportFlow::askToExportIncomplete()
{
    auto *question = new QMessageBox(QMessageBox::Warning, tr("Export an incomplete list?"), whyIncomplete(),
                                     QMessageBox::NoButton, m_window);
    question->setObjectName(QStringLiteral("incompleteExportQuestion"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->setInformativeText(tr("The file will hold only these accounts."));
    QPushButton *exportAnyway = question->addButton(tr("Export anyway"), QMessageBox::AcceptRole);
    exportAnyway->setObjectName(QStringLiteral("exportAnywayButton"));
    question->addButton(QMessageBox::Cancel);
    // The count goes on growing behind the question; say how many the file would hold now.
    const auto recount = [this, question] { question->setText(whyIncomplete()); };
    connect(m_model, &QAbstractItemModel::rowsInserted, question, recount);
    connect(m_load, &LoadTracker::changed, question, recount);
    connect(question, &QDialog::finished, this, [this, question, exportAnyway] {
        m_dialog = nullptr;
        if (question->clickedButton() == exportAnyway)
            askForFile();
    });
    m_dialog = question;
    question->open();
}

void ExportFlow::askForFile()
{
    if (m_folder.isEmpty()) {
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        m_folder = QDir(documents).exists() ? documents : QDir::homePath();
    }
    const QString name = QStringLiteral("compute-optimizer-enrollment-%1.csv")
                             .arg(QDate::currentDate().toString(Qt::ISODate));
    auto *dialog = new CsvExportDialog(m_window, m_folder, name, m_lastScope);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        m_dialog = nullptr;
        const CsvExportChoice choice = dialog->choice();
        if (choice.path.isEmpty())
            return;
        m_lastScope = choice.scope;
        m_folder = QFileInfo(choice.path).absolutePath();
        exportTo(choice.path, choice.scope);
    });
    m_dialog = dialog;
    dialog->open();
}

Expected<int> ExportFlow::exportTo(const QString &path, ExportScope scope)
{
    const QList<AccountEnrollment> rows = scope == ExportScope::AllRows ? m_model->accounts()
                                                                        : m_proxy->visibleAccounts();
    auto written = exportAccountsAsCsv(path, rows, m_model->namesForExport());
    if (!written) {
        notify(NoticeBanner::Kind::Error, tr("Export failed"), written.error());
        return written;
    }
    const QLocale locale;
    QString detail = QDir::toNativeSeparators(path);
    if (m_load->status().isIncomplete())
        detail += u'\n'
            + tr("The list was incomplete when exported: %1 accounts had loaded.")
                  .arg(locale.toString(m_model->rowCount()));
    notify(NoticeBanner::Kind::Information,
           scope == ExportScope::AllRows ? tr("Exported all %1 loaded accounts.").arg(locale.toString(written.value()))
                                         : tr("Exported the %1 accounts shown.").arg(locale.toString(written.value())),
           detail);
    return written;
}

void ExportFlow::notify(NoticeBanner::Kind kind, const QString &title, const QString &detail)
{
    m_notice->setKind(kind);
    m_notice->showNotice(title, detail);
}
