#include "export/exportformat.h"

#include <QFileInfo>

std::optional<ExportFormat> exportFormatFromName(QStringView name)
{
    if (name.compare(u"csv", Qt::CaseInsensitive) == 0)
        return ExportFormat::Csv;
    if (name.compare(u"xlsx", Qt::CaseInsensitive) == 0)
        return ExportFormat::Xlsx;
    if (name.compare(u"json", Qt::CaseInsensitive) == 0)
        return ExportFormat::Json;
    return std::nullopt;
}

ExportFormat exportFormatForFileName(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix();
    const std::optional<ExportFormat> format = exportFormatFromName(suffix);
    return format.value_or(ExportFormat::Csv);
}

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Xlsx:
        return QStringLiteral("xlsx");
    case ExportFormat::Json:
        return QStringLiteral("json");
    }
    return QStringLiteral("csv");
}
