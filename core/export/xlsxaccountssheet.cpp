#include "export/spreadsheettext.h"
#include "export/xlsxaccountrows.h"
#include "export/xlsxsheets.h"

#include <algorithm>

namespace {

constexpr double Padding = 1;
constexpr double Widest = 80;

lxw_error writeHeader(lxw_worksheet *sheet, const XlsxFormats &formats, const std::vector<AccountColumn> &columns)
{
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const QByteArray bytes = xlsxCellBytes(accountColumnHeader(columns[i]).toString());
        if (const lxw_error error = worksheet_write_string(sheet, 0, lxw_col_t(i), bytes.constData(), formats.header))
            return error;
    }
    return LXW_NO_ERROR;
}

lxw_error writeRows(lxw_worksheet *sheet, lxw_row_t firstRow, const PreparedRows &rows, std::size_t columns)
{
    for (qsizetype r = 0; r < rows.rows; ++r) {
        const auto row = lxw_row_t(firstRow + r);
        for (std::size_t c = 0; c < columns; ++c) {
            const PreparedCell &cell = rows.cells[std::size_t(r) * columns + c];
            lxw_error error = LXW_NO_ERROR;
            switch (cell.kind) {
            case PreparedCell::Kind::String:
                error = worksheet_write_string(sheet, row, lxw_col_t(c), rows.text(cell), cell.format);
                break;
            case PreparedCell::Kind::Number:
                error = worksheet_write_number(sheet, row, lxw_col_t(c), cell.number, cell.format);
                break;
            case PreparedCell::Kind::None:
                break;
            }
            if (error != LXW_NO_ERROR)
                return error;
        }
    }
    return LXW_NO_ERROR;
}

// libxlsxwriter writes the column widths when it closes the workbook, so they can follow the rows.
void setWidths(lxw_worksheet *sheet, const std::vector<qsizetype> &widest)
{
    for (std::size_t i = 0; i < widest.size(); ++i)
        worksheet_set_column(sheet, lxw_col_t(i), lxw_col_t(i), std::min(double(widest[i]) + Padding, Widest),
                             nullptr);
}

} // namespace

lxw_error writeAccountsSheet(lxw_workbook *workbook, const XlsxFormats &formats,
                             const QList<AccountEnrollment> &accounts, const AccountNames *names,
                             const OrganizationTree *tree)
{
    if (accounts.size() >= LXW_ROW_MAX)
        return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Accounts");
    if (!sheet)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    const std::vector<AccountColumn> columns = accountColumnsFor(names);
    const auto lastColumn = lxw_col_t(columns.size() - 1);

    worksheet_freeze_panes(sheet, 1, 0);
    if (const lxw_error error = worksheet_autofilter(sheet, 0, 0, lxw_row_t(accounts.size()), lastColumn))
        return error;
    if (const lxw_error error = writeHeader(sheet, formats, columns))
        return error;

    AccountRowPreparer preparer(accounts, names, tree, formats, columns);
    PreparedRows rows;
    lxw_row_t row = 1;
    while (preparer.next(rows)) {
        if (const lxw_error error = writeRows(sheet, row, rows, columns.size()))
            return error;
        row += lxw_row_t(rows.rows);
    }
    setWidths(sheet, preparer.widest());
    return LXW_NO_ERROR;
}
