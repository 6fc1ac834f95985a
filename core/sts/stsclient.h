#pragma once

#include "sts/assumerolerequest.h"
#include "sts/stsresponse.h"

#include <functional>

class AwsClient;

struct StsFailure
{
    enum class Kind { Connection, Service, MalformedAnswer };
    Kind kind = Kind::Connection;
    QString message; // for Connection and MalformedAnswer: a sentence; for Service: AWS's own words
    StsError error;  // for Service
};

using AssumeRoleResult = Expected<AwsCredentials, StsFailure>;
using AssumeRoleReady = std::function<void(const AssumeRoleResult &)>;

// One AssumeRole call through client, signed with source. done runs once on client's thread.
void assumeRole(AwsClient &client, const StsConnection &connection, const AssumeRoleParameters &parameters,
                const AwsCredentials &source, AssumeRoleReady done);
