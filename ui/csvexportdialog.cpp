#include "csvexportdialog.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMessageBox>

QString csvFilterName(ExportScope scope)
{
    return scope == ExportScope::VisibleRows
        ? QCoreApplication::translate("CsvExportDialog", "CSV – visible rows, filtered and sorted as shown (*.csv)")
        : QCoreApplication::translate("CsvExportDialog", "CSV – all loaded rows (*.csv)");
}

CsvExportDialog::CsvExportDialog(QWidget *parent, const QString &folder, const QString &fileName,
                                 ExportScope suggestedScope)
    : QFileDialog(parent, tr("Export accounts as CSV"))
{
    setObjectName(QStringLiteral("csvExportDialog"));
    setAccessibleName(windowTitle());
    setOption(QFileDialog::DontUseNativeDialog);
    setOption(QFileDialog::DontConfirmOverwrite); // accept() asks, and not in an event loop of its own
    setAcceptMode(QFileDialog::AcceptSave);
    setFileMode(QFileDialog::AnyFile);
    setDefaultSuffix(QStringLiteral("csv"));
    setNameFilters({csvFilterName(ExportScope::VisibleRows), csvFilterName(ExportScope::AllRows)});
    selectNameFilter(csvFilterName(suggestedScope));
    setDirectory(folder);
    selectFile(fileName);
}

CsvExportChoice CsvExportDialog::choice() const
{
    CsvExportChoice choice;
    if (result() == QDialog::Accepted && !selectedFiles().isEmpty())
        choice.path = selectedFiles().constFirst();
    choice.scope = selectedNameFilter() == csvFilterName(ExportScope::AllRows) ? ExportScope::AllRows
                                                                                : ExportScope::VisibleRows;
    return choice;
}

void CsvExportDialog::accept()
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
