#include "network/fetchprogress.h"

namespace {

FetchFailure::Kind fetchKindOf(AwsFailure::Kind kind)
{
    switch (kind) {
    case AwsFailure::Kind::Configuration:
        return FetchFailure::Kind::Configuration;
    case AwsFailure::Kind::Credentials:
        return FetchFailure::Kind::Credentials;
    case AwsFailure::Kind::AccessDenied:
        return FetchFailure::Kind::AccessDenied;
    case AwsFailure::Kind::Throttled:
        return FetchFailure::Kind::Throttled;
    case AwsFailure::Kind::Unavailable:
        return FetchFailure::Kind::Unavailable;
    case AwsFailure::Kind::Network:
        return FetchFailure::Kind::Network;
    case AwsFailure::Kind::InvalidRequest:
        return FetchFailure::Kind::InvalidRequest;
    case AwsFailure::Kind::MalformedResponse:
        return FetchFailure::Kind::MalformedPage;
    case AwsFailure::Kind::ServiceError:
        break;
    }
    return FetchFailure::Kind::Service;
}

} // namespace

FetchFailure fetchFailureOf(const AwsFailure &failure, int pagesLoaded, int accountsLoaded)
{
    FetchFailure fetch;
    fetch.kind = fetchKindOf(failure.kind);
    fetch.message = failure.message;
    fetch.suggestedCommand = failure.suggestedCommand;
    fetch.errorCode = failure.error.code;
    fetch.httpStatus = failure.error.httpStatus;
    fetch.pagesLoaded = pagesLoaded;
    fetch.accountsLoaded = accountsLoaded;
    return fetch;
}
