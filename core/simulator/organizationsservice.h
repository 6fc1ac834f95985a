#pragma once

#include "common/expected.h"
#include "simulator/pagetokencodec.h"
#include "simulator/serviceerror.h"
#include "simulator/simulatedorganization.h"

#include <QByteArray>
#include <QHash>
#include <QList>

// AWS Organizations (AWS JSON 1.1) over the simulated organization: ListAccounts, ListRoots,
// ListOrganizationalUnitsForParent and ListAccountsForParent, 20 items a page at most, as AWS
// Organizations pages them, with the refusals a caller outside the management account meets.
class OrganizationsService
{
public:
    enum class Access {
        Allowed,
        UnitsDenied, // ListAccounts answers; the root and OU operations are AccessDenied
        Denied,      // every operation is AccessDenied
        NotInUse,    // AWSOrganizationsNotInUseException: the account is in no organization
    };

    OrganizationsService(const SimulatedOrganization &organization, quint64 tokenSalt);

    static bool serves(QByteArrayView operation);
    // The JSON page for a request body, or the error AWS Organizations would answer with.
    Expected<QByteArray, ServiceError> answer(QByteArrayView operation, const QByteArray &body) const;

    void setAccess(Access access) { m_access = access; }
    Access access() const { return m_access; }
    // Whether accounts carry their `Paths` member (AWS added it in 2025; not every endpoint sends it).
    void setPathsIncluded(bool included) { m_pathsIncluded = included; }

    static constexpr int MaxResults = 20;

private:
    struct Page
    {
        int maxResults = MaxResults;
        qsizetype offset = 0;
        QString parentId;
    };
    Expected<Page, ServiceError> readPage(QByteArrayView operation, const QByteArray &body, bool needsParent) const;
    QByteArray listPage(const char *member, const QList<QByteArray> &items, const Page &page) const;
    QByteArray accountJson(const SimulatedAccount &account, bool withPaths) const;
    const QList<QByteArray> &accountsJson() const { return m_pathsIncluded ? m_withPaths : m_withoutPaths; }

    Access m_access = Access::Allowed;
    bool m_pathsIncluded = true;
    SimulatedOrganization m_organization;
    QList<SimulatedAccount> m_allAccounts;
    QHash<QString, QList<int>> m_accountsByParent; // index into m_allAccounts
    QHash<QString, QList<QByteArray>> m_unitsByParent;
    QHash<QString, QString> m_parentOf; // unit ID -> parent ID
    QList<QByteArray> m_withPaths; // each account serialised once, in m_allAccounts' order
    QList<QByteArray> m_withoutPaths;
    PageTokenCodec m_tokens;
};
