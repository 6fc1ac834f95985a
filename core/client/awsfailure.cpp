#include "client/awsfailure.h"

namespace {

bool isOneOf(const QString &code, std::initializer_list<QStringView> codes)
{
    for (QStringView candidate : codes) {
        if (code == candidate)
            return true;
    }
    return false;
}

} // namespace

bool isExpiredCredentialsError(const QString &code)
{
    return isOneOf(code, {u"ExpiredTokenException", u"ExpiredToken", u"RequestExpired"});
}

AwsFailure::Kind failureKindOf(const AwsError &error)
{
    const QString &code = error.code;
    if (isOneOf(code, {u"AccessDeniedException", u"AccessDenied", u"AWSOrganizationsNotInUseException",
                       u"UnauthorizedOperation", u"ForbiddenException"}))
        return AwsFailure::Kind::AccessDenied;
    if (isExpiredCredentialsError(code)
        || isOneOf(code, {u"UnrecognizedClientException", u"InvalidClientTokenId", u"InvalidSignatureException",
                          u"SignatureDoesNotMatch", u"MissingAuthenticationToken",
                          u"MissingAuthenticationTokenException", u"UnauthorizedException", u"IncompleteSignature"}))
        return AwsFailure::Kind::Credentials;
    if (error.httpStatus == 429
        || isOneOf(code, {u"ThrottlingException", u"Throttling", u"TooManyRequestsException", u"RequestLimitExceeded",
                          u"ThrottledException", u"RequestThrottledException", u"SlowDown"}))
        return AwsFailure::Kind::Throttled;
    if (error.httpStatus >= 500 || isOneOf(code, {u"ServiceUnavailableException", u"InternalServerException"}))
        return AwsFailure::Kind::Unavailable;
    if (isOneOf(code, {u"InvalidParameterValueException", u"InvalidInputException", u"ValidationException",
                       u"ValidationError", u"InvalidParameterException"}))
        return AwsFailure::Kind::InvalidRequest;
    return AwsFailure::Kind::ServiceError;
}

bool AwsFailure::isRetryableLater() const
{
    return kind == Kind::Throttled || kind == Kind::Unavailable || kind == Kind::Network
        || kind == Kind::MalformedResponse;
}
