#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Each returns an empty array only if OpenSSL itself fails, which a correct build never sees.
QByteArray sha256(QByteArrayView data);
QByteArray sha256Hex(QByteArrayView data);
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);
