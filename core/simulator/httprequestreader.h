#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

struct ReceivedHttpRequest
{
    QByteArray method;
    QByteArray path;  // raw, as on the wire
    QByteArray query; // raw, without '?'
    QByteArray version;
    QList<std::pair<QByteArray, QByteArray>> headers; // as received, values trimmed
    QByteArray body;

    QByteArray header(QByteArrayView name) const; // first one, name compared case-insensitively
    bool hasHeader(QByteArrayView name) const;
    bool keepAlive() const;
};

struct HttpReadResult
{
    enum class Kind { NeedMoreData, Request, Malformed };
    Kind kind = Kind::NeedMoreData;
    ReceivedHttpRequest request; // for Request
    int errorStatus = 0;         // for Malformed: the status to answer with before closing
    QByteArray errorMessage;
};

// Cuts HTTP/1.1 requests out of a byte stream that arrives in arbitrary pieces: one request split
// over several reads, or several requests in one read.
class HttpRequestReader
{
public:
    void append(const QByteArray &data);
    HttpReadResult takeRequest();

    static constexpr qsizetype maxHeaderBytes = 64 * 1024;
    static constexpr qsizetype maxBodyBytes = 1024 * 1024;

private:
    HttpReadResult malformed(int status, QByteArray message);

    QByteArray m_buffer;
    qsizetype m_searchFrom = 0; // where to resume looking for the end of the header block
    bool m_broken = false;
};
