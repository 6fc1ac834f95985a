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
    QString signingName;   // "compute-optimizer" unless the rule set says otherwise
};

// Where Compute Optimizer answers for these settings, decided by botocore's endpoint rule set
// and partition data (built in). Safe to call from any thread.
Expected<ResolvedEndpoint> resolveComputeOptimizerEndpoint(const EndpointParameters &parameters);
