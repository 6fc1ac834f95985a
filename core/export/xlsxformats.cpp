#include "export/spreadsheettext.h"
#include "export/xlsxsheets.h"

namespace {

// The window's tones for a light background (ui/statusmarker.cpp): a workbook has no dark mode.
lxw_color_t statusTone(EnrollmentStatus status)
{
    switch (status) {
    case EnrollmentStatus::Active:
        return 0x1A7F37;
    case EnrollmentStatus::Inactive:
        return 0x656D76;
    case EnrollmentStatus::Pending:
        return 0x9A6700;
    case EnrollmentStatus::Failed:
        return 0xCF222E;
    case EnrollmentStatus::NotListed:
        return 0x0969DA;
    case EnrollmentStatus::Other:
        break;
    }
    return 0x8250DF;
}

// The tone mixed into white: a pale fill the tone's text stays readable on.
lxw_color_t paleFill(lxw_color_t tone)
{
    constexpr double share = 0.14;
    const auto mix = [&](int shift) {
        const int channel = int((tone >> shift) & 0xFF);
        return lxw_color_t(255 - (255 - channel) * share + 0.5) << shift;
    };
    return mix(16) | mix(8) | mix(0);
}

} // namespace

XlsxFormats addXlsxFormats(lxw_workbook *workbook)
{
    XlsxFormats formats;
    formats.header = workbook_add_format(workbook);
    format_set_bold(formats.header);
    format_set_bg_color(formats.header, 0xEAEEF2);
    format_set_bottom(formats.header, LXW_BORDER_THIN);

    formats.label = workbook_add_format(workbook);
    format_set_bold(formats.label);

    formats.text = workbook_add_format(workbook);
    format_set_num_format(formats.text, "@");

    formats.dateTime = workbook_add_format(workbook);
    format_set_num_format(formats.dateTime, "yyyy-mm-dd hh:mm:ss");
    format_set_align(formats.dateTime, LXW_ALIGN_LEFT);

    formats.dateTimeMs = workbook_add_format(workbook);
    format_set_num_format(formats.dateTimeMs, "yyyy-mm-dd hh:mm:ss.000");
    format_set_align(formats.dateTimeMs, LXW_ALIGN_LEFT);

    formats.count = workbook_add_format(workbook);
    format_set_num_format(formats.count, "#,##0");

    formats.total = workbook_add_format(workbook);
    format_set_num_format(formats.total, "#,##0");
    format_set_bold(formats.total);
    format_set_top(formats.total, LXW_BORDER_THIN);

    for (int i = 0; i < EnrollmentStatusCount; ++i) {
        const lxw_color_t tone = statusTone(EnrollmentStatus(i));
        lxw_format *format = workbook_add_format(workbook);
        format_set_num_format(format, "@");
        format_set_bold(format);
        format_set_font_color(format, tone);
        format_set_bg_color(format, paleFill(tone));
        formats.status[std::size_t(i)] = format;
    }
    return formats;
}

QByteArray xlsxCellBytes(const QString &text)
{
    return xlsxCellText(text).toUtf8();
}

double spreadsheetDateTime(qint64 msecsSinceEpoch)
{
    constexpr double DaysFrom1899To1970 = 25569.0;
    constexpr double MsecsPerDay = 86'400'000.0;
    return DaysFrom1899To1970 + double(msecsSinceEpoch) / MsecsPerDay;
}
