#pragma once

#include "client/clientconfiguration.h"
#include "client/serviceendpoint.h"

#include <QStringList>
#include <QUrl>

#include <memory>

class CredentialProvider;

// Everything one load of the organization's enrollment list needs, resolved up front.
struct EnrollmentQuery
{
    QUrl endpoint;
    QString signingRegion;
    QString signingName = QStringLiteral("compute-optimizer");
    std::shared_ptr<CredentialProvider> credentials;
    QStringList statuses; // server-side filter; empty = all
    // The model allows 1000 (the documentation says 100), which the app asks for (--max-results
    // defaults to 1000); an endpoint that refuses more than 100 gets 100.
    int maxResults = 100;
    // Proxies, CA bundle, read timeout (no byte for this long is a dead connection; long enough
    // for a slow page) and the retry mode, for every call of the load.
    ClientConfiguration client;
    // Account names come from Organizations ListAccounts, fetched beside the list when asked.
    bool includeAccountNames = false;
    ServiceEndpoint organizations;
    // Organizations requests in flight at once while walking the OUs (the client's rate limiter
    // slows them further when Organizations throttles).
    int organizationsConcurrency = 4;
    // STS, for GetCallerIdentity before an opt-in: which account these credentials belong to.
    ServiceEndpoint sts;

    ServiceEndpoint computeOptimizer() const { return {endpoint, signingRegion, signingName}; }
};
