#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

#include <optional>

// A certificate authority made for one test run, and a server certificate it signed for
// 127.0.0.1 and localhost: what an organization's TLS-inspecting proxy or private endpoint looks
// like to a client that does not know the CA.
struct TestCertificates
{
    QSslCertificate authority;
    QSslCertificate server;
    QSslKey serverKey;
    QString authorityPemPath; // the CA alone, as a PEM file: a CA bundle
};

// Made with OpenSSL's API; the CA's PEM file goes into directory. Empty with *error set on failure.
std::optional<TestCertificates> makeTestCertificates(const QString &directory, QString *error);
