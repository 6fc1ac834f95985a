#pragma once

#include <QString>

// The one rule for text that cannot go into a spreadsheet's XML as it is, applied to every cell,
// sheet and property of an XLSX export:
// - a C0 control character other than tab and line feed, U+FFFE, U+FFFF and half a surrogate pair
//   become U+FFFD, so the reader sees that something was there;
// - CR LF and a lone CR become LF, the line break spreadsheets use in a cell.
// Text that needs no change is returned as it is.
QString withReplacedControlCharacters(const QString &text);

// The text of one XLSX string cell: the rule above; "_xHHHH_" written so that Excel and
// LibreOffice show it literally instead of decoding it as an escaped character; and at most
// the 32,767 characters a cell holds, ending in "…" when cut.
QString xlsxCellText(const QString &text);

inline constexpr qsizetype XlsxMaxCellCharacters = 32767;
