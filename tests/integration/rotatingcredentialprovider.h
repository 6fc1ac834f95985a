#pragma once

#include "client/credentialprovider.h"

#include <QList>

#include <atomic>

// Temporary credentials as STS or IAM Identity Center hand them out: each call returns the next
// set (the last one again once they run out), or an error where the set list holds none.
class RotatingCredentialProvider final : public CredentialProvider
{
public:
    explicit RotatingCredentialProvider(QList<Expected<AwsCredentials>> sets)
        : m_sets(std::move(sets))
    {
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
};
