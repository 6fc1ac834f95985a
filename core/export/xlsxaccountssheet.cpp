#include "export/enrollmentcsvwriter.h"
#include "export/spreadsheettext.h"
#include "export/xlsxsheets.h"

#include <QStringEncoder>

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

// The widest text of each column, in characters as spreadsheets count them, measured as the rows
// are written: libxlsxwriter writes the column widths when it closes the workbook.
class ColumnWidths
{
public:
    explicit ColumnWidths(const std::vector<Column> &columns)
    {
        for (const Column column : columns)
            m_widest.push_back(headerOf(column).size() + FilterButton);
    }

    void measure(std::size_t column, const QString &text) { measure(column, longestLine(text)); }
    void measure(std::size_t column, qsizetype characters)
    {
        m_widest[column] = std::max(m_widest[column], characters);
    }

    void apply(lxw_worksheet *sheet) const
    {
        for (std::size_t i = 0; i < m_widest.size(); ++i)
            worksheet_set_column(sheet, lxw_col_t(i), lxw_col_t(i), std::min(double(m_widest[i]) + Padding, Widest),
                                 nullptr);
    }

private:
    static constexpr qsizetype FilterButton = 3;
    static constexpr double Padding = 1;
    static constexpr double Widest = 80;
    std::vector<qsizetype> m_widest;
};

// Writes string cells through one UTF-8 buffer: 100,000 accounts are 600,000 cells, and a
// QByteArray for each was a good part of the time.
class StringCells
{
public:
    explicit StringCells(lxw_worksheet *sheet) : m_sheet(sheet) {}

    lxw_error write(lxw_row_t row, lxw_col_t col, const QString &text, lxw_format *format)
    {
        const QString cell = xlsxCellText(text);
        m_utf8.resize(cell.size() * 3 + 1);
        char *end = m_encoder.appendToBuffer(m_utf8.data(), cell);
        *end = '\0';
        return worksheet_write_string(m_sheet, row, col, m_utf8.constData(), format);
    }

private:
    lxw_worksheet *m_sheet;
    QStringEncoder m_encoder{QStringEncoder::Utf8};
    QByteArray m_utf8;
};

lxw_error writeAccount(lxw_worksheet *sheet, StringCells &strings, ColumnWidths &widths, const XlsxFormats &formats,
                       lxw_row_t row, const std::vector<Column> &columns, const AccountEnrollment &account,
                       const AccountName &name)
{
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto col = lxw_col_t(i);
        lxw_error error = LXW_NO_ERROR;
        switch (columns[i]) {
        case Column::Status:
            widths.measure(i, account.statusText);
            error = strings.write(row, col, account.statusText, formats.status[std::size_t(account.status)]);
            break;
        case Column::LastUpdated:
            if (account.lastUpdatedMsecs) {
                widths.measure(i, account.lastUpdatedHasFraction ? 23 : 19);
                error = worksheet_write_number(sheet, row, col, spreadsheetDateTime(*account.lastUpdatedMsecs),
                                               account.lastUpdatedHasFraction ? formats.dateTimeMs : formats.dateTime);
            }
            break;
        default: {
            // Always a string cell: an ID keeps its leading zeros and "=..." is text, not a formula.
            const QString text = textOf(columns[i], account, name);
            widths.measure(i, text);
            error = strings.write(row, col, text, formats.text);
            break;
        }
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

    worksheet_freeze_panes(sheet, 1, 0);
    if (const lxw_error error = worksheet_autofilter(sheet, 0, 0, lxw_row_t(accounts.size()), lastColumn))
        return error;

    StringCells strings(sheet);
    ColumnWidths widths(columns);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (const lxw_error error = strings.write(0, lxw_col_t(i), headerOf(columns[i]).toString(), formats.header))
            return error;
    }
    lxw_row_t row = 1;
    for (const AccountEnrollment &account : accounts) {
        const AccountName name = names ? names->value(account.accountId) : AccountName();
        if (const lxw_error error = writeAccount(sheet, strings, widths, formats, row++, columns, account, name))
            return error;
    }
    widths.apply(sheet);
    return LXW_NO_ERROR;
}
