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
    int maxResults = 100;
    // Proxies, CA bundle, read timeout (no byte for this long is a dead connection; long enough
    // for a slow page) and the retry mode, for every call of the load.
    ClientConfiguration client;
    // Account names come from Organizations ListAccounts, fetched beside the list when asked.
    bool includeAccountNames = false;
    ServiceEndpoint organizations;

    ServiceEndpoint computeOptimizer() const { return {endpoint, signingRegion, signingName}; }
};
