#include "network/ownenrollment.h"

#include "client/parsedcall.h"
#include "network/enrollmenterror.h"
#include "network/enrollmentquery.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <memory>

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

void fetchOwnEnrollment(AwsClient &client, const EnrollmentQuery &query,
                        std::function<void(const Expected<OwnEnrollment> &)> done)
{
    AwsRequest request = awsJsonRequest(query.computeOptimizer(), QStringLiteral("Compute Optimizer"),
                                        "ComputeOptimizerService", QStringLiteral("GetEnrollmentStatus"), "1.0",
                                        QByteArrayLiteral("{}"));
    request.credentials = query.credentials;
    const auto read = [](const QByteArray &body) -> Expected<OwnEnrollment> {
        Expected<OwnEnrollment> parsed = parseOwnEnrollment(body);
        if (!parsed)
            return Unexpected{
                QStringLiteral("Compute Optimizer's answer about this account was malformed: %1.").arg(parsed.error())};
        return parsed;
    };
    sendParsed<OwnEnrollment>(client, std::move(request), read,
                              [done = std::move(done)](const Expected<OwnEnrollment, AwsFailure> &result) {
        if (result) {
            done(result.value());
            return;
        }
        const AwsFailure &failure = result.error();
        const bool explained = failure.error.httpStatus != 0 && !failure.fromCredentialSource;
        done(Unexpected{explained ? explainEnrollmentError(failure.error) : failure.message});
    });
}
