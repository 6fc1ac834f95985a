#pragma once

#include <QByteArray>
#include <QUrl>

// "host" or "host:port" exactly as the HTTP stack sends it, so that a signed Host header matches.
QByteArray hostHeaderOf(const QUrl &url);

QByteArray httpUserAgent();
