// The answers Compute Optimizer and Organizations give for a fault, instead of the operation's own.
#include "simulator/enrollmentsimulator.h"

namespace {

constexpr QByteArrayView listAccountsOperation = "ListAccounts";

} // namespace

// The answer a fault gives instead of the operation's own; none for the faults that spoil that answer.
std::optional<EnrollmentSimulator::Reply> EnrollmentSimulator::faultReply(SimulatorFault fault,
                                                                          QByteArrayView operation) const
{
    const bool organizations = operation == listAccountsOperation;
    switch (fault) {
    case SimulatorFault::Throttling400: {
        ServiceError throttled = ServiceErrors::throttling(400);
        if (organizations) // Organizations words throttling its own way
            throttled.code = "TooManyRequestsException";
        return errorReply(throttled);
    }
    case SimulatorFault::Throttling429:
        return errorReply(ServiceErrors::throttling(429));
    case SimulatorFault::InternalError500:
        return errorReply(ServiceErrors::internalError());
    case SimulatorFault::Unavailable503:
        return errorReply(ServiceErrors::serviceUnavailable());
    case SimulatorFault::ExpiredToken:
        return errorReply(ServiceErrors::expiredToken());
    case SimulatorFault::AccessDenied:
        return errorReply(ServiceErrors::accessDenied(QString::fromLatin1(operation)));
    case SimulatorFault::InvalidParameter:
        return errorReply(ServiceErrors::invalidParameterValue(
            QStringLiteral("The value supplied for the input parameter is out of range or not valid.")));
    case SimulatorFault::InvalidJson200:
        return jsonReply(organizations ? QByteArray("{\"Accounts\": [{\"Id\": \"123456789012\", \"Name\": ")
                                       : QByteArray("{\"accountEnrollmentStatuses\": [{\"accountId\": "
                                                    "\"123456789012\", \"status\": Active"));
    case SimulatorFault::ConnectionReset:
    case SimulatorFault::Stall:
    case SimulatorFault::WrongContentType200: {
        Reply reply;
        reply.response = *networkFaultAnswer(fault);
        return reply;
    }
    case SimulatorFault::TruncatedBody:
    case SimulatorFault::RepeatedToken:
        break;
    }
    return std::nullopt;
}
