#pragma once

#include "simulator/httpresponse.h"

#include <QByteArray>
#include <QString>

// An error as an AWS JSON 1.0 service sends it: a status, an X-Amzn-Errortype header and a body
// {"__type":"namespace#Code","message":"..."}.
struct ServiceError
{
    int httpStatus = 400;
    QByteArray typeNamespace; // "com.amazonaws.computeoptimizer" for modelled errors, coral's for the front door
    QByteArray code;          // "ThrottlingException"
    QString message;
    QByteArray messageKey = "message"; // coral's authorization layer writes "Message"

    HttpResponse toResponse() const;
};

// The errors the simulator produces, worded as AWS words them.
namespace ServiceErrors {

ServiceError throttling(int httpStatus);
ServiceError tooManyRequests(); // AWS Organizations' throttling
ServiceError internalError();
ServiceError serviceUnavailable();
ServiceError accessDenied(const QString &operation);
ServiceError invalidParameterValue(const QString &message);
ServiceError missingAuthenticationToken();
ServiceError unrecognizedClient();
ServiceError expiredToken();
ServiceError invalidSignature(const QString &message);
ServiceError signatureMismatch();
ServiceError incompleteSignature(const QString &message);
ServiceError unknownOperation(const QString &message);
ServiceError serialization(const QString &message);

} // namespace ServiceErrors
