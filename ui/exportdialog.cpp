#include "exportdialog.h"

#include "countwording.h"

#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QMessageBox>

namespace {

QString suffixOf(ExportFileType type)
{
    return type == ExportFileType::Workbook ? QStringLiteral("xlsx") : QStringLiteral("csv");
}

} // namespace

QString exportFilterName(ExportFileType type)
{
    switch (type) {
    case ExportFileType::Workbook:
        return ExportDialog::tr("Excel workbook (*.xlsx)");
    case ExportFileType::Csv:
        return ExportDialog::tr("CSV (*.csv)");
    case ExportFileType::ExcelCsv:
        return ExportDialog::tr("Excel-compatible CSV, UTF-8 with byte-order mark (*.csv)");
    }
    return {};
}

ExportDialog::ExportDialog(QWidget *parent, const QString &folder, const QString &baseName, ExportFileType type,
                           ExportScope scope)
    : QFileDialog(parent, tr("Export accounts"))
    , m_rows(new QComboBox(this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setAccessibleName(windowTitle());
    setOption(QFileDialog::DontUseNativeDialog);
    setOption(QFileDialog::DontConfirmOverwrite); // accept() asks, and not in an event loop of its own
    setAcceptMode(QFileDialog::AcceptSave);
    setFileMode(QFileDialog::AnyFile);
    setNameFilters({exportFilterName(ExportFileType::Workbook), exportFilterName(ExportFileType::Csv),
                    exportFilterName(ExportFileType::ExcelCsv)});
    setDirectory(folder);

    m_rows->setObjectName(QStringLiteral("exportRows"));
    m_rows->addItem(tr("Visible rows, filtered and sorted as shown"), int(ExportScope::VisibleRows));
    m_rows->addItem(tr("All loaded rows"), int(ExportScope::AllRows));
    auto *label = new QLabel(tr("&Rows:"), this);
    label->setBuddy(m_rows);
    // Qt's own file dialog lays out in a grid; the row choice goes under "Files of type".
    if (auto *grid = qobject_cast<QGridLayout *>(layout())) {
        const int row = grid->rowCount();
        grid->addWidget(label, row, 0);
        grid->addWidget(m_rows, row, 1);
    }
    connect(this, &QFileDialog::filterSelected, this, [this, baseName] {
        const QString suffix = suffixOf(fileType());
        setDefaultSuffix(suffix);
        // The name follows the type, so the extension the user sees is the format written.
        const QString current = selectedFiles().value(0);
        const QString name = current.isEmpty() ? baseName : QFileInfo(current).completeBaseName();
        selectFile(name + u'.' + suffix);
    });
    setFileType(type);
    selectFile(baseName + u'.' + suffixOf(type));
    setScope(scope);
}

ExportFileType ExportDialog::fileType() const
{
    const QString filter = selectedNameFilter();
    for (const ExportFileType type : {ExportFileType::Workbook, ExportFileType::Csv, ExportFileType::ExcelCsv}) {
        if (filter == exportFilterName(type))
            return type;
    }
    return ExportFileType::Workbook;
}

void ExportDialog::setFileType(ExportFileType type)
{
    selectNameFilter(exportFilterName(type));
    setDefaultSuffix(suffixOf(type));
}

ExportScope ExportDialog::scope() const
{
    return ExportScope(m_rows->currentData().toInt());
}

void ExportDialog::setScope(ExportScope scope)
{
    m_rows->setCurrentIndex(m_rows->findData(int(scope)));
}

void ExportDialog::setRowCounts(int visible, int all)
{
    m_rows->setItemText(0, tr("Visible rows, filtered and sorted as shown (%1)")
                               .arg(countOf(visible, tr("account"), tr("accounts"))));
    m_rows->setItemText(1, tr("All loaded rows (%1)").arg(countOf(all, tr("account"), tr("accounts"))));
}

ExportChoice ExportDialog::choice() const
{
    ExportChoice choice;
    ExportTarget &target = choice.target;
    if (result() == QDialog::Accepted && !selectedFiles().isEmpty())
        target.path = selectedFiles().constFirst();
    choice.scope = scope();
    const ExportFileType type = fileType();
    // A typed extension wins over the list: accounts.csv is a CSV whatever was picked.
    const QString suffix = QFileInfo(target.path).suffix().toLower();
    if (suffix == u"xlsx" || suffix == u"csv" || suffix == u"json")
        target.format = exportFormatForFileName(target.path);
    else
        target.format = type == ExportFileType::Workbook ? ExportFormat::Xlsx : ExportFormat::Csv;
    target.byteOrderMark = target.format == ExportFormat::Csv && type == ExportFileType::ExcelCsv;
    return choice;
}

void ExportDialog::accept()
{
    const QStringList files = selectedFiles();
    const QString path = files.isEmpty() ? QString() : files.constFirst();
    const QFileInfo target(path);
    if (path.isEmpty() || !target.exists() || target.isDir() || path == m_replaceConfirmed) {
        QFileDialog::accept();
        return;
    }
    auto *question = new QMessageBox(QMessageBox::Warning, windowTitle(),
                                     tr("%1 already exists.\nDo you want to replace it?").arg(target.fileName()),
                                     QMessageBox::Yes | QMessageBox::No, this);
    question->setObjectName(QStringLiteral("replaceFileQuestion"));
    question->setDefaultButton(QMessageBox::No);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QDialog::finished, this, [this, question, path] {
        if (question->standardButton(question->clickedButton()) != QMessageBox::Yes)
            return;
        m_replaceConfirmed = path;
        accept();
    });
    question->open();
}
