#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>

#include <utility>

struct HttpResponse
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers; // Date, Content-Length and Connection are added on the wire
    QByteArray body;

    void setHeader(const QByteArray &name, const QByteArray &value);

    // Status line, headers and body as one block, so that it goes out in one write.
    QByteArray toWire(const QDateTime &serverNowUtc, bool keepAlive) const;
};

// RFC 7231 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
QByteArray httpDate(const QDateTime &utc);
