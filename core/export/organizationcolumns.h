#pragma once

#include "enrollment/accountname.h"
#include "enrollment/organizationtree.h"

#include <QHash>
#include <QString>

// The Organizations columns of an export as text: OU Path, Account State, Joined (UTC). The path
// of each OU is built once, not once per account.
class OrganizationColumns
{
public:
    explicit OrganizationColumns(const OrganizationTree *tree);

    // "Root / Workloads / Prod"; empty when the tree or the account's parent is unknown.
    QString ouPath(const AccountName &name) const { return m_paths.value(name.parentId); }
    static QString state(const AccountName &name) { return accountStateName(name.state); }
    // "2024-04-04T17:37:13Z"; empty when unknown.
    static QString joined(const AccountName &name);

private:
    QHash<QString, QString> m_paths; // parent ID -> path text
};
