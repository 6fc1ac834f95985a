#pragma once

#include "signing/awscredentials.h"
#include "signing/signablerequest.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

struct SigningScope
{
    QString region;
    QString service;
};

struct SigV4Options
{
    bool normalizePath = true;
    bool doubleEncodePath = true; // S3 wants false
    bool signBody = false;        // adds x-amz-content-sha256
};

struct SigV4Result
{
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signature;
    QByteArray authorization;
};

// AWS Signature Version 4 in the Authorization header. The request must already carry every header
// that goes on the wire and should be signed, Host included (with the port when it is not the default).
class SigV4Signer
{
public:
    explicit SigV4Signer(SigningScope scope, SigV4Options options = {});

    // Adds X-Amz-Date, X-Amz-Security-Token (when the credentials carry one), x-amz-content-sha256
    // (when signBody) and Authorization to request.headers, replacing earlier ones, so a retry can re-sign.
    SigV4Result sign(SignableRequest &request, const AwsCredentials &credentials, const QDateTime &nowUtc) const;

private:
    SigningScope m_scope;
    SigV4Options m_options;
};
