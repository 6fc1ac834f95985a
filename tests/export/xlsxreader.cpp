#include "xlsxreader.h"

#include <QBuffer>
#include <QXmlStreamReader>
#include <quazip.h>
#include <quazipfile.h>

namespace {

class Zip
{
public:
    explicit Zip(const QByteArray &bytes) : m_buffer(const_cast<QByteArray *>(&bytes)), m_zip(&m_buffer)
    {
        m_buffer.open(QIODevice::ReadOnly);
        m_ok = m_zip.open(QuaZip::mdUnzip);
    }
    bool isOpen() const { return m_ok; }
    bool contains(const QString &name) { return m_zip.getFileNameList().contains(name); }
    QByteArray read(const QString &name)
    {
        if (!m_zip.setCurrentFile(name))
            return {};
        QuaZipFile file(&m_zip);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    }

private:
    QBuffer m_buffer;
    QuaZip m_zip;
    bool m_ok = false;
};

QString attribute(const QXmlStreamReader &xml, const char *name)
{
    return xml.attributes().value(QLatin1String(name)).toString();
}

// The text of <is> or <si>: every <t>, also inside rich-text runs, but not phonetic <rPh>.
QString stringItem(QXmlStreamReader &xml)
{
    const QString end = xml.name().toString();
    QString text;
    int phonetic = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"rPh")
            ++phonetic;
        else if (xml.isEndElement() && xml.name() == u"rPh")
            --phonetic;
        else if (xml.isStartElement() && xml.name() == u"t" && phonetic == 0)
            text += xml.readElementText();
        else if (xml.isEndElement() && xml.name() == end)
            break;
    }
    return text;
}

QStringList readSharedStrings(const QByteArray &part)
{
    QStringList strings;
    QXmlStreamReader xml(part);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"si")
            strings.append(stringItem(xml));
    }
    return strings;
}

int rowNumber(QStringView ref)
{
    qsizetype i = 0;
    while (i < ref.size() && ref[i].isLetter())
        ++i;
    return ref.mid(i).toInt();
}

XlsxSheet readSheet(const QByteArray &part, const QStringList &shared, QString *error)
{
    XlsxSheet sheet;
    QXmlStreamReader xml(part);
    XlsxCell *current = nullptr;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == u"pane") {
            sheet.frozen = attribute(xml, "state") == u"frozen";
            sheet.frozenRows = attribute(xml, "ySplit").toInt();
            sheet.topLeftCell = attribute(xml, "topLeftCell");
        } else if (name == u"autoFilter") {
            sheet.autoFilter = attribute(xml, "ref");
        } else if (name == u"col") {
            const double width = attribute(xml, "width").toDouble();
            for (int c = attribute(xml, "min").toInt(); c <= attribute(xml, "max").toInt(); ++c)
                sheet.columnWidths.insert(c, width);
        } else if (name == u"c") {
            const QString ref = attribute(xml, "r");
            current = &sheet.cells[ref];
            current->type = attribute(xml, "t");
            current->style = attribute(xml, "s").toInt();
            sheet.lastRow = std::max(sheet.lastRow, rowNumber(ref));
        } else if (name == u"f" && current) {
            current->hasFormula = true;
        } else if (name == u"is" && current) {
            current->rawText = stringItem(xml);
            current->text = decodeOoxmlEscapes(current->rawText);
        } else if (name == u"v" && current) {
            const QString value = xml.readElementText();
            if (current->type == u"s") {
                current->rawText = shared.value(value.toInt());
                current->text = decodeOoxmlEscapes(current->rawText);
            } else {
                current->number = value;
            }
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("sheet XML: %1").arg(xml.errorString());
    return sheet;
}

QString builtInNumberFormat(int id)
{
    switch (id) {
    case 0:
        return QStringLiteral("General");
    case 14:
        return QStringLiteral("m/d/yyyy");
    case 22:
        return QStringLiteral("m/d/yyyy h:mm");
    case 49:
        return QStringLiteral("@");
    default:
        return QStringLiteral("builtin %1").arg(id);
    }
}

QList<XlsxStyle> readStyles(const QByteArray &part, QString *error)
{
    QHash<int, QString> numberFormats;
    QList<XlsxStyle> fonts; // color and bold only
    QStringList fills;
    QList<XlsxStyle> styles;
    QString section;
    QXmlStreamReader xml(part);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == u"fonts" || name == u"fills" || name == u"cellXfs" || name == u"cellStyleXfs") {
            section = name.toString();
        } else if (name == u"numFmt") {
            numberFormats.insert(attribute(xml, "numFmtId").toInt(), attribute(xml, "formatCode"));
        } else if (section == u"fonts" && name == u"font") {
            fonts.append(XlsxStyle());
        } else if (section == u"fonts" && name == u"b" && !fonts.isEmpty()) {
            fonts.last().bold = true;
        } else if (section == u"fonts" && name == u"color" && !fonts.isEmpty()) {
            fonts.last().fontColor = attribute(xml, "rgb");
        } else if (section == u"fills" && name == u"fill") {
            fills.append(QString());
        } else if (section == u"fills" && name == u"fgColor" && !fills.isEmpty()) {
            fills.last() = attribute(xml, "rgb");
        } else if (section == u"cellXfs" && name == u"xf") {
            const int formatId = attribute(xml, "numFmtId").toInt();
            const XlsxStyle font = fonts.value(attribute(xml, "fontId").toInt());
            XlsxStyle style;
            style.numberFormat = numberFormats.value(formatId, builtInNumberFormat(formatId));
            style.fontColor = font.fontColor;
            style.bold = font.bold;
            style.fillColor = fills.value(attribute(xml, "fillId").toInt());
            styles.append(style);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("styles XML: %1").arg(xml.errorString());
    return styles;
}

QMap<QString, QString> readCoreProperties(const QByteArray &part, QString *error)
{
    QMap<QString, QString> properties;
    QXmlStreamReader xml(part);
    xml.readNextStartElement(); // cp:coreProperties
    while (xml.readNextStartElement())
        properties.insert(xml.name().toString(), xml.readElementText());
    if (xml.hasError())
        *error = QStringLiteral("core properties XML: %1").arg(xml.errorString());
    return properties;
}

QMap<QString, QString> readCustomProperties(const QByteArray &part, QString *error)
{
    QMap<QString, QString> properties;
    QXmlStreamReader xml(part);
    QString name;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"property")
            name = attribute(xml, "name");
        else if (!name.isEmpty() && xml.name() == u"lpwstr")
            properties.insert(name, xml.readElementText());
    }
    if (xml.hasError())
        *error = QStringLiteral("custom properties XML: %1").arg(xml.errorString());
    return properties;
}

// Sheet name to its part, through workbook.xml and its relationships.
QList<std::pair<QString, QString>> sheetParts(Zip &zip, QString *error)
{
    QHash<QString, QString> targets;
    QXmlStreamReader rels(zip.read(QStringLiteral("xl/_rels/workbook.xml.rels")));
    while (!rels.atEnd()) {
        rels.readNext();
        if (rels.isStartElement() && rels.name() == u"Relationship")
            targets.insert(attribute(rels, "Id"), attribute(rels, "Target"));
    }
    QList<std::pair<QString, QString>> parts;
    QXmlStreamReader xml(zip.read(QStringLiteral("xl/workbook.xml")));
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"sheet") {
            const QString id = xml.attributes()
                                   .value(QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
                                          QStringLiteral("id"))
                                   .toString();
            parts.append({attribute(xml, "name"), QStringLiteral("xl/") + targets.value(id)});
        }
    }
    if (xml.hasError() || rels.hasError() || parts.isEmpty())
        *error = QStringLiteral("workbook.xml or its relationships are unreadable");
    return parts;
}

} // namespace

QString cellRef(int row, int column)
{
    QString letters;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        letters.prepend(QChar(u'A' + (c - 1) % 26));
    return letters + QString::number(row + 1);
}

QString decodeOoxmlEscapes(const QString &stored)
{
    QString text;
    for (qsizetype i = 0; i < stored.size(); ++i) {
        bool ok = false;
        if (stored[i] == u'_' && i + 6 < stored.size() && stored[i + 1] == u'x' && stored[i + 6] == u'_') {
            const uint code = QStringView(stored).mid(i + 2, 4).toUInt(&ok, 16);
            if (ok) {
                text += QChar(char16_t(code));
                i += 6;
                continue;
            }
        }
        text += stored[i];
    }
    return text;
}

XlsxWorkbook readXlsx(const QByteArray &bytes)
{
    XlsxWorkbook workbook;
    Zip zip(bytes);
    if (!zip.isOpen()) {
        workbook.errorString = QStringLiteral("not a zip file");
        return workbook;
    }
    const QStringList shared = zip.contains(QStringLiteral("xl/sharedStrings.xml"))
        ? readSharedStrings(zip.read(QStringLiteral("xl/sharedStrings.xml")))
        : QStringList();
    for (const auto &[name, part] : sheetParts(zip, &workbook.errorString)) {
        workbook.sheetNames.append(name);
        workbook.sheets.insert(name, readSheet(zip.read(part), shared, &workbook.errorString));
    }
    workbook.styles = readStyles(zip.read(QStringLiteral("xl/styles.xml")), &workbook.errorString);
    workbook.core = readCoreProperties(zip.read(QStringLiteral("docProps/core.xml")), &workbook.errorString);
    if (zip.contains(QStringLiteral("docProps/custom.xml")))
        workbook.custom = readCustomProperties(zip.read(QStringLiteral("docProps/custom.xml")), &workbook.errorString);
    return workbook;
}
