#include "export/enrollmentcsvwriter.h"
#include "export/xlsxsheets.h"

#include <algorithm>
#include <vector>

namespace {

enum class Column { AccountId, Name, Email, Status, Reason, LastUpdated };

// The CSV's columns, in the CSV's order, so both exports read the same.
std::vector<Column> columnsFor(const AccountNames *names)
{
    if (names)
        return {Column::AccountId, Column::Name, Column::Email, Column::Status, Column::Reason, Column::LastUpdated};
    return {Column::AccountId, Column::Status, Column::Reason, Column::LastUpdated};
}

QStringView headerOf(Column column)
{
    return EnrollmentCsvHeaderWithNames[std::size_t(column)];
}

QString textOf(Column column, const AccountEnrollment &account, const AccountName &name)
{
    switch (column) {
    case Column::AccountId:
        return account.accountId;
    case Column::Name:
        return name.name;
    case Column::Email:
        return name.email;
    case Column::Status:
        return account.statusText;
    case Column::Reason:
        return account.statusReason.value_or(QString());
    case Column::LastUpdated:
        break;
    }
    return {};
}

qsizetype longestLine(const QString &text)
{
    if (!text.contains(u'\n'))
        return text.size();
    qsizetype longest = 0;
    for (const QStringView line : QStringView(text).split(u'\n'))
        longest = std::max(longest, line.size());
    return longest;
}

// Character widths, as spreadsheets count them; the header leaves room for the filter button.
std::vector<double> fittedWidths(const std::vector<Column> &columns, const QList<AccountEnrollment> &accounts,
                                 const AccountNames *names)
{
    constexpr double FilterButton = 3;
    constexpr double Padding = 1;
    constexpr double Widest = 80;
    std::vector<qsizetype> widest(columns.size());
    for (std::size_t i = 0; i < columns.size(); ++i)
        widest[i] = headerOf(columns[i]).size() + qsizetype(FilterButton);
    for (const AccountEnrollment &account : accounts) {
        const AccountName name = names ? names->value(account.accountId) : AccountName();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i] == Column::LastUpdated)
                widest[i] = std::max<qsizetype>(widest[i], account.lastUpdatedHasFraction ? 23 : 19);
            else
                widest[i] = std::max(widest[i], longestLine(textOf(columns[i], account, name)));
        }
    }
    std::vector<double> widths;
    for (const qsizetype characters : widest)
        widths.push_back(std::min(double(characters) + Padding, Widest));
    return widths;
}

lxw_error writeString(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, QStringView text, lxw_format *format)
{
    const QByteArray bytes = xlsxCellBytes(text);
    return worksheet_write_string(sheet, row, col, bytes.constData(), format);
}

lxw_error writeAccount(lxw_worksheet *sheet, const XlsxFormats &formats, lxw_row_t row,
                       const std::vector<Column> &columns, const AccountEnrollment &account, const AccountName &name)
{
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto col = lxw_col_t(i);
        lxw_error error = LXW_NO_ERROR;
        switch (columns[i]) {
        case Column::Status:
            error = writeString(sheet, row, col, account.statusText, formats.status[std::size_t(account.status)]);
            break;
        case Column::LastUpdated:
            if (account.lastUpdatedMsecs)
                error = worksheet_write_number(sheet, row, col, spreadsheetDateTime(*account.lastUpdatedMsecs),
                                               account.lastUpdatedHasFraction ? formats.dateTimeMs : formats.dateTime);
            break;
        default:
            // Always a string cell: an ID keeps its leading zeros and "=..." is text, not a formula.
            error = writeString(sheet, row, col, textOf(columns[i], account, name), formats.text);
            break;
        }
        if (error != LXW_NO_ERROR)
            return error;
    }
    return LXW_NO_ERROR;
}

} // namespace

lxw_error writeAccountsSheet(lxw_workbook *workbook, const XlsxFormats &formats,
                             const QList<AccountEnrollment> &accounts, const AccountNames *names)
{
    if (accounts.size() >= LXW_ROW_MAX)
        return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Accounts");
    if (!sheet)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    const std::vector<Column> columns = columnsFor(names);
    const auto lastColumn = lxw_col_t(columns.size() - 1);

    // Constant-memory mode streams rows out as they are written, so the layout comes first.
    const std::vector<double> widths = fittedWidths(columns, accounts, names);
    for (std::size_t i = 0; i < widths.size(); ++i)
        worksheet_set_column(sheet, lxw_col_t(i), lxw_col_t(i), widths[i], nullptr);
    worksheet_freeze_panes(sheet, 1, 0);
    if (const lxw_error error = worksheet_autofilter(sheet, 0, 0, lxw_row_t(accounts.size()), lastColumn))
        return error;

    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (const lxw_error error = writeString(sheet, 0, lxw_col_t(i), headerOf(columns[i]), formats.header))
            return error;
    }
    lxw_row_t row = 1;
    for (const AccountEnrollment &account : accounts) {
        const AccountName name = names ? names->value(account.accountId) : AccountName();
        if (const lxw_error error = writeAccount(sheet, formats, row++, columns, account, name))
            return error;
    }
    return LXW_NO_ERROR;
}
