#pragma once

#include "client/awsfailure.h"

#include <QMetaType>
#include <QString>

struct FetchProgress
{
    int pages = 0;
    int accounts = 0;
    int retries = 0;
    int duplicatesIgnored = 0;
    // The wait before the next attempt, while one is scheduled; 0 otherwise.
    int retryDelayMs = 0;
    bool throttled = false;
    QString retryReason;
};

struct FetchFailure
{
    // The client's failure kinds, plus what only paging can tell: a page token loop.
    enum class Kind {
        Configuration,
        Credentials,
        AccessDenied,
        Throttled,
        Unavailable,
        Network,
        InvalidRequest,
        Service,
        MalformedPage,
        TokenLoop,
    };
    Kind kind = Kind::Network;
    QString message; // a sentence saying what happened and what to do
    // A command that fixes a Credentials failure, for a "Copy command" button: "aws sso login --profile audit".
    QString suggestedCommand;
    QString errorCode;
    int httpStatus = 0;
    int pagesLoaded = 0;
    int accountsLoaded = 0;
};

// The same failure in paging's terms, with what was loaded before it.
FetchFailure fetchFailureOf(const AwsFailure &failure, int pagesLoaded, int accountsLoaded);

Q_DECLARE_METATYPE(FetchProgress)
Q_DECLARE_METATYPE(FetchFailure)
