#pragma once

#include "common/expected.h"

#include <QString>
#include <QUrl>

struct EndpointParameters
{
    QString region; // may be empty
    bool useFips = false;
    bool useDualStack = false;
    QString endpoint; // custom endpoint URL (--endpoint-url, AWS_ENDPOINT_URL...), empty if none
};

struct ResolvedEndpoint
{
    QUrl url;
    QString signingRegion; // from authSchemes when present, else the region
    QString signingName;   // the service's signing name unless the rule set says otherwise
};

// The services Enrollment Desk calls, each with botocore's endpoint rule set built in.
enum class AwsService { ComputeOptimizer, Organizations, Sts, Sso, SsoOidc };

// The SigV4 signing name and rule-set file stem: "compute-optimizer", "organizations", "sts", "sso", "sso-oauth".
QString signingNameOf(AwsService service);

// Where the service answers for these settings, decided by botocore's endpoint rule set and
// partition data (built in). Safe to call from any thread.
Expected<ResolvedEndpoint> resolveEndpoint(AwsService service, const EndpointParameters &parameters);

inline Expected<ResolvedEndpoint> resolveComputeOptimizerEndpoint(const EndpointParameters &parameters)
{
    return resolveEndpoint(AwsService::ComputeOptimizer, parameters);
}
