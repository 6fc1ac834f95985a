#include "simulator/enrollmentsimulator.h"

// The Organizations half of the simulator: its operations share the port, the signature check,
// the latency and the faults of the Compute Optimizer half, and have a rate limit of their own.

void EnrollmentSimulator::setAccountNamesDenied(bool denied)
{
    setOrganizationsAccess(denied ? OrganizationsService::Access::Denied : OrganizationsService::Access::Allowed);
}

void EnrollmentSimulator::setOrganizationsAccess(OrganizationsService::Access access)
{
    m_organizations.setAccess(access);
}

void EnrollmentSimulator::setPathsIncluded(bool included)
{
    m_organizations.setPathsIncluded(included);
}

void EnrollmentSimulator::setMaxResultsLimit(int limit)
{
    m_pages.setMaxResultsLimit(limit);
}

int EnrollmentSimulator::listAccountsRequestCount() const
{
    return m_organizationsRequests.value("ListAccounts");
}

int EnrollmentSimulator::organizationsRequestCount() const
{
    int total = 0;
    for (const int count : m_organizationsRequests)
        total += count;
    return total;
}

int EnrollmentSimulator::organizationsRequestCount(QByteArrayView operation) const
{
    return m_organizationsRequests.value(operation.toByteArray());
}

EnrollmentSimulator::Reply EnrollmentSimulator::handleOrganizations(const ReceivedHttpRequest &request,
                                                                    QByteArrayView operation)
{
    const int number = ++m_organizationsRequests[operation.toByteArray()];
    const auto asOrganizations = [](Reply reply) {
        reply.response.setHeader("Content-Type", "application/x-amz-json-1.1");
        return reply;
    };
    const QByteArray type = request.header("Content-Type").split(';').value(0).trimmed().toLower();
    if (type != "application/x-amz-json-1.1")
        return errorReply(ServiceErrors::unknownOperation(
            QStringLiteral("The Content-Type must be application/x-amz-json-1.1 for AWS Organizations.")));
    if (m_requireSignature) {
        const SignableRequest signable{request.method, request.path, request.query, request.headers, request.body};
        if (const auto refused = m_authenticator.check(signable, serverNowUtc(), QStringLiteral("organizations")))
            return errorReply(*refused);
    }
    if (overRateLimit(SimulatedService::Organizations))
        return asOrganizations(errorReply(ServiceErrors::tooManyRequests()));
    const std::optional<SimulatorFault> fault = faultFor(operation, number);
    if (fault) {
        if (auto instead = faultReply(*fault, operation)) {
            if (instead->response.status != 200 && instead->response.delivery == HttpResponse::Delivery::Whole)
                instead->response.setHeader("Content-Type", "application/x-amz-json-1.1");
            return *instead;
        }
    }
    auto page = m_organizations.answer(operation, request.body);
    if (!page)
        return asOrganizations(errorReply(page.error()));
    Reply reply = asOrganizations(jsonReply(page.value()));
    if (fault == SimulatorFault::TruncatedBody)
        reply.response.delivery = HttpResponse::Delivery::CutOff;
    return reply;
}
