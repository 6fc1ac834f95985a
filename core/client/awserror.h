#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <utility>

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// An error answer from an AWS service, whatever its protocol: the code without namespace or URI,
// the service's own words (may be empty) and the request ID.
struct AwsError
{
    int httpStatus = 0;
    QString code; // "ThrottlingException"
    QString message;
    QString requestId;
};

// How one protocol reads its error answers: AWS JSON, REST-JSON and the Query protocol's XML differ.
using AwsErrorParser = std::function<AwsError(int httpStatus, const HttpHeaders &headers, const QByteArray &body)>;

// X-Amzn-Errortype first, then the body's "code", then "__type"; the message from "message" or "Message".
AwsError parseAwsJsonError(int httpStatus, const HttpHeaders &headers, const QByteArray &body);

// REST-JSON (the IAM Identity Center portal and SSO OIDC): x-amzn-ErrorType, or the body's "__type",
// "code" or "error"; the text from "message", "Message" or "error_description".
AwsError parseRestJsonError(int httpStatus, const HttpHeaders &headers, const QByteArray &body);

// "aws.protocoltests.json10#FooError:http://internal.amazon.com/..." -> "FooError"
QString bareErrorCode(QString code);

QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name);

// ' (AWS said: ...)' when the service gave a reason, for the end of a sentence.
QString awsSaidSuffix(const AwsError &error);
