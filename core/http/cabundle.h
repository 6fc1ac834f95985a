#pragma once

#include "common/expected.h"

#include <QSslConfiguration>
#include <QString>

// The default TLS configuration with the certificates of a PEM bundle (AWS_CA_BUNDLE or ca_bundle)
// added to the trusted ones. Verification stays on: the bundle only adds trust.
Expected<QSslConfiguration> sslConfigurationWithCaBundle(const QString &bundlePath);
