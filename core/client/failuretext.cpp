#include "client/failuretext.h"

namespace FailureText {

QString where(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery);
}

QString untrustedCertificate(const QUrl &url, const QString &service, const QStringList &why)
{
    return QStringLiteral("The TLS certificate of %1 (%2) is not trusted: %3. If your network inspects TLS "
                          "traffic, set AWS_CA_BUNDLE or ca_bundle in your profile to a PEM file with your "
                          "organization's CA certificates.")
        .arg(where(url), service, why.join(QStringLiteral("; ")));
}

QString noAnswerInTime(const QString &service, int timeoutMs)
{
    return QStringLiteral("%1 did not answer within %2 s. Check your network connection, then retry.")
        .arg(service)
        .arg(timeoutMs / 1000);
}

QString connectionBroke(const QString &service, const QString &why)
{
    return QStringLiteral("The connection broke while the answer from %1 was arriving (%2). Retry to continue.")
        .arg(service, why);
}

QString unreachable(const QUrl &url, const QString &service, const QString &why)
{
    return QStringLiteral("Could not reach %1 at %2: %3. Check the endpoint, your network and any proxy "
                          "(https_proxy, no_proxy), then retry.")
        .arg(service, where(url), why);
}

QString redirected(const QUrl &url, int status)
{
    return QStringLiteral("%1 redirected the request (HTTP %2). Check the endpoint URL and the Region.")
        .arg(where(url))
        .arg(status);
}

QString notAwsJson(const QUrl &url, const QString &service, const QByteArray &contentType)
{
    return QStringLiteral("%1 answered with '%2' instead of AWS JSON, so it is probably not %3 (a proxy or captive "
                          "portal?). Check the endpoint URL and proxy settings.")
        .arg(where(url), QString::fromLatin1(contentType), service);
}

QString forError(AwsFailure::Kind kind, const QString &service, const QString &operation, const AwsError &error)
{
    const QString said = awsSaidSuffix(error);
    switch (kind) {
    case AwsFailure::Kind::Throttled:
        return QStringLiteral("%1 kept throttling the requests after every retry. Wait a minute and retry, or "
                              "raise max_attempts in the profile.")
            .arg(service);
    case AwsFailure::Kind::Unavailable:
        return QStringLiteral("%1 is unavailable right now%2. Retry in a few minutes.").arg(service, said);
    case AwsFailure::Kind::AccessDenied:
        return QStringLiteral("Access denied: this profile may not call %1 %2%3. Choose a profile with that "
                              "permission.")
            .arg(service, operation, said);
    case AwsFailure::Kind::Credentials:
        return QStringLiteral("%1 did not accept the credentials (%2)%3. Sign in again or check the keys for this "
                              "profile, then retry.")
            .arg(service, error.code, said);
    default:
        break;
    }
    const QString name = error.code.isEmpty() ? QStringLiteral("HTTP %1").arg(error.httpStatus) : error.code;
    return QStringLiteral("%1 answered %2 to %3%4.").arg(service, name, operation, said);
}

} // namespace FailureText
