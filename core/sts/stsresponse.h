#pragma once

#include "common/expected.h"
#include "signing/awscredentials.h"

#include <QByteArray>
#include <QString>

// An STS error: <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>.
struct StsError
{
    int httpStatus = 0;
    QString code; // "AccessDenied", "ExpiredToken", ...
    QString message;
    QString requestId;
};

Expected<AwsCredentials> parseAssumeRoleResponse(const QByteArray &xml);
StsError parseStsError(int httpStatus, const QByteArray &xml);
