#pragma once

// Misbehaviour the simulator can be told to show on chosen page requests.
enum class SimulatorFault {
    Throttling400,       // 400 ThrottlingException (JSON body, X-Amzn-Errortype header)
    Throttling429,       // 429 ThrottlingException
    InternalError500,    // 500 InternalServerException
    Unavailable503,      // 503 ServiceUnavailableException
    ConnectionReset,     // read the request, then abort the connection without a response
    TruncatedBody,       // Content-Length of the full page, but only half the body, then close
    InvalidJson200,      // 200 with a body that is not JSON
    WrongContentType200, // 200 with Content-Type text/html and an HTML body
    RepeatedToken,       // the page carries a nextToken handed out earlier (A, B, A)
    Stall,               // never answer this request; other connections are still served
    ExpiredToken,        // 400 ExpiredTokenException
    AccessDenied,        // 400 AccessDeniedException, worded as the IAM authorization layer words it
    InvalidParameter     // 400 InvalidParameterValueException
};

struct FaultRule
{
    SimulatorFault fault;
    int onPageRequest = 1; // 1-based count of GetEnrollmentStatusesForOrganization requests; 0 = every request
    int times = 1;         // how many consecutive requests, starting there, it hits
};
