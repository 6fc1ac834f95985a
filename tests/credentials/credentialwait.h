#pragma once

#include "client/awsclient.h"
#include "client/credentialprovider.h"

#include <QTest>

#include <memory>
#include <optional>

// Asks provider through client (or a fresh one with configuration: proxies, CA bundle, retries) on
// this thread and runs the event loop until it answers (or timeoutMs passes, which leaves the result empty).
inline std::optional<CredentialResult> waitForCredentials(CredentialProvider &provider, AwsClient &client,
                                                          CredentialRenewal renewal = CredentialRenewal::IfExpiring,
                                                          int timeoutMs = 20'000)
{
    auto answer = std::make_shared<std::optional<CredentialResult>>();
    provider.requestCredentials(client, renewal, [answer](const CredentialResult &result) { *answer = result; });
    if (!QTest::qWaitFor([&] { return answer->has_value(); }, timeoutMs))
        return std::nullopt;
    return *answer;
}

inline std::optional<CredentialResult> waitForCredentials(CredentialProvider &provider,
                                                          const ClientConfiguration &configuration,
                                                          CredentialRenewal renewal = CredentialRenewal::IfExpiring,
                                                          int timeoutMs = 20'000)
{
    AwsClient client(configuration);
    return waitForCredentials(provider, client, renewal, timeoutMs);
}

inline std::optional<CredentialResult> waitForCredentials(CredentialProvider &provider,
                                                          CredentialRenewal renewal = CredentialRenewal::IfExpiring,
                                                          int timeoutMs = 20'000)
{
    return waitForCredentials(provider, ClientConfiguration{}, renewal, timeoutMs);
}

inline bool succeeded(const std::optional<CredentialResult> &result)
{
    return result && result->hasValue();
}

// The message of a failed answer, or a note that it did not fail, for QVERIFY2 and QCOMPARE.
inline QString failureOf(const std::optional<CredentialResult> &result)
{
    if (!result)
        return QStringLiteral("<no answer>");
    return *result ? QStringLiteral("<credentials>") : result->error().message;
}
