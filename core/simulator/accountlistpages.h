#pragma once

#include "common/expected.h"
#include "simulator/pagetokencodec.h"
#include "simulator/serviceerror.h"
#include "simulator/simulatedorganization.h"

#include <QByteArray>
#include <QList>

// Organizations ListAccounts (AWS JSON 1.1) over the simulated organization: every account, 20 a
// page at most, as AWS Organizations pages them.
class AccountListPages
{
public:
    AccountListPages(const SimulatedOrganization &organization, quint64 tokenSalt);

    // The JSON page for a request body, or the error AWS Organizations would answer with.
    Expected<QByteArray, ServiceError> answer(const QByteArray &body) const;

    static constexpr int MaxResults = 20;

private:
    QList<QByteArray> m_accountJson;
    PageTokenCodec m_tokens;
};
