#include "simulator/pagetokencodec.h"

#include <QList>

namespace {

constexpr auto base64Options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

} // namespace

PageTokenCodec::PageTokenCodec(quint64 salt) : m_salt(QByteArray::number(salt, 16)) {}

QByteArray PageTokenCodec::encode(qsizetype offset) const
{
    const QByteArray plain = "co1:" + QByteArray::number(offset) + ':' + m_salt;
    return plain.toBase64(base64Options);
}

std::optional<qsizetype> PageTokenCodec::decode(QByteArrayView token) const
{
    const auto decoded = QByteArray::fromBase64Encoding(token.toByteArray(),
                                                        base64Options | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split(':');
    if (parts.size() != 3 || parts[0] != "co1" || parts[2] != m_salt)
        return std::nullopt;
    bool ok = false;
    const qsizetype offset = parts[1].toLongLong(&ok);
    if (!ok || offset < 0)
        return std::nullopt;
    return offset;
}
