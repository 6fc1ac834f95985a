#pragma once

#include "common/expected.h"
#include "enrollment/accountname.h"

#include <QByteArray>
#include <QList>

struct AccountNamesPage
{
    AccountNames names;
    QString nextToken;
    // Some account carried the Paths member, so its parent is known without ListAccountsForParent.
    bool pathsSent = false;
};

// A root or an OU as ListRoots and ListOrganizationalUnitsForParent send it.
struct OrganizationUnitEntry
{
    QString id;
    QString name;
};

struct OrganizationUnitsPage
{
    QList<OrganizationUnitEntry> units;
    QString nextToken;
};

// One Organizations ListAccounts or ListAccountsForParent response (AWS JSON 1.1). Accounts
// without an Id are an error; a missing Name, Email, State or JoinedTimestamp is kept as unknown.
// The parent comes from the first of Paths ("o-.../r-.../ou-.../111122223333/"): its last root or OU.
Expected<AccountNamesPage> parseListAccountsPage(const QByteArray &body);
// ListRoots ("Roots") or ListOrganizationalUnitsForParent ("OrganizationalUnits").
Expected<OrganizationUnitsPage> parseOrganizationUnitsPage(const QByteArray &body, QLatin1String member);
// The root or OU right above the account in one Paths entry; empty when it names none.
QString parentIdFromPath(QStringView path);
