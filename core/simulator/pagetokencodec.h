#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// Opaque nextToken values: an offset into the (filtered) account list, bound to one simulator by a
// salt so a token from another server, or one a client made up, is refused.
class PageTokenCodec
{
public:
    explicit PageTokenCodec(quint64 salt);

    QByteArray encode(qsizetype offset) const;
    std::optional<qsizetype> decode(QByteArrayView token) const;

private:
    QByteArray m_salt;
};
