#pragma once

// Inside the XLSX writer: the formats both sheets share and the two sheets. Not for other callers.

#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"
#include "export/exportload.h"
#include "export/statuscounts.h"

#include <xlsxwriter.h>

#include <array>

struct XlsxFormats
{
    lxw_format *header = nullptr;
    lxw_format *label = nullptr;
    lxw_format *text = nullptr;       // "@": typing into it keeps it text
    lxw_format *dateTime = nullptr;   // yyyy-mm-dd hh:mm:ss
    lxw_format *dateTimeMs = nullptr; // with .000, when the service sent a fraction
    lxw_format *count = nullptr;
    lxw_format *total = nullptr;
    std::array<lxw_format *, EnrollmentStatusCount> status{};
};

XlsxFormats addXlsxFormats(lxw_workbook *workbook);

// The UTF-8 bytes of one string cell, after the control-character rule (spreadsheettext.h).
QByteArray xlsxCellBytes(const QString &text);
// Days since 1899-12-30, the spreadsheets' date-time number.
double spreadsheetDateTime(qint64 msecsSinceEpoch);

lxw_error writeAccountsSheet(lxw_workbook *workbook, const XlsxFormats &formats,
                             const QList<AccountEnrollment> &accounts, const AccountNames *names,
                             const OrganizationTree *tree);
lxw_error writeSummarySheet(lxw_workbook *workbook, const XlsxFormats &formats, const QList<StatusCount> &counts,
                            qsizetype accounts, const ExportLoad &load,
                            const QList<UnitStatusCounts> &unitCounts = {});
