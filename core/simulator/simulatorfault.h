#pragma once

#include "simulator/httpresponse.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

// Misbehaviour the simulators can be told to show on chosen requests.
enum class SimulatorFault {
    Throttling400,       // 400 ThrottlingException (TooManyRequestsException for Organizations, Throttling for STS)
    Throttling429,       // 429 ThrottlingException (TooManyRequestsException for the IAM Identity Center portal)
    InternalError500,    // 500 InternalServerException
    Unavailable503,      // 503 ServiceUnavailableException
    ConnectionReset,     // read the request, then abort the connection without a response
    TruncatedBody,       // Content-Length of the full answer, but only half the body, then close
    InvalidJson200,      // 200 with a body that is not JSON
    WrongContentType200, // 200 with Content-Type text/html and an HTML body
    RepeatedToken,       // the page carries a nextToken handed out earlier (A, B, A)
    Stall,               // never answer this request; other connections are still served
    ExpiredToken,        // 400 ExpiredTokenException (401 UnauthorizedException from the portal)
    AccessDenied,        // 400 AccessDeniedException, worded as the IAM authorization layer words it
    InvalidParameter     // 400 InvalidParameterValueException
};

struct FaultRule
{
    SimulatorFault fault;
    int onRequest = 1; // 1-based count of requests for the operation; 0 = every request
    int times = 1;     // how many consecutive requests, starting there, it hits
    // "ListAccounts", "GetEnrollmentStatus", "AssumeRole", "GetRoleCredentials"...; empty: the
    // simulator's main operation (GetEnrollmentStatusesForOrganization for Compute Optimizer).
    QByteArray operation = {};
};

// The fault rules of one simulator, each counting the requests of its own operation.
class FaultSchedule
{
public:
    explicit FaultSchedule(QByteArray mainOperation);

    void add(FaultRule rule);
    void clear();
    // The fault for request number `number` (1-based) of operation, if a rule hits it.
    std::optional<SimulatorFault> faultFor(QByteArrayView operation, int number) const;

private:
    QByteArray m_mainOperation;
    QList<FaultRule> m_rules;
};

// The answer every simulator gives for the faults that are the network's, not the service's: a
// reset, silence, or a captive portal's sign-in page in a 200. None for the others.
std::optional<HttpResponse> networkFaultAnswer(SimulatorFault fault);
