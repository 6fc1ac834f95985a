#include "profiles/refreshingcredentialprovider.h"
#include "client/awsclient.h"

#include "signing/clock.h"

#include <QObject>

RefreshingCredentialProvider::RefreshingCredentialProvider(std::shared_ptr<const Clock> clock)
    : m_clock(clock ? std::move(clock) : std::make_shared<SystemClock>())
{
}

bool RefreshingCredentialProvider::isFreshLocked() const
{
    if (!m_cached)
        return false;
    if (!m_cached->expiration)
        return true;
    return m_clock->nowUtc().secsTo(*m_cached->expiration) > RefreshMarginSeconds;
}

std::optional<AwsCredentials> RefreshingCredentialProvider::cachedCredentials() const
{
    QMutexLocker locker(&m_mutex);
    return isFreshLocked() ? m_cached : std::nullopt;
}

void RefreshingCredentialProvider::requestCredentials(AwsClient &client, CredentialRenewal renewal,
                                                      CredentialsReady done)
{
    QObject *context = &client; // the fetch lives in client's thread and dies with it
    QMutexLocker locker(&m_mutex);
    if (renewal == CredentialRenewal::IfExpiring && !m_fetching && isFreshLocked()) {
        const AwsCredentials cached = *m_cached;
        locker.unlock();
        done(cached);
        return;
    }
    if (renewal == CredentialRenewal::Force)
        m_cached.reset();
    m_waiters.append(Waiter{context, std::move(done)});
    if (m_fetching)
        return;
    m_fetching = true;
    locker.unlock();

    // The fetch lives in a child of the first caller's client; if that client goes away
    // mid-fetch, the waiters hear so instead of waiting for ever.
    auto *fetch = new QObject(context);
    auto finished = std::make_shared<bool>(false);
    std::weak_ptr<RefreshingCredentialProvider> weakSelf = weak_from_this();
    QObject::connect(fetch, &QObject::destroyed, [weakSelf, finished] {
        if (*finished)
            return;
        if (auto self = weakSelf.lock())
            self->finishFetch(Unexpected{QStringLiteral("Getting credentials was cancelled.")});
    });
    fetchCredentials(client, renewal, [self = shared_from_this(), fetch, finished](const CredentialResult &result) {
        *finished = true;
        fetch->deleteLater();
        self->finishFetch(result);
    });
}

void RefreshingCredentialProvider::finishFetch(const CredentialResult &result)
{
    QMutexLocker locker(&m_mutex);
    if (result)
        m_cached = result.value();
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    m_fetching = false;
    locker.unlock();

    for (const Waiter &waiter : waiters) {
        if (!waiter.client)
            continue;
        // Each waiter hears on its own thread; on this one, at once.
        QMetaObject::invokeMethod(
            waiter.client, [done = waiter.done, result] { done(result); }, Qt::AutoConnection);
    }
}
