#include "profilefileparser.h"

#include <optional>

namespace {

// The format only treats spaces and tabs as whitespace; other blank characters are content.
bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

bool isCommentStart(QChar c)
{
    return c == u'#' || c == u';';
}

QString trimBlanks(const QString &text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isBlank(text.at(begin)))
        ++begin;
    while (end > begin && isBlank(text.at(end - 1)))
        --end;
    return text.mid(begin, end - begin);
}

bool isBlankLine(const QString &line)
{
    return trimBlanks(line).isEmpty();
}

// In property lines a comment needs whitespace before it ("a = b#c" keeps "#c");
// in section headers any comment character starts one.
QString withoutComment(const QString &line, bool commentNeedsWhitespace)
{
    const QString trimmed = trimBlanks(line);
    bool previousWasWhitespace = false;
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (isCommentStart(c) && (previousWasWhitespace || !commentNeedsWhitespace))
            return trimBlanks(trimmed.left(i));
        previousWasWhitespace = c.isSpace();
    }
    return trimmed;
}

enum class PropertyProblem { None, NoEquals, NoName };

struct PropertyLine
{
    QString key;
    QString value;
    PropertyProblem problem = PropertyProblem::None;
};

PropertyLine splitPropertyLine(const QString &line)
{
    const QString content = withoutComment(line, true);
    const qsizetype equals = content.indexOf(u'=');
    if (equals < 0)
        return {{}, {}, PropertyProblem::NoEquals};
    PropertyLine result{trimBlanks(content.left(equals)), trimBlanks(content.mid(equals + 1)),
                        PropertyProblem::None};
    if (result.key.isEmpty())
        result.problem = PropertyProblem::NoName;
    return result;
}

QString describeProblem(PropertyProblem problem, const QString &what)
{
    if (problem == PropertyProblem::NoName)
        return what.left(1).toUpper() + what.mid(1) + QStringLiteral(" did not have a name");
    return QStringLiteral("Expected an '=' sign defining a ") + what;
}

class RawProfileFileParser
{
public:
    explicit RawProfileFileParser(const QString &fileName) : m_fileName(fileName) {}

    Expected<QList<RawSection>> parse(const QString &text)
    {
        const QStringList lines = text.split(u'\n');
        for (qsizetype index = 0; index < lines.size(); ++index) {
            QString line = lines.at(index);
            if (line.endsWith(u'\r'))
                line.chop(1);
            m_lineNumber = index + 1;
            if (isBlankLine(line) || isCommentStart(line.front()))
                continue;
            std::optional<QString> problem;
            if (line.startsWith(u'['))
                problem = readSectionHeader(line);
            else if (isBlank(line.front()))
                problem = readContinuation(line);
            else
                problem = readProperty(line);
            if (problem)
                return Unexpected{failure(*problem)};
        }
        return m_sections;
    }

private:
    std::optional<QString> readSectionHeader(const QString &line)
    {
        const QString content = withoutComment(line, false);
        if (!content.endsWith(u']'))
            return QStringLiteral("Profile definition must end with ']'");
        m_sections.append(RawSection{content.mid(1, content.size() - 2), {}});
        return std::nullopt;
    }

    std::optional<QString> readProperty(const QString &line)
    {
        if (m_sections.isEmpty())
            return QStringLiteral("Expected a profile definition");
        const PropertyLine property = splitPropertyLine(line);
        if (property.problem != PropertyProblem::None)
            return describeProblem(property.problem, QStringLiteral("property"));
        m_sections.last().properties.append(
            RawProperty{property.key, property.value, property.value.isEmpty()});
        return std::nullopt;
    }

    std::optional<QString> readContinuation(const QString &line)
    {
        if (m_sections.isEmpty())
            return QStringLiteral("Expected a profile definition");
        QList<RawProperty> &properties = m_sections.last().properties;
        if (properties.isEmpty())
            return QStringLiteral("Expected a property definition, found continuation");
        RawProperty &property = properties.last();
        if (property.startsSubProperties) {
            const PropertyLine subProperty = splitPropertyLine(line);
            if (subProperty.problem != PropertyProblem::None)
                return describeProblem(subProperty.problem, QStringLiteral("sub-property"));
        }
        property.value += u'\n' + trimBlanks(line);
        return std::nullopt;
    }

    QString failure(const QString &problem) const
    {
        return QStringLiteral("Line %1 of %2: %3. Correct that line and try again.")
            .arg(m_lineNumber)
            .arg(m_fileName, problem);
    }

    QString m_fileName;
    qsizetype m_lineNumber = 0;
    QList<RawSection> m_sections;
};

} // namespace

Expected<QList<RawSection>> parseRawProfileFile(const QString &text, const QString &fileName)
{
    return RawProfileFileParser(fileName).parse(text);
}
