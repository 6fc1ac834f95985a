#pragma once

#include "client/awserror.h"
#include "client/awsrequest.h"
#include "common/expected.h"
#include "signing/awscredentials.h"

#include <QString>

#include <functional>

class AwsClient;

// Why a call that hands out credentials (STS AssumeRole, IAM Identity Center GetRoleCredentials)
// gave none, in the terms its credential source explains to the user.
struct CredentialCallFailure
{
    enum class Kind { Connection, Service, MalformedAnswer };
    Kind kind = Kind::Connection;
    QString message; // for Connection and MalformedAnswer: a sentence; for Service: AWS's own words
    AwsError error;  // for Service
};

using CredentialCallResult = Expected<AwsCredentials, CredentialCallFailure>;
using CredentialCallReady = std::function<void(const CredentialCallResult &)>;
// Reads the credentials from a 2xx body, or says in a sentence why the body holds none.
using CredentialReader = std::function<Expected<AwsCredentials>(const QByteArray &body)>;

// Sends request through client (with its retries), reads the answer with read, and calls done once
// on client's thread.
void sendCredentialCall(AwsClient &client, AwsRequest request, CredentialReader read, CredentialCallReady done);
