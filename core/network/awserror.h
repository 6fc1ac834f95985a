#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

// An error answer from an AWS JSON service, as the Smithy awsJson1_0 protocol defines it.
struct AwsError
{
    int httpStatus = 0;
    QString code;    // "ThrottlingException", without namespace or URI
    QString message; // the service's own words; may be empty
    QString requestId;
};

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// X-Amzn-Errortype first, then the body's "code", then "__type"; the message from "message" or "Message".
AwsError parseAwsJsonError(int httpStatus, const HttpHeaders &headers, const QByteArray &body);

// A sentence an administrator can act on for an error from GetEnrollmentStatusesForOrganization.
QString explainEnrollmentError(const AwsError &error);
