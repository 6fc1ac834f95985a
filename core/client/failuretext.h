#pragma once

#include "client/awsfailure.h"

#include <QStringList>
#include <QUrl>

// The sentences a failed call ends with, the same for every service: what happened and what to
// do next. Services put their own advice in front where they know more (which permission, which page).
namespace FailureText {
QString untrustedCertificate(const QUrl &url, const QString &service, const QStringList &why);
QString noAnswerInTime(const QString &service, int timeoutMs);
QString connectionBroke(const QString &service, const QString &why);
QString unreachable(const QUrl &url, const QString &service, const QString &why);
QString redirected(const QUrl &url, int status);
QString notAwsJson(const QUrl &url, const QString &service, const QByteArray &contentType);
// Throttled, unavailable, access denied...: a sentence for a service's error answer after retries.
QString forError(AwsFailure::Kind kind, const QString &service, const QString &operation, const AwsError &error);
QString where(const QUrl &url);
} // namespace FailureText
