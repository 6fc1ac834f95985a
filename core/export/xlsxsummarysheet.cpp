#include "export/xlsxsheets.h"

#include <QDateTime>

#include <algorithm>

namespace {

class SummaryRows
{
public:
    SummaryRows(lxw_worksheet *sheet, const XlsxFormats &formats) : m_sheet(sheet), m_formats(formats) {}

    void text(QStringView label, QStringView value, lxw_format *valueFormat = nullptr)
    {
        writeLabel(label);
        string(1, value, valueFormat ? valueFormat : m_formats.text);
        ++m_row;
    }
    void dateTime(QStringView label, const QDateTime &when)
    {
        writeLabel(label);
        if (when.isValid())
            check(worksheet_write_number(m_sheet, m_row, 1, spreadsheetDateTime(when.toMSecsSinceEpoch()),
                                         m_formats.dateTime));
        ++m_row;
    }
    void count(QStringView label, int accounts, lxw_format *labelFormat, lxw_format *countFormat)
    {
        string(0, label, labelFormat);
        check(worksheet_write_number(m_sheet, m_row, 1, accounts, countFormat));
        ++m_row;
    }
    void header(QStringView first, QStringView second)
    {
        string(0, first, m_formats.header);
        string(1, second, m_formats.header);
        ++m_row;
    }
    void skip() { ++m_row; }
    void headers(const QList<QString> &labels)
    {
        for (qsizetype c = 0; c < labels.size(); ++c)
            string(lxw_col_t(c), labels.at(c), m_formats.header);
        ++m_row;
    }
    void counts(QStringView label, const QList<int> &values)
    {
        string(0, label, m_formats.label);
        for (qsizetype c = 0; c < values.size(); ++c)
            check(worksheet_write_number(m_sheet, m_row, lxw_col_t(c + 1), values.at(c),
                                         c + 1 == values.size() ? m_formats.total : m_formats.count));
        ++m_row;
    }

    lxw_error error() const { return m_error; }

private:
    void writeLabel(QStringView label)
    {
        string(0, label, m_formats.label);
    }
    void string(lxw_col_t col, QStringView value, lxw_format *format)
    {
        const QByteArray bytes = xlsxCellBytes(value.toString());
        check(worksheet_write_string(m_sheet, m_row, col, bytes.constData(), format));
    }
    void check(lxw_error error)
    {
        if (m_error == LXW_NO_ERROR)
            m_error = error;
    }

    lxw_worksheet *m_sheet;
    const XlsxFormats &m_formats;
    lxw_row_t m_row = 0;
    lxw_error m_error = LXW_NO_ERROR;
};

QString completeness(const ExportLoad &load)
{
    if (load.complete)
        return QStringLiteral("Yes: every page arrived");
    if (load.incompleteReason.isEmpty())
        return QStringLiteral("No: the list is incomplete");
    return QStringLiteral("No: ") + load.incompleteReason;
}

} // namespace

lxw_error writeSummarySheet(lxw_workbook *workbook, const XlsxFormats &formats, const QList<StatusCount> &counts,
                            qsizetype accounts, const ExportLoad &load, const QList<UnitStatusCounts> &unitCounts)
{
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Summary");
    if (!sheet)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;

    // Widths go out before the rows in constant-memory mode, so measure what the rows will hold.
    const QString exportedBy = QString(load.applicationName + u' ' + load.applicationVersion).trimmed();
    const QString filter = load.statusFilter.isEmpty() ? QStringLiteral("Every status")
                                                       : load.statusFilter.join(QStringLiteral(", "));
    const QString rows = load.rowSelection.isEmpty() ? QStringLiteral("Every account loaded") : load.rowSelection;
    const QString complete = completeness(load);
    qsizetype widest = 19; // a date-time
    for (const QString *value : {&load.profile, &load.region, &filter, &rows, &complete, &exportedBy})
        widest = std::max(widest, value->size());
    qsizetype widestLabel = 16;
    for (const StatusCount &count : counts)
        widestLabel = std::max(widestLabel, count.status.size());
    for (const UnitStatusCounts &unit : unitCounts)
        widestLabel = std::max(widestLabel, unit.unit.size());
    worksheet_set_column(sheet, 0, 0, double(std::min<qsizetype>(widestLabel, 40) + 2), nullptr);
    worksheet_set_column(sheet, 1, 1, double(std::min<qsizetype>(widest, 80) + 2), nullptr);

    SummaryRows summary(sheet, formats);
    summary.text(u"Profile", load.profile);
    summary.text(u"Region", load.region);
    summary.text(u"Status filter", filter);
    summary.text(u"Rows", rows);
    summary.dateTime(u"Loaded at (UTC)", load.loadedAtUtc);
    summary.text(u"Complete", complete);
    summary.text(u"Exported by", exportedBy);
    summary.skip();
    summary.header(u"Status", u"Accounts");
    for (const StatusCount &count : counts)
        summary.count(count.status, count.accounts, formats.status[std::size_t(count.kind)], formats.count);
    summary.count(u"Total", int(accounts), formats.total, formats.total);
    if (!unitCounts.isEmpty()) {
        // Each status per top-level OU (its whole subtree): where the Inactive accounts sit.
        const std::array<EnrollmentStatus, EnrollmentStatusCount> order{
            EnrollmentStatus::Active, EnrollmentStatus::Inactive, EnrollmentStatus::Pending,
            EnrollmentStatus::Failed, EnrollmentStatus::NotListed, EnrollmentStatus::Other};
        QList<QString> labels{QStringLiteral("Top-level OU")};
        for (const EnrollmentStatus status : order)
            labels.append(enrollmentStatusName(status));
        labels.append(QStringLiteral("Total"));
        worksheet_set_column(sheet, 2, lxw_col_t(labels.size() - 1), 12, nullptr);
        summary.skip();
        summary.headers(labels);
        for (const UnitStatusCounts &unit : unitCounts) {
            QList<int> values;
            for (const EnrollmentStatus status : order)
                values.append(unit.counts[std::size_t(status)]);
            values.append(unit.total);
            summary.counts(unit.unit, values);
        }
    }
    return summary.error();
}
