#include "requesttext.h"

namespace {

QByteArray takeLine(const QByteArray &text, qsizetype &position)
{
    qsizetype end = text.indexOf('\n', position);
    if (end < 0)
        end = text.size();
    QByteArray line = text.mid(position, end - position);
    position = end + 1;
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

SignableRequest parseRequestText(const QByteArray &text)
{
    SignableRequest request;
    qsizetype position = 0;

    const QByteArray requestLine = takeLine(text, position);
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype lastSpace = requestLine.lastIndexOf(' ');
    request.method = requestLine.left(firstSpace);
    // The target may itself hold spaces ("GET /example space/ HTTP/1.1").
    const QByteArray target = requestLine.mid(firstSpace + 1, lastSpace - firstSpace - 1);
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    request.query = question < 0 ? QByteArray() : target.mid(question + 1);

    while (position < text.size()) {
        const QByteArray line = takeLine(text, position);
        if (line.isEmpty()) {
            request.body = text.mid(position);
            break;
        }
        if ((line.startsWith(' ') || line.startsWith('\t')) && !request.headers.isEmpty()) {
            request.headers.last().second.append('\n' + line);
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        request.headers.append({line.left(colon), line.mid(colon + 1)});
    }
    return request;
}

QByteArray headerNamed(const SignableRequest &request, QByteArrayView lowercaseName)
{
    for (const auto &[name, value] : request.headers) {
        if (name.toLower() == lowercaseName)
            return value;
    }
    return {};
}
