#pragma once

#include <QString>

#include <optional>

// The file formats an export can take. CSV stays the default: it is what every earlier version wrote.
enum class ExportFormat { Csv, Xlsx, Json };

// "csv", "xlsx" or "json", any case; nothing for anything else.
std::optional<ExportFormat> exportFormatFromName(QStringView name);
// By the file's extension (.xlsx, .json, otherwise CSV); "-" and names without one are CSV.
ExportFormat exportFormatForFileName(const QString &fileName);
// "csv", "xlsx", "json": the name --format takes and the extension a file gets.
QString exportFormatName(ExportFormat format);
