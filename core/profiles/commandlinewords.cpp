#include "profiles/commandlinewords.h"

namespace {

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

} // namespace

Expected<QStringList> splitCommandLine(const QString &command)
{
    enum class State { Between, Word, SingleQuoted, DoubleQuoted };
    QStringList words;
    QString word;
    State state = State::Between;

    for (qsizetype i = 0; i < command.size(); ++i) {
        const QChar c = command.at(i);
        switch (state) {
        case State::Between:
        case State::Word:
            if (isBlank(c)) {
                if (state == State::Word)
                    words.append(std::exchange(word, QString()));
                state = State::Between;
            } else if (c == u'\'') {
                state = State::SingleQuoted;
            } else if (c == u'"') {
                state = State::DoubleQuoted;
            } else if (c == u'\\') {
                if (i + 1 == command.size())
                    return Unexpected{QStringLiteral("it ends in a backslash with nothing to escape")};
                word += command.at(++i);
                state = State::Word;
            } else {
                word += c;
                state = State::Word;
            }
            break;
        case State::SingleQuoted:
            if (c == u'\'')
                state = State::Word;
            else
                word += c;
            break;
        case State::DoubleQuoted:
            if (c == u'"') {
                state = State::Word;
            } else if (c == u'\\' && i + 1 < command.size()
                       && (command.at(i + 1) == u'"' || command.at(i + 1) == u'\\')) {
                word += command.at(++i);
            } else if (c == u'\\' && i + 1 == command.size()) {
                return Unexpected{QStringLiteral("a double quote is never closed")};
            } else {
                word += c;
            }
            break;
        }
    }
    if (state == State::SingleQuoted)
        return Unexpected{QStringLiteral("a single quote is never closed")};
    if (state == State::DoubleQuoted)
        return Unexpected{QStringLiteral("a double quote is never closed")};
    if (state == State::Word)
        words.append(word);
    return words;
}
