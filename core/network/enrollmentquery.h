#pragma once

#include "http/proxysettings.h"

#include <QStringList>
#include <QUrl>

#include <memory>

class CredentialProvider;

// Where a service answers and how requests to it are signed.
struct ServiceEndpoint
{
    QUrl url;
    QString signingRegion;
    QString signingName;

    bool isValid() const { return url.isValid() && !url.isEmpty(); }
};

// Everything one load of the organization's enrollment list needs, resolved up front.
struct EnrollmentQuery
{
    QUrl endpoint;
    QString signingRegion;
    QString signingName = QStringLiteral("compute-optimizer");
    std::shared_ptr<CredentialProvider> credentials;
    QStringList statuses; // server-side filter; empty = all
    int maxResults = 100;
    int maxAttempts = 3;
    // No byte for this long is a dead connection. Long enough for a slow page (10 s and more).
    int readTimeoutMs = 30'000;
    QString caBundle;
    ProxySettings proxies; // https_proxy, no_proxy...; empty = direct
    // Account names come from Organizations ListAccounts, fetched beside the list when asked.
    bool includeAccountNames = false;
    ServiceEndpoint organizations;
};
