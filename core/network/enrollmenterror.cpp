#include "network/enrollmenterror.h"

#include <QStringBuilder>

namespace {

QString withServerText(const QString &advice, const AwsError &error)
{
    if (error.message.isEmpty())
        return advice;
    return advice % QStringLiteral(" (AWS said: ") % error.message % u')';
}

} // namespace

QString explainEnrollmentError(const AwsError &error)
{
    const QString &code = error.code;
    if (code == u"AccessDeniedException")
        return withServerText(
            QStringLiteral("Access denied: the list of member accounts needs the organization's management "
                           "account or a delegated administrator for Compute Optimizer. Choose a profile for one "
                           "of those, or ask for compute-optimizer:GetEnrollmentStatusesForOrganization."),
            error);
    if (code == u"MissingAuthenticationToken" || code == u"MissingAuthenticationTokenException")
        return QStringLiteral("The request reached AWS without credentials. Check that the profile has an access "
                              "key, or run 'aws configure'.");
    if (code == u"InvalidSignatureException" || code == u"SignatureDoesNotMatch")
        return withServerText(
            QStringLiteral("AWS rejected the request signature. Check the secret access key for this profile and "
                           "that this computer's clock is correct."),
            error);
    if (code == u"UnrecognizedClientException" || code == u"InvalidClientTokenId")
        return QStringLiteral("AWS does not recognise the access key or session token. Check the keys for this "
                              "profile, or sign in again ('aws sso login') if they are temporary.");
    if (code == u"ExpiredTokenException" || code == u"ExpiredToken" || code == u"RequestExpired")
        return QStringLiteral("The session credentials have expired. Sign in again (for example 'aws sso login') "
                              "and retry.");
    if (code == u"InvalidParameterValueException")
        return withServerText(QStringLiteral("AWS rejected a request parameter. Check the --status and "
                                             "--max-results values"),
                              error);
    if (code == u"OptInRequiredException")
        return withServerText(QStringLiteral("This account is not opted in to Compute Optimizer. Opt in from the "
                                             "Compute Optimizer console, then retry"),
                              error);
    if (code == u"ThrottlingException" || error.httpStatus == 429)
        return QStringLiteral("AWS kept throttling the requests after every retry. Wait a minute and retry, or "
                              "raise max_attempts in the profile.");
    if (code == u"ServiceUnavailableException" || error.httpStatus == 503)
        return QStringLiteral("Compute Optimizer is unavailable right now. Retry in a few minutes.");
    if (code == u"InternalServerException" || error.httpStatus >= 500)
        return withServerText(QStringLiteral("Compute Optimizer had an internal error. Retry in a few minutes"),
                              error);
    const QString name = code.isEmpty() ? QStringLiteral("HTTP %1").arg(error.httpStatus) : code;
    return withServerText(QStringLiteral("AWS returned %1.").arg(name), error);
}
