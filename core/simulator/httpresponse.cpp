#include "simulator/httpresponse.h"

#include <QTimeZone>

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 413:
        return "Content Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

bool isServersOwn(const QByteArray &name)
{
    for (QByteArrayView own : {"Date", "Content-Length", "Connection"}) {
        if (name.compare(own, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

HttpResponse HttpResponse::broken(Delivery delivery)
{
    HttpResponse response;
    response.delivery = delivery;
    return response;
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpResponse::toWire(const QDateTime &serverNowUtc, bool keepAlive) const
{
    QByteArray wire;
    wire.reserve(body.size() + 512);
    wire.append("HTTP/1.1 ").append(QByteArray::number(status)).append(' ').append(reasonPhrase(status));
    wire.append("\r\n");
    for (const auto &[name, value] : headers) {
        if (isServersOwn(name))
            continue;
        wire.append(name).append(": ").append(value).append("\r\n");
    }
    wire.append("Date: ").append(httpDate(serverNowUtc)).append("\r\n");
    wire.append("Content-Length: ").append(QByteArray::number(body.size())).append("\r\n");
    if (!keepAlive)
        wire.append("Connection: close\r\n");
    wire.append("\r\n");
    wire.append(body);
    return wire;
}

QByteArray httpDate(const QDateTime &utc)
{
    static constexpr const char *dayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr const char *monthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime time = utc.toTimeZone(QTimeZone::utc());
    const QDate date = time.date();
    QByteArray text = dayNames[date.dayOfWeek() - 1];
    text += ", " + QByteArray::number(date.day()).rightJustified(2, '0') + ' ' + monthNames[date.month() - 1]
        + ' ' + QByteArray::number(date.year()) + ' '
        + time.time().toString(QStringLiteral("HH:mm:ss")).toLatin1() + " GMT";
    return text;
}
