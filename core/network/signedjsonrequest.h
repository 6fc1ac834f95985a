#pragma once

#include "signing/awscredentials.h"
#include "signing/sigv4signer.h"

#include <QNetworkRequest>
#include <QUrl>

// One AWS JSON-protocol call (POST / with X-Amz-Target), signed with SigV4 and ready for
// QNetworkAccessManager::post(). Serves any JSON service: Compute Optimizer now, Organizations later.
struct SignedJsonRequest
{
    QUrl endpoint;
    QByteArray target;      // "ComputeOptimizerService.GetEnrollmentStatusesForOrganization"
    QByteArray contentType; // "application/x-amz-json-1.0"
    QByteArray body;
    SigningScope scope;

    QNetworkRequest toNetworkRequest(const AwsCredentials &credentials, const QDateTime &signingTimeUtc) const;
};

// "host" or "host:port" exactly as the HTTP stack will send it, so the signed Host matches.
QByteArray hostHeaderFor(const QUrl &url);

QByteArray userAgent();
