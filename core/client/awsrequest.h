#pragma once

#include "client/awserror.h"
#include "client/serviceendpoint.h"
#include "signing/awscredentials.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class CredentialProvider;

// An attempt failed and another follows after delayMs: for progress lines ("throttled; retrying in 2 s").
struct AwsRetryNotice
{
    int attempt = 0;
    int delayMs = 0;
    bool throttled = false;
    QString reason; // the sentence the call would have failed with
};

// One operation as a value: where it goes, what it says and how it proves who sends it. The client
// builds, signs and sends it afresh for every attempt.
struct AwsRequest
{
    enum class Signing {
        FromProvider, // SigV4 with credentials from `credentials`, renewed when they expire
        WithKeys,     // SigV4 with `keys` as given (AssumeRole signs with its source's keys)
        None,         // no signature; a bearer token, if any, is one of `headers`
    };

    ServiceEndpoint endpoint; // signing region and name also key the retry state and clock skew
    QString serviceName;      // "AWS Organizations", for messages
    QString operation;        // "ListAccounts", for messages
    QByteArray method = "POST";
    QString path;  // appended to the endpoint's path; empty = the endpoint's path or "/"
    QString query; // percent-encoded, without '?'
    HttpHeaders headers;
    QByteArray body;
    // Whether a 2xx answer must be AWS JSON (a captive portal answers 200 with HTML).
    bool expectsJson = true;

    Signing signing = Signing::FromProvider;
    std::shared_ptr<CredentialProvider> credentials;
    AwsCredentials keys;

    AwsErrorParser parseError = parseAwsJsonError;
    // Reads a 2xx body; an empty answer means it was whole. Otherwise it says, in a sentence to end
    // the call with, why it was not: most often a body cut short, so the attempt is retried like a
    // broken transfer. Keeps what it read in its capture.
    std::function<QString(const QByteArray &body)> readBody;
    std::function<void(const AwsRetryNotice &)> onRetry;
    // Use the service's client-side rate limiter (adaptive mode's) whatever the retry mode, from
    // this call on: for services with a low request quota that are called in parallel (Organizations).
    bool clientRateLimited = false;
};

// A request for an AWS JSON protocol operation: POST / with X-Amz-Target.
AwsRequest awsJsonRequest(const ServiceEndpoint &endpoint, const QString &serviceName, QByteArrayView targetPrefix,
                          const QString &operation, QByteArrayView jsonVersion, const QByteArray &body);

struct AwsResponse
{
    int httpStatus = 0;
    HttpHeaders headers;
    QByteArray body;
    int attempts = 0;
};
