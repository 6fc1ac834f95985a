#include "testcertificates.h"

#include <QDir>
#include <QFile>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace {

struct KeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct CertificateFree
{
    void operator()(X509 *certificate) const { X509_free(certificate); }
};
struct BioFree
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;
using Certificate = std::unique_ptr<X509, CertificateFree>;
using Bio = std::unique_ptr<BIO, BioFree>;

QByteArray drain(BIO *bio)
{
    QByteArray bytes(qsizetype(BIO_ctrl_pending(bio)), Qt::Uninitialized);
    const int read = BIO_read(bio, bytes.data(), int(bytes.size()));
    bytes.truncate(qMax(0, read));
    return bytes;
}

bool addExtension(X509 *certificate, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

Certificate makeCertificate(EVP_PKEY *key, const char *commonName, long serial, X509 *issuer, EVP_PKEY *issuerKey,
                            bool isAuthority)
{
    Certificate certificate(X509_new());
    X509 *x = certificate.get();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), serial);
    X509_gmtime_adj(X509_getm_notBefore(x), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x), 7 * 24 * 3600);
    X509_set_pubkey(x, key);
    X509_NAME *name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("Enrollment Desk tests"),
                               -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0);
    X509 *signer = issuer ? issuer : x;
    X509_set_issuer_name(x, X509_get_subject_name(signer));
    bool ok = addExtension(x, signer, NID_subject_key_identifier, "hash")
              && addExtension(x, signer, NID_authority_key_identifier, "keyid:always");
    if (isAuthority) {
        ok = ok && addExtension(x, signer, NID_basic_constraints, "critical,CA:TRUE")
             && addExtension(x, signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        ok = ok && addExtension(x, signer, NID_basic_constraints, "critical,CA:FALSE")
             && addExtension(x, signer, NID_key_usage, "critical,digitalSignature,keyEncipherment")
             && addExtension(x, signer, NID_ext_key_usage, "serverAuth")
             && addExtension(x, signer, NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost");
    }
    if (!ok || X509_sign(x, issuerKey ? issuerKey : key, EVP_sha256()) == 0)
        return nullptr;
    return certificate;
}

QByteArray certificatePem(X509 *certificate)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), certificate);
    return drain(bio.get());
}

QByteArray keyPem(EVP_PKEY *key)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return drain(bio.get());
}

} // namespace

std::optional<TestCertificates> makeTestCertificates(const QString &directory, QString *error)
{
    const Key authorityKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    const Key serverKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!authorityKey || !serverKey) {
        *error = QStringLiteral("OpenSSL could not make EC keys");
        return std::nullopt;
    }
    const Certificate authority =
        makeCertificate(authorityKey.get(), "Enrollment Desk test CA", 1, nullptr, nullptr, true);
    if (!authority) {
        *error = QStringLiteral("OpenSSL could not make the CA certificate");
        return std::nullopt;
    }
    const Certificate server =
        makeCertificate(serverKey.get(), "127.0.0.1", 2, authority.get(), authorityKey.get(), false);
    if (!server) {
        *error = QStringLiteral("OpenSSL could not make the server certificate");
        return std::nullopt;
    }

    TestCertificates made;
    const QByteArray authorityPem = certificatePem(authority.get());
    made.authority = QSslCertificate(authorityPem, QSsl::Pem);
    made.server = QSslCertificate(certificatePem(server.get()), QSsl::Pem);
    made.serverKey = QSslKey(keyPem(serverKey.get()), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    made.authorityPemPath = QDir(directory).filePath(QStringLiteral("test-ca.pem"));
    QFile file(made.authorityPemPath);
    if (made.authority.isNull() || made.server.isNull() || made.serverKey.isNull() || !file.open(QIODevice::WriteOnly)
        || file.write(authorityPem) != authorityPem.size()) {
        *error = QStringLiteral("Qt could not read the certificates, or the CA file could not be written");
        return std::nullopt;
    }
    return made;
}
