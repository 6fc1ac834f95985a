#include "simulator/serviceerror.h"

#include "simulator/jsontext.h"

#include <QUuid>

namespace {

constexpr char computeOptimizer[] = "com.amazonaws.computeoptimizer";
constexpr char coralService[] = "com.amazon.coral.service";
constexpr char coralAvailability[] = "com.amazon.coral.availability";

ServiceError error(int status, const char *typeNamespace, const char *code, QString message)
{
    ServiceError result;
    result.httpStatus = status;
    result.typeNamespace = typeNamespace;
    result.code = code;
    result.message = std::move(message);
    return result;
}

} // namespace

HttpResponse ServiceError::toResponse() const
{
    HttpResponse response;
    response.status = httpStatus;
    response.setHeader("Content-Type", "application/x-amz-json-1.0");
    response.setHeader("x-amzn-RequestId", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    response.setHeader("X-Amzn-Errortype", code + ":http://internal.amazon.com/coral/" + typeNamespace + '/');
    QByteArray body = "{\"__type\":" + JsonText::quoted(QString::fromLatin1(typeNamespace + '#' + code));
    if (!message.isNull()) {
        body += ',' + JsonText::quoted(QString::fromLatin1(messageKey)) + ':';
        JsonText::appendString(body, message);
    }
    body += '}';
    response.body = std::move(body);
    return response;
}

namespace ServiceErrors {

// Throttling from the front door (400, coral's namespace) and from the service model (429) both carry
// the code ThrottlingException, so a client classifying by code treats them alike.
ServiceError throttling(int httpStatus)
{
    return error(httpStatus, httpStatus == 429 ? computeOptimizer : coralAvailability, "ThrottlingException",
                 QStringLiteral("Rate exceeded"));
}

ServiceError tooManyRequests()
{
    ServiceError result = error(400, "com.amazonaws.organizations.v20161128", "TooManyRequestsException",
                                QStringLiteral("You have sent too many requests in too short a period of time. The "
                                               "quota helps protect against denial-of-service attacks. Try again "
                                               "later."));
    result.messageKey = "Message";
    return result;
}

ServiceError internalError()
{
    return error(500, computeOptimizer, "InternalServerException",
                 QStringLiteral("An internal error has occurred. Try your call again."));
}

ServiceError serviceUnavailable()
{
    return error(503, computeOptimizer, "ServiceUnavailableException",
                 QStringLiteral("The request has failed due to a temporary failure of the server."));
}

ServiceError accessDenied(const QString &operation)
{
    const QString action = QStringLiteral("compute-optimizer:") + operation;
    ServiceError result = error(
        400, coralService, "AccessDeniedException",
        QStringLiteral("User: arn:aws:sts::111122223333:assumed-role/ReadOnly/enrollment-desk is not authorized "
                       "to perform: %1 because no identity-based policy allows the %1 action")
            .arg(action));
    result.messageKey = "Message";
    return result;
}

ServiceError invalidParameterValue(const QString &message)
{
    return error(400, computeOptimizer, "InvalidParameterValueException", message);
}

ServiceError missingAuthenticationToken()
{
    return error(403, computeOptimizer, "MissingAuthenticationToken",
                 QStringLiteral("Missing Authentication Token"));
}

ServiceError unrecognizedClient()
{
    return error(400, coralService, "UnrecognizedClientException",
                 QStringLiteral("The security token included in the request is invalid."));
}

ServiceError expiredToken()
{
    return error(400, coralService, "ExpiredTokenException",
                 QStringLiteral("The security token included in the request is expired"));
}

ServiceError invalidSignature(const QString &message)
{
    return error(400, coralService, "InvalidSignatureException", message);
}

ServiceError signatureMismatch()
{
    return invalidSignature(QStringLiteral(
        "The request signature we calculated does not match the signature you provided. Check your AWS "
        "Secret Access Key and signing method. Consult the service documentation for details."));
}

ServiceError incompleteSignature(const QString &message)
{
    return error(400, coralService, "IncompleteSignatureException", message);
}

ServiceError unknownOperation(const QString &message)
{
    return error(400, coralService, "UnknownOperationException", message);
}

ServiceError serialization(const QString &message)
{
    return error(400, coralService, "SerializationException", message);
}

} // namespace ServiceErrors
