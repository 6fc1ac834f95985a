#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

// A strict RFC 4180 reader for checking exports: CRLF records, quoted fields with doubled quotes.
// Returns no rows at all if the text is not well-formed, so a test comparing rows fails loudly.
inline QList<QStringList> readCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
            fieldStarted = false;
        } else if (c == u'\r') {
            if (i + 1 >= text.size() || text.at(i + 1) != u'\n')
                return {};
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            fieldStarted = false;
            ++i;
        } else if (c == u'\n' || c == u'"') {
            return {};
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted || !row.isEmpty() || !field.isEmpty())
        return {};
    return rows;
}
