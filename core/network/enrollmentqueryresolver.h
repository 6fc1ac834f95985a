#pragma once

#include "common/expected.h"
#include "network/enrollmentquery.h"

struct ClientSettingsRequest;

// The whole way from "profile, region, endpoint as the user gave them" to a query ready to run:
// AWS CLI's settings precedence, then the endpoint rule set. Errors say what to do next.
Expected<EnrollmentQuery> resolveEnrollmentQuery(const ClientSettingsRequest &request);

// "Active,failed" -> {"Active", "Failed"}; an unknown name is an error listing the valid ones.
Expected<QStringList> parseStatusList(const QString &text);
