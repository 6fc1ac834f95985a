#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

// An HTTP request as it goes on the wire, in the form SigV4 signs and verifies it.
struct SignableRequest
{
    QByteArray method;
    QByteArray path;  // raw, as on the wire; may hold %-escapes
    QByteArray query; // raw, without '?'
    QList<std::pair<QByteArray, QByteArray>> headers; // name case as sent, duplicates allowed
    QByteArray body;
};
