#pragma once

// Reads an XLSX back the way a spreadsheet would, for tests: QuaZip for the zip, QXmlStreamReader
// for the parts. Only what the export tests look at; anything malformed leaves errorString set.

#include <QHash>
#include <QMap>
#include <QStringList>

struct XlsxCell
{
    QString type;        // the t attribute: "inlineStr", "s", "n" (or empty, a number), ...
    int style = 0;       // index into the cellXfs
    QString text;        // what a spreadsheet shows for a string cell, _xHHHH_ decoded
    QString rawText;     // the string as stored in the XML
    QString number;      // <v> of a number cell
    bool hasFormula = false;
};

struct XlsxSheet
{
    QHash<QString, XlsxCell> cells; // by reference, "A1"
    QString autoFilter;             // the ref, "A1:D4"
    bool frozen = false;
    int frozenRows = 0;
    QString topLeftCell;            // of the pane below the frozen rows
    QMap<int, double> columnWidths; // by column number, from 1
    int lastRow = 0;

    XlsxCell cell(const QString &ref) const { return cells.value(ref); }
    bool has(const QString &ref) const { return cells.contains(ref); }
};

struct XlsxStyle
{
    QString numberFormat; // the format code
    QString fontColor;    // ARGB, "FF1A7F37"; empty = the default
    QString fillColor;    // ARGB of the pattern fill; empty = none
    bool bold = false;
};

struct XlsxWorkbook
{
    QStringList sheetNames; // in the workbook's order
    QMap<QString, XlsxSheet> sheets;
    QList<XlsxStyle> styles;            // the cellXfs, resolved
    QMap<QString, QString> core;        // docProps/core.xml, by local name: title, created, ...
    QMap<QString, QString> custom;      // docProps/custom.xml, by name
    QString errorString;

    bool isValid() const { return errorString.isEmpty(); }
    XlsxStyle styleOf(const XlsxCell &cell) const { return styles.value(cell.style); }
};

XlsxWorkbook readXlsx(const QByteArray &bytes);
// "A1" for (row 0, column 0).
QString cellRef(int row, int column);
// Excel's decoding of _xHHHH_ escapes in a stored string.
QString decodeOoxmlEscapes(const QString &stored);
