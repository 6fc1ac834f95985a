#include "export/spreadsheettext.h"

namespace {

constexpr char16_t Replacement = u'\uFFFD';

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// "_x0041_": OOXML's escape for a character, which spreadsheets decode when reading.
bool startsOoxmlEscape(QStringView text, qsizetype i)
{
    if (i + 7 > text.size() || text[i] != u'_' || (text[i + 1] != u'x' && text[i + 1] != u'X')
        || text[i + 6] != u'_')
        return false;
    return isHex(text[i + 2]) && isHex(text[i + 3]) && isHex(text[i + 4]) && isHex(text[i + 5]);
}

bool needsReplacing(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x20 && c != u'\t' && c != u'\n')
            return true;
        if (c == 0xFFFE || c == 0xFFFF)
            return true;
        if (QChar::isHighSurrogate(c)) {
            if (i + 1 >= text.size() || !QChar::isLowSurrogate(text[i + 1].unicode()))
                return true;
            ++i;
        } else if (QChar::isLowSurrogate(c)) {
            return true;
        }
    }
    return false;
}

QString escapeOoxmlEscapes(QStringView text)
{
    QString escaped;
    escaped.reserve(text.size() + 7);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (startsOoxmlEscape(text, i))
            escaped += QLatin1String("_x005F_"); // the underscore itself, escaped
        else
            escaped += text[i];
    }
    return escaped;
}

bool hasOoxmlEscape(QStringView text)
{
    for (qsizetype i = text.indexOf(u'_'); i >= 0; i = text.indexOf(u'_', i + 1)) {
        if (startsOoxmlEscape(text, i))
            return true;
    }
    return false;
}

QString encodedCell(const QString &visible)
{
    return hasOoxmlEscape(visible) ? escapeOoxmlEscapes(visible) : visible;
}

} // namespace

QString withReplacedControlCharacters(const QString &text)
{
    if (!needsReplacing(text))
        return text;
    QString clean;
    clean.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == u'\r') {
            if (i + 1 < text.size() && text[i + 1] == u'\n')
                continue; // the LF that follows is the line break
            clean += u'\n';
        } else if (c < 0x20 && c != u'\t' && c != u'\n') {
            clean += Replacement;
        } else if (c == 0xFFFE || c == 0xFFFF) {
            clean += Replacement;
        } else if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode())) {
            clean += text[i];
            clean += text[++i];
        } else if (QChar::isSurrogate(c)) {
            clean += Replacement;
        } else {
            clean += text[i];
        }
    }
    return clean;
}

QString xlsxCellText(const QString &text)
{
    QString visible = withReplacedControlCharacters(text);
    QString cell = encodedCell(visible);
    // Escapes lengthen the cell, so cut the visible text until the written one fits.
    while (cell.size() > XlsxMaxCellCharacters) {
        qsizetype keep = visible.size() - (cell.size() - XlsxMaxCellCharacters) - 1;
        if (keep > 0 && visible[keep - 1].isHighSurrogate())
            --keep;
        visible = visible.left(std::max<qsizetype>(keep, 0)) + u'\u2026';
        cell = encodedCell(visible);
    }
    return cell;
}
