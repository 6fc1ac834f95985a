#include "simulator/responsewriter.h"

#include <QTcpSocket>

bool writeResponse(QTcpSocket *socket, const HttpResponse &response, const QDateTime &serverNowUtc, bool keepAlive)
{
    switch (response.delivery) {
    case HttpResponse::Delivery::Reset:
        socket->abort();
        return false;
    case HttpResponse::Delivery::CutOff: {
        const QByteArray wire = response.toWire(serverNowUtc, false);
        const qsizetype missing = response.body.size() - response.body.size() / 2;
        socket->write(wire.left(wire.size() - missing));
        socket->disconnectFromHost();
        return false;
    }
    case HttpResponse::Delivery::Never:
        return false;
    case HttpResponse::Delivery::Whole:
        break;
    }
    socket->write(response.toWire(serverNowUtc, keepAlive));
    if (!keepAlive) {
        socket->disconnectFromHost();
        return false;
    }
    return true;
}
