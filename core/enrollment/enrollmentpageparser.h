#pragma once

#include "common/expected.h"
#include "enrollment/accountenrollment.h"

#include <QByteArray>

// Reads one GetEnrollmentStatusesForOrganization response body. A body that is not the documented
// shape is an error naming what was wrong: a malformed page must never pass for "no more pages".
Expected<EnrollmentPage> parseEnrollmentPage(const QByteArray &body);
