#pragma once

#include <QString>

#include <optional>

class QWidget;

enum class ExportScope { VisibleRows, AllRows };

struct CsvExportChoice
{
    QString path;
    ExportScope scope = ExportScope::VisibleRows;
};

// Asks where to save, and whether to save the rows as shown or every loaded row, through the two
// file-type filters of one save dialog. Qt's own dialog, not the platform's, so tests can drive it.
std::optional<CsvExportChoice> askForCsvExport(QWidget *parent, const QString &folder, const QString &fileName,
                                               ExportScope suggestedScope);

QString csvFilterName(ExportScope scope);
