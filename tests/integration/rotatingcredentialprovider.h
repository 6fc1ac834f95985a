#pragma once

#include "client/credentialprovider.h"

#include <QList>

#include <atomic>

// Temporary credentials as STS or IAM Identity Center hand them out: the first set until a service
// calls it expired, then the next one on each forced renewal (the last one again once they run
// out), or an error where the set list holds none. calls() counts the sets handed out.
class RotatingCredentialProvider final : public CredentialProvider
{
public:
    explicit RotatingCredentialProvider(QList<Expected<AwsCredentials>> sets)
        : m_sets(std::move(sets))
    {
    }

    void requestCredentials(AwsClient &, CredentialRenewal renewal, CredentialsReady done) override
    {
        if (m_calls.load() == 0 || renewal == CredentialRenewal::Force)
            m_current = m_calls.fetch_add(1);
        const Expected<AwsCredentials> &set = m_sets.at(qMin(m_current, int(m_sets.size()) - 1));
        if (set)
            done(set.value());
        else
            done(Unexpected{CredentialError(set.error())});
    }
    Expected<AwsCredentials> credentials() override
    {
        const int call = m_calls.fetch_add(1);
        return m_sets.at(qMin(call, int(m_sets.size()) - 1));
    }
    QString sourceDescription() const override { return QStringLiteral("rotating test credentials"); }

    int calls() const { return m_calls.load(); }

private:
    const QList<Expected<AwsCredentials>> m_sets;
    std::atomic_int m_calls{0};
    int m_current = 0;
};
