#pragma once

// A small organization for tests of the filter and the OU tree: Root / Workloads / Prod and
// Root / Sandbox, six accounts over them, one suspended and one closing.

#include "enrollment/accounttablemodel.h"

inline AccountEnrollment smallOrganizationAccount(const QString &id, const QString &status)
{
    AccountEnrollment a;
    a.accountId = id;
    a.statusText = status;
    a.status = enrollmentStatusFromText(status);
    return a;
}

// withSecurityFirst puts an OU before Workloads, so every later node gets another number.
inline OrganizationTree smallOrganizationTree(bool withSecurityFirst = false)
{
    OrganizationTree tree;
    tree.addRoot(QStringLiteral("r-1"), QStringLiteral("Root"));
    if (withSecurityFirst)
        tree.addUnit(QStringLiteral("ou-x"), QStringLiteral("Security"), QStringLiteral("r-1"));
    tree.addUnit(QStringLiteral("ou-w"), QStringLiteral("Workloads"), QStringLiteral("r-1"));
    tree.addUnit(QStringLiteral("ou-p"), QStringLiteral("Prod"), QStringLiteral("ou-w"));
    tree.addUnit(QStringLiteral("ou-s"), QStringLiteral("Sandbox"), QStringLiteral("r-1"));
    tree.finish();
    return tree;
}

enum class SmallOrganizationEmails { None, Given };

inline void fillSmallOrganization(AccountTableModel &model, SmallOrganizationEmails emails)
{
    model.setOrganizationTree(smallOrganizationTree());
    model.appendAccounts({smallOrganizationAccount(QStringLiteral("100000000001"), QStringLiteral("Active")),
                          smallOrganizationAccount(QStringLiteral("100000000002"), QStringLiteral("Inactive")),
                          smallOrganizationAccount(QStringLiteral("100000000003"), QStringLiteral("Inactive")),
                          smallOrganizationAccount(QStringLiteral("100000000004"), QStringLiteral("Failed")),
                          smallOrganizationAccount(QStringLiteral("100000000005"), QStringLiteral("Inactive")),
                          smallOrganizationAccount(QStringLiteral("100000000006"), QStringLiteral("Active"))});
    AccountNames names;
    const auto put = [&](const char *id, const char *name, const char *parent, AccountState state) {
        AccountName n;
        n.name = QString::fromLatin1(name);
        if (emails == SmallOrganizationEmails::Given)
            n.email = n.name.toLower() + QStringLiteral("@example.com");
        n.parentId = QString::fromLatin1(parent);
        n.state = state;
        names.insert(QString::fromLatin1(id), n);
    };
    put("100000000001", "Payments", "ou-p", AccountState::Active);
    put("100000000002", "Ledger", "ou-p", AccountState::Active);
    put("100000000003", "Platform", "ou-w", AccountState::Suspended);
    put("100000000004", "Toys", "ou-s", AccountState::Active);
    put("100000000005", "Lab", "ou-s", AccountState::PendingClosure);
    put("100000000006", "Audit", "r-1", AccountState::Active);
    model.addAccountNames(names);
}
