#include "simulator/httprequestreader.h"

namespace {

bool namesEqual(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool hasToken(QByteArrayView list, QByteArrayView token)
{
    for (const QByteArrayView item : QByteArray(list.toByteArray()).split(',')) {
        if (namesEqual(item.trimmed(), token))
            return true;
    }
    return false;
}

} // namespace

QByteArray ReceivedHttpRequest::header(QByteArrayView name) const
{
    for (const auto &[headerName, value] : headers) {
        if (namesEqual(headerName, name))
            return value;
    }
    return {};
}

bool ReceivedHttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &entry : headers) {
        if (namesEqual(entry.first, name))
            return true;
    }
    return false;
}

bool ReceivedHttpRequest::keepAlive() const
{
    const QByteArray connection = header("Connection");
    if (version == "HTTP/1.0")
        return hasToken(connection, "keep-alive");
    return !hasToken(connection, "close");
}

void HttpRequestReader::append(const QByteArray &data)
{
    if (!m_broken)
        m_buffer.append(data);
}

HttpReadResult HttpRequestReader::malformed(int status, QByteArray message)
{
    m_broken = true;
    m_buffer.clear();
    HttpReadResult result;
    result.kind = HttpReadResult::Kind::Malformed;
    result.errorStatus = status;
    result.errorMessage = std::move(message);
    return result;
}

HttpReadResult HttpRequestReader::takeRequest()
{
    if (m_broken)
        return {};
    // Tolerate the stray CRLFs some clients send between requests (RFC 9112, section 2.2).
    while (m_buffer.startsWith("\r\n"))
        m_buffer.remove(0, 2);

    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n", qMax<qsizetype>(0, m_searchFrom - 3));
    if (headerEnd < 0) {
        m_searchFrom = m_buffer.size();
        if (m_buffer.size() > maxHeaderBytes)
            return malformed(431, "The request headers are larger than 64 KiB.");
        return {};
    }
    if (headerEnd > maxHeaderBytes)
        return malformed(431, "The request headers are larger than 64 KiB.");

    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    ReceivedHttpRequest request;
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine[0].isEmpty() || !requestLine[2].startsWith("HTTP/1."))
        return malformed(400, "The request line is not 'METHOD target HTTP/1.1'.");
    request.method = requestLine[0];
    request.version = requestLine[2];
    const QByteArray &target = requestLine[1];
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    request.query = question < 0 ? QByteArray() : target.mid(question + 1);

    qsizetype contentLength = 0;
    bool sawContentLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return malformed(400, "Folded header lines are not accepted.");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return malformed(400, "A header line has no name.");
        QByteArray name = line.left(colon);
        QByteArray value = line.mid(colon + 1).trimmed();
        if (namesEqual(name, "Transfer-Encoding"))
            return malformed(501, "Chunked request bodies are not supported; send Content-Length.");
        if (namesEqual(name, "Content-Length")) {
            bool ok = false;
            const qsizetype length = value.toLongLong(&ok);
            if (!ok || length < 0 || (sawContentLength && length != contentLength))
                return malformed(400, "The Content-Length header is not valid.");
            contentLength = length;
            sawContentLength = true;
        }
        request.headers.append({std::move(name), std::move(value)});
    }
    if (contentLength > maxBodyBytes)
        return malformed(413, "The request body is larger than 1 MiB.");

    const qsizetype bodyStart = headerEnd + 4;
    if (m_buffer.size() - bodyStart < contentLength) {
        m_searchFrom = 0;
        return {};
    }
    request.body = m_buffer.mid(bodyStart, contentLength);
    m_buffer.remove(0, bodyStart + contentLength);
    m_searchFrom = 0;

    HttpReadResult result;
    result.kind = HttpReadResult::Kind::Request;
    result.request = std::move(request);
    return result;
}
