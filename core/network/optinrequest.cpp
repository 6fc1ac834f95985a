#include "network/optinrequest.h"

#include "client/parsedcall.h"
#include "network/enrollmenterror.h"
#include "network/enrollmentquery.h"

#include <QJsonDocument>
#include <QJsonObject>

Expected<OptInAccepted> parseOptInAnswer(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return Unexpected{QStringLiteral("the UpdateEnrollmentStatus response is not a JSON object")};
    const QJsonObject root = document.object();
    return OptInAccepted{root.value(QLatin1String("status")).toString(),
                         root.value(QLatin1String("statusReason")).toString()};
}

void requestOptIn(AwsClient &client, const EnrollmentQuery &query, bool includeMembers,
                  std::function<void(const Expected<OptInAccepted, OptInRefused> &)> done)
{
    QJsonObject body{{QLatin1String("status"), QStringLiteral("Active")}};
    if (includeMembers)
        body.insert(QLatin1String("includeMemberAccounts"), true);
    // Through the shared client, which retries throttling, 5xx and broken transfers. That is safe
    // here: setting Active on an account that is already Active (or Pending) changes nothing, so an
    // attempt that reached AWS before its answer was lost does no harm when it is sent again.
    AwsRequest request = awsJsonRequest(query.computeOptimizer(), QStringLiteral("Compute Optimizer"),
                                        "ComputeOptimizerService", QStringLiteral("UpdateEnrollmentStatus"), "1.0",
                                        QJsonDocument(body).toJson(QJsonDocument::Compact));
    request.credentials = query.credentials;
    sendParsed<OptInAccepted>(client, std::move(request), parseOptInAnswer,
                              [done = std::move(done)](const Expected<OptInAccepted, AwsFailure> &result) {
        if (result) {
            done(result.value());
            return;
        }
        const AwsFailure &failure = result.error();
        if (failure.kind == AwsFailure::Kind::AccessDenied) {
            done(Unexpected{OptInRefused{
                QStringLiteral("AWS refused the opt-in: these credentials may not opt in to Compute Optimizer. "
                               "Opting in needs %1. Ask your administrator for them, or use a role that has them.%2")
                    .arg(OptInPermissions, awsSaidSuffix(failure.error)),
                true}});
            return;
        }
        const bool explained = failure.error.httpStatus != 0 && !failure.fromCredentialSource;
        done(Unexpected{OptInRefused{
            QStringLiteral("The opt-in was not accepted; nothing changed. %1")
                .arg(explained ? explainEnrollmentError(failure.error) : failure.message),
            false}});
    });
}
