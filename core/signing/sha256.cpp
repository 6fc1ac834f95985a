#include "signing/sha256.h"

#include <openssl/evp.h>

#include <memory>

namespace {

const unsigned char *bytes(QByteArrayView view)
{
    // OpenSSL's HMAC treats a null key as "keep the previous key", so an empty key needs a real pointer.
    static constexpr unsigned char none = 0;
    return view.isEmpty() ? &none : reinterpret_cast<const unsigned char *>(view.data());
}

} // namespace

QByteArray sha256(QByteArrayView data)
{
    const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md(EVP_MD_fetch(nullptr, "SHA256", nullptr),
                                                             &EVP_MD_free);
    if (!md)
        return {};
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(bytes(data), static_cast<size_t>(data.size()), reinterpret_cast<unsigned char *>(digest.data()),
                   &length, md.get(), nullptr)
        != 1)
        return {};
    digest.truncate(static_cast<qsizetype>(length));
    return digest;
}

QByteArray sha256Hex(QByteArrayView data)
{
    return sha256(data).toHex();
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    QByteArray mac(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    size_t length = 0;
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, bytes(key), static_cast<size_t>(key.size()),
                   bytes(data), static_cast<size_t>(data.size()), reinterpret_cast<unsigned char *>(mac.data()),
                   static_cast<size_t>(mac.size()), &length))
        return {};
    mac.truncate(static_cast<qsizetype>(length));
    return mac;
}
