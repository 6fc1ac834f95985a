#include "csvexportdialog.h"

#include <QCoreApplication>
#include <QFileDialog>

QString csvFilterName(ExportScope scope)
{
    return scope == ExportScope::VisibleRows
        ? QCoreApplication::translate("CsvExportDialog", "CSV – visible rows, filtered and sorted as shown (*.csv)")
        : QCoreApplication::translate("CsvExportDialog", "CSV – all loaded rows (*.csv)");
}

std::optional<CsvExportChoice> askForCsvExport(QWidget *parent, const QString &folder, const QString &fileName,
                                               ExportScope suggestedScope)
{
    QFileDialog dialog(parent, QCoreApplication::translate("CsvExportDialog", "Export accounts as CSV"));
    dialog.setObjectName(QStringLiteral("csvExportDialog"));
    dialog.setAccessibleName(dialog.windowTitle());
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setDefaultSuffix(QStringLiteral("csv"));
    dialog.setNameFilters({csvFilterName(ExportScope::VisibleRows), csvFilterName(ExportScope::AllRows)});
    dialog.selectNameFilter(csvFilterName(suggestedScope));
    dialog.setDirectory(folder);
    dialog.selectFile(fileName);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return std::nullopt;
    CsvExportChoice choice;
    choice.path = dialog.selectedFiles().constFirst();
    choice.scope = dialog.selectedNameFilter() == csvFilterName(ExportScope::AllRows) ? ExportScope::AllRows
                                                                                       : ExportScope::VisibleRows;
    return choice;
}
