#pragma once

#include "client/awserror.h"
#include "common/expected.h"
#include "signing/awscredentials.h"

#include <QByteArray>
#include <QString>

// An STS error: <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>.
using StsError = AwsError;

Expected<AwsCredentials> parseAssumeRoleResponse(const QByteArray &xml);
StsError parseStsError(int httpStatus, const QByteArray &xml);
