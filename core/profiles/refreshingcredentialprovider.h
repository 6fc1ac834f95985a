#pragma once

#include "client/credentialprovider.h"

#include <QMutex>
#include <QPointer>

#include <memory>
#include <optional>

class Clock;

// Temporary credentials kept until shortly before they expire. Requests that arrive while new
// credentials are being fetched wait for that one fetch, so a load that asks twice at once
// runs one credential_process, one AssumeRole and one MFA prompt. Safe to call from any thread.
class RefreshingCredentialProvider : public CredentialProvider,
                                     public std::enable_shared_from_this<RefreshingCredentialProvider>
{
public:
    // Fetch again this long before the expiration: more than the fetcher's own five minutes,
    // as botocore's mandatory refresh does.
    static constexpr qint64 RefreshMarginSeconds = 10 * 60;

    void requestCredentials(AwsClient &client, CredentialRenewal renewal, CredentialsReady done) final;

    // For status text and tests: what the next request would answer without fetching.
    std::optional<AwsCredentials> cachedCredentials() const;

protected:
    explicit RefreshingCredentialProvider(std::shared_ptr<const Clock> clock);

    // Gets new credentials; calls done once on client's thread unless client is destroyed.
    virtual void fetchCredentials(AwsClient &client, CredentialRenewal renewal, CredentialsReady done) = 0;

    const Clock &clock() const { return *m_clock; }
    std::shared_ptr<const Clock> sharedClock() const { return m_clock; }

private:
    struct Waiter
    {
        QPointer<QObject> client;
        CredentialsReady done;
    };

    bool isFreshLocked() const;
    void finishFetch(const CredentialResult &result);

    std::shared_ptr<const Clock> m_clock;
    mutable QMutex m_mutex;
    std::optional<AwsCredentials> m_cached;
    QList<Waiter> m_waiters;
    bool m_fetching = false;
};
