#pragma once

#include "client/awserror.h"

#include <QMetaType>
#include <QString>

// Why a call gave up, in kinds a window can act on without comparing error codes.
struct AwsFailure
{
    enum class Kind {
        Configuration,     // the settings cannot work: an unreadable CA bundle, an untrusted certificate, a redirect
        Credentials,       // none, refused, or expired for good: sign in again
        AccessDenied,      // the caller may not do this: another account or another policy is needed
        Throttled,         // still throttled after every retry
        Unavailable,       // the service kept failing (5xx)
        Network,           // no answer: connection refused, reset, timed out
        InvalidRequest,    // the service refused a parameter (4xx validation)
        MalformedResponse, // an answer that is not what the operation returns
        ServiceError,      // any other error answer
    };

    Kind kind = Kind::Network;
    QString message; // a sentence saying what happened and what to do
    AwsError error;  // the service's answer, when there was one
    // A command that fixes a Credentials failure, for a "Copy command" button.
    QString suggestedCommand;
    int attempts = 0;
    // The service called the credentials expired and their source could not renew them: message
    // is the source's own explanation.
    bool fromCredentialSource = false;

    bool isRetryableLater() const;
};

Q_DECLARE_METATYPE(AwsFailure)

// The kind an error answer belongs to, once retries are spent.
AwsFailure::Kind failureKindOf(const AwsError &error);

bool isExpiredCredentialsError(const QString &code);
