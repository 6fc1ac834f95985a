#include "http/cabundle.h"

#include <QSslCertificate>

Expected<QSslConfiguration> sslConfigurationWithCaBundle(const QString &bundlePath)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(bundlePath);
    if (certificates.isEmpty()) {
        return Unexpected{QStringLiteral("The CA bundle %1 (AWS_CA_BUNDLE or ca_bundle) holds no readable PEM "
                                         "certificates. Point it at a PEM file, or unset it to use the system's "
                                         "certificates.")
                              .arg(bundlePath)};
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificates(certificates);
    return configuration;
}
