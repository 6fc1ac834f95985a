#pragma once

#include "sts/assumerolerequest.h"
#include "sts/stsresponse.h"

#include <functional>

class QObject;

struct StsFailure
{
    enum class Kind { Connection, Service, MalformedAnswer };
    Kind kind = Kind::Connection;
    QString message; // for Connection and MalformedAnswer: a sentence; for Service: AWS's own words
    StsError error;  // for Service
};

using AssumeRoleResult = Expected<AwsCredentials, StsFailure>;
using AssumeRoleReady = std::function<void(const AssumeRoleResult &)>;

// One AssumeRole call, signed with source at the time signingTimeUtc() gives for each attempt.
// Throttling, 5xx and broken connections are tried again. done runs once on context's thread.
void assumeRole(const StsConnection &connection, const AssumeRoleParameters &parameters, const AwsCredentials &source,
                std::function<QDateTime()> signingTimeUtc, QObject *context, AssumeRoleReady done);
