#include "network/ownenrollment.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

Expected<OwnEnrollment> parseOwnEnrollment(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Unexpected{QStringLiteral("the GetEnrollmentStatus response is not a JSON object")};
    const QJsonObject root = document.object();
    const QJsonValue status = root.value(QLatin1String("status"));
    if (!status.isString())
        return Unexpected{QStringLiteral("the GetEnrollmentStatus response has no status")};

    OwnEnrollment own;
    own.status = status.toString();
    own.statusReason = root.value(QLatin1String("statusReason")).toString();
    own.memberAccountsEnrolled = root.value(QLatin1String("memberAccountsEnrolled")).toBool();
    own.numberOfMemberAccountsOptedIn = root.value(QLatin1String("numberOfMemberAccountsOptedIn")).toInt();
    const QJsonValue updated = root.value(QLatin1String("lastUpdatedTimestamp"));
    if (updated.isDouble() && std::isfinite(updated.toDouble()))
        own.lastUpdatedMsecs = std::llround(updated.toDouble() * 1000.0);
    return own;
}
