#pragma once

#include "simulator/httpresponse.h"

#include <QDateTime>

class QTcpSocket;

// Puts response on the wire as its delivery says, with the server's Date. Returns whether the
// connection may carry the next request: false once it is closed, reset, or never to be answered.
bool writeResponse(QTcpSocket *socket, const HttpResponse &response, const QDateTime &serverNowUtc, bool keepAlive);
