#include "exportflow.h"

#include "accountfilterproxymodel.h"
#include "countwording.h"
#include "enrollment/accounttablemodel.h"
#include "loadtracker.h"
#include "noticebanner.h"
#include "tableexport.h"
#include "windowsettings.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QThreadPool>

#include <optional>

namespace {

QString accounts(int count)
{
    return countOf(count, ExportFlow::tr("account"), ExportFlow::tr("accounts"));
}

} // namespace

ExportFlow::ExportFlow(AccountTableModel *model, AccountFilterProxyModel *proxy, const LoadTracker *load,
                       NoticeBanner *notice, QWidget *window, WindowSettings *settings)
    : QObject(window)
    , m_model(model)
    , m_proxy(proxy)
    , m_load(load)
    , m_notice(notice)
    , m_window(window)
    , m_settings(settings)
{
    if (!m_settings)
        return;
    m_folder = m_settings->exportFolder();
    const int type = m_settings->exportFileType();
    if (type >= int(ExportFileType::Workbook) && type <= int(ExportFileType::ExcelCsv))
        m_lastType = ExportFileType(type);
    if (m_settings->exportScope() == int(ExportScope::AllRows))
        m_lastScope = ExportScope::AllRows;
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
    if (m_folder.isEmpty() || !QDir(m_folder).exists()) {
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        m_folder = QDir(documents).exists() ? documents : QDir::homePath();
    }
    const QString name = QStringLiteral("compute-optimizer-enrollment-%1").arg(QDate::currentDate().toString(Qt::ISODate));
    auto *dialog = new ExportDialog(m_window, m_folder, name, m_lastType, m_lastScope);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const auto recount = [this, dialog] { dialog->setRowCounts(m_proxy->rowCount(), m_model->rowCount()); };
    recount();
    connect(m_model, &QAbstractItemModel::rowsInserted, dialog, recount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, dialog, recount);
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        m_dialog = nullptr;
        const ExportChoice choice = dialog->choice();
        if (choice.target.path.isEmpty())
            return;
        m_lastScope = choice.scope;
        m_lastType = dialog->fileType();
        m_folder = QFileInfo(choice.target.path).absolutePath();
        if (m_settings) {
            m_settings->setExportFolder(m_folder);
            m_settings->setExportFileType(int(m_lastType));
            m_settings->setExportScope(int(m_lastScope));
        }
        writeInBackground(choice.target, choice.scope);
    });
    m_dialog = dialog;
    dialog->open();
}

ExportLoad ExportFlow::describeLoad(ExportScope scope) const
{
    const LoadStatus &status = m_load->status();
    ExportLoad load;
    load.profile = status.profileText;
    load.region = status.region;
    if (scope == ExportScope::VisibleRows && m_proxy->rowCount() != m_model->rowCount())
        load.rowSelection = tr("Visible rows only: %1 of %2, as filtered in the window")
                                .arg(accounts(m_proxy->rowCount()), accounts(m_model->rowCount()));
    load.loadedAtUtc = status.loadedAt.isValid() ? status.loadedAt.toUTC() : QDateTime::currentDateTimeUtc();
    load.complete = !status.isIncomplete();
    if (!load.complete)
        load.incompleteReason = whyIncomplete();
    load.applicationVersion = QCoreApplication::applicationVersion();
    return load;
}

Expected<int> ExportFlow::exportTo(const QString &path, ExportScope scope)
{
    return exportTo(ExportTarget{path, exportFormatForFileName(path), false}, scope);
}

Expected<int> ExportFlow::exportTo(const ExportTarget &target, ExportScope scope)
{
    const QList<AccountEnrollment> rows = scope == ExportScope::AllRows ? m_model->accounts()
                                                                        : m_proxy->visibleAccounts();
    const ExportLoad load = describeLoad(scope);
    const Expected<int> written
        = exportAccounts(target, rows, m_model->namesForExport(), load, &m_model->organizationTree());
    showResult(written, target, scope, load, m_model->rowCount());
    return written;
}

// A workbook of 100,000 accounts takes a second to write: the window keeps taking pages meanwhile.
// The worker gets copies (Qt's containers share their data until the table changes its own).
void ExportFlow::writeInBackground(const ExportTarget &target, ExportScope scope)
{
    const QList<AccountEnrollment> rows = scope == ExportScope::AllRows ? m_model->accounts()
                                                                        : m_proxy->visibleAccounts();
    const AccountNames *known = m_model->namesForExport();
    const std::optional<AccountNames> names = known ? std::optional<AccountNames>(*known) : std::nullopt;
    const ExportLoad load = describeLoad(scope);
    const OrganizationTree tree = m_model->organizationTree();
    const int loaded = m_model->rowCount();
    m_writing = true;
    notify(NoticeBanner::Kind::Information, tr("Exporting %1…").arg(accounts(int(rows.size()))),
           QDir::toNativeSeparators(target.path));
    QPointer<ExportFlow> self(this);
    QThreadPool::globalInstance()->start([self, target, scope, rows, names, load, loaded, tree] {
        const Expected<int> written = exportAccounts(target, rows, names ? &*names : nullptr, load, &tree);
        QMetaObject::invokeMethod(
            self.data(),
            [self, written, target, scope, load, loaded] {
                if (!self)
                    return;
                self->m_writing = false;
                self->showResult(written, target, scope, load, loaded);
                Q_EMIT self->written(written);
            },
            Qt::QueuedConnection);
    });
}

void ExportFlow::showResult(const Expected<int> &written, const ExportTarget &target, ExportScope scope,
                            const ExportLoad &load, int loaded)
{
    if (!written) {
        notify(NoticeBanner::Kind::Error, tr("Export failed"), written.error());
        return;
    }
    const QLocale locale;
    QString detail = QDir::toNativeSeparators(target.path);
    if (!load.complete)
        detail += u'\n'
            + tr("The list was incomplete when exported: %1 accounts had loaded.").arg(locale.toString(loaded));
    notify(NoticeBanner::Kind::Information,
           scope == ExportScope::AllRows ? tr("Exported all %1 loaded accounts.").arg(locale.toString(written.value()))
                                         : tr("Exported the %1 accounts shown.").arg(locale.toString(written.value())),
           detail);
}

void ExportFlow::notify(NoticeBanner::Kind kind, const QString &title, const QString &detail)
{
    m_notice->setKind(kind);
    m_notice->showNotice(title, detail);
}
