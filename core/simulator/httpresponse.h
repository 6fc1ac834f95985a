#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>

#include <utility>

struct HttpResponse
{
    // How the answer leaves the server: whole, or broken in one of the ways faults call for.
    enum class Delivery {
        Whole,
        Reset,  // abort the connection, answering nothing
        CutOff, // the full Content-Length, half the body, then close
        Never,  // no answer on this connection, ever
    };

    int status = 200;
    // Date, Content-Length and Connection are the server's: set here, they are left off the wire.
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Delivery delivery = Delivery::Whole;

    static HttpResponse broken(Delivery delivery);

    void setHeader(const QByteArray &name, const QByteArray &value);

    // Status line, headers and body as one block, so that it goes out in one write.
    QByteArray toWire(const QDateTime &serverNowUtc, bool keepAlive) const;
};

// RFC 7231 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
QByteArray httpDate(const QDateTime &utc);
