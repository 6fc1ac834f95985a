// Opting in, and what Organizations and STS say before it: the simulator's side of issue 13.
#include "simulator/enrollmentsimulator.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

constexpr QByteArrayView updateOperation = "UpdateEnrollmentStatus";
constexpr QByteArrayView organizationsPrefix = "AWSOrganizationsV20161128.";
const QByteArray OrganizationsContentType = "application/x-amz-json-1.1";

SignableRequest signable(const ReceivedHttpRequest &request)
{
    return SignableRequest{request.method, request.path, request.query, request.headers, request.body};
}

ServiceError organizationsError(const QByteArray &code, const QString &message)
{
    ServiceError error;
    error.httpStatus = 400;
    error.typeNamespace = "com.amazonaws.organizations.v20161128";
    error.code = code;
    error.message = message;
    error.messageKey = "Message";
    return error;
}

} // namespace

void EnrollmentSimulator::setOptIn(SimulatedOptInSetup setup)
{
    m_optIn = SimulatedOptIn(std::move(setup));
}

void EnrollmentSimulator::advanceOptIn()
{
    if (m_optIn.advance(m_organization, m_uptime.elapsed(), serverNowUtc().toSecsSinceEpoch()))
        m_pages = OrganizationPages(m_organization, m_pagesSalt);
}

std::optional<EnrollmentSimulator::Reply> EnrollmentSimulator::handleOptInOperations(const QByteArray &target,
                                                                                     const ReceivedHttpRequest &request)
{
    if (target == "ComputeOptimizerService." + updateOperation.toByteArray())
        return handleUpdateEnrollmentStatus(request);
    if (target.startsWith(organizationsPrefix.toByteArray())) {
        const QByteArray operation = target.mid(organizationsPrefix.size());
        if (operation == "ListAWSServiceAccessForOrganization" || operation == "ListDelegatedAdministrators"
            || operation == "DescribeOrganization")
            return handleOrganizationsQuestion(operation, request);
        return std::nullopt;
    }
    if (target.isEmpty() && request.body.contains("Action=GetCallerIdentity"))
        return handleCallerIdentity(request);
    return std::nullopt;
}

EnrollmentSimulator::Reply EnrollmentSimulator::handleUpdateEnrollmentStatus(const ReceivedHttpRequest &request)
{
    const int number = ++m_updateRequestCount;
    m_updateBodies.append(request.body);
    if (const auto refused = checkContentTypeAndSignature(request))
        return errorReply(*refused);
    if (overRateLimit(SimulatedService::ComputeOptimizer))
        return errorReply(ServiceErrors::throttling(400));
    if (const std::optional<SimulatorFault> fault = faultFor(updateOperation, number)) {
        if (auto instead = faultReply(*fault, updateOperation))
            return *instead;
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString status = body.value(QLatin1String("status")).toString();
    if (status != QLatin1String("Active"))
        return errorReply(ServiceErrors::invalidParameterValue(
            QStringLiteral("The simulator only opts in: status must be Active, not '%1'.").arg(status)));
    const bool includeMembers = body.value(QLatin1String("includeMemberAccounts")).toBool();
    const SimulatedOptInSetup &setup = m_optIn.setup();
    if (includeMembers && (!setup.inOrganization || setup.callerAccountId != setup.managementAccountId))
        return errorReply(ServiceErrors::invalidParameterValue(
            QStringLiteral("Only the management account of an organization can enroll member accounts.")));
    if (m_optIn.optIn(m_organization, includeMembers, m_uptime.elapsed(), serverNowUtc().toSecsSinceEpoch()))
        m_pages = OrganizationPages(m_organization, m_pagesSalt);
    return jsonReply(m_optIn.updateAnswerJson());
}

EnrollmentSimulator::Reply EnrollmentSimulator::handleOrganizationsQuestion(QByteArrayView operation,
                                                                            const ReceivedHttpRequest &request)
{
    const auto withType = [](Reply reply) {
        reply.response.setHeader("Content-Type", OrganizationsContentType);
        return reply;
    };
    if (m_requireSignature) {
        if (const auto refused = m_authenticator.check(signable(request), serverNowUtc(), QStringLiteral("organizations")))
            return errorReply(*refused);
    }
    if (overRateLimit(SimulatedService::Organizations))
        return withType(errorReply(ServiceErrors::tooManyRequests()));
    const SimulatedOptInSetup &setup = m_optIn.setup();
    if (!setup.inOrganization)
        return withType(errorReply(organizationsError(
            "AWSOrganizationsNotInUseException",
            QStringLiteral("Your account is not a member of an organization."))));
    if (operation == QByteArrayView("DescribeOrganization"))
        return withType(jsonReply(m_optIn.describeOrganizationJson()));

    // Only the management account and delegated administrators may ask the other two.
    bool allowed = setup.callerAccountId == setup.managementAccountId;
    for (const SimulatedOptInSetup::Administrator &admin : setup.delegatedAdministrators)
        allowed = allowed || admin.accountId == setup.callerAccountId;
    if (!allowed || m_organizations.access() == OrganizationsService::Access::Denied)
        return withType(errorReply(
            organizationsError("AccessDeniedException", QStringLiteral("You don't have permissions to access this resource."))));
    if (operation == QByteArrayView("ListAWSServiceAccessForOrganization"))
        return withType(jsonReply(m_optIn.serviceAccessJson()));
    return withType(jsonReply(m_optIn.delegatedAdministratorsJson()));
}

EnrollmentSimulator::Reply EnrollmentSimulator::handleCallerIdentity(const ReceivedHttpRequest &request)
{
    if (m_requireSignature) {
        if (const auto refused = m_authenticator.check(signable(request), serverNowUtc(), QStringLiteral("sts")))
            return errorReply(*refused);
    }
    Reply reply;
    reply.response.setHeader("Content-Type", "text/xml");
    reply.response.body = m_optIn.callerIdentityXml();
    return reply;
}
