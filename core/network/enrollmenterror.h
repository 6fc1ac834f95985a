#pragma once

#include "client/awserror.h"

// A sentence an administrator can act on for an error from Compute Optimizer's enrollment calls.
QString explainEnrollmentError(const AwsError &error);
