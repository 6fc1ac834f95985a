#include "network/optinplan.h"

#include "enrollment/accountstate.h"

namespace {

QString accountText(const OptInCheck &check)
{
    if (check.callerAccountId.isEmpty())
        return QStringLiteral("this account (its ID could not be read: %1)").arg(check.callerProblem);
    switch (check.role()) {
    case OptInCheck::Role::ManagementAccount:
        return QStringLiteral("%1 (the management account)").arg(check.callerAccountId);
    case OptInCheck::Role::DelegatedAdministrator:
        return QStringLiteral("%1 (a delegated administrator for Compute Optimizer)").arg(check.callerAccountId);
    case OptInCheck::Role::MemberAccount:
        return QStringLiteral("%1 (a member account)").arg(check.callerAccountId);
    case OptInCheck::Role::StandaloneAccount:
        return QStringLiteral("%1 (not in an organization)").arg(check.callerAccountId);
    case OptInCheck::Role::Unknown:
        break;
    }
    return check.callerAccountId;
}

QString organizationText(const OptInCheck &check)
{
    switch (check.inOrganization) {
    case OptInCheck::Answer::Yes:
        return QStringLiteral("%1 (management account %2)").arg(check.organizationId, check.managementAccountId);
    case OptInCheck::Answer::No:
        return QStringLiteral("none: this account is not in an organization");
    case OptInCheck::Answer::Unknown:
        break;
    }
    return QStringLiteral("unknown (%1)").arg(check.organizationProblem);
}

QString trustedAccessText(const OptInCheck &check)
{
    switch (check.trustedAccess) {
    case OptInCheck::Answer::Yes:
        return QStringLiteral("Trusted access for %1 is enabled in AWS Organizations.").arg(ComputeOptimizerPrincipal);
    case OptInCheck::Answer::No:
        return QStringLiteral("Trusted access for %1 is not enabled yet; opting in every member account enables it "
                              "(organizations:EnableAWSServiceAccess).")
            .arg(ComputeOptimizerPrincipal);
    case OptInCheck::Answer::Unknown:
        break;
    }
    return QStringLiteral("Whether trusted access for %1 is enabled could not be read: %2.")
        .arg(ComputeOptimizerPrincipal, check.trustedAccessProblem);
}

QString delegatedAdministratorText(const OptInCheck &check)
{
    if (!check.delegatedAdministratorsKnown)
        return QStringLiteral("The delegated administrator for Compute Optimizer could not be read: %1.")
            .arg(check.delegatedAdministratorsProblem);
    if (check.delegatedAdministrators.isEmpty())
        return QStringLiteral("No account is a delegated administrator for Compute Optimizer.");
    QStringList admins;
    for (const DelegatedAdministrator &admin : check.delegatedAdministrators)
        admins << (admin.name.isEmpty() ? admin.accountId : QStringLiteral("%1 (%2)").arg(admin.name, admin.accountId));
    return QStringLiteral("Delegated administrator for Compute Optimizer: %1.").arg(admins.join(QStringLiteral(", ")));
}

OptInChoice wholeOrganizationChoice(const OptInCheck &check)
{
    switch (check.role()) {
    case OptInCheck::Role::ManagementAccount:
        return {true, {}};
    case OptInCheck::Role::DelegatedAdministrator:
        return {false, QStringLiteral("A delegated administrator cannot opt in member accounts; only the management "
                                      "account (%1) can.")
                           .arg(check.managementAccountId)};
    case OptInCheck::Role::MemberAccount:
        return {false, QStringLiteral("Only the management account (%1) can opt in member accounts; these "
                                      "credentials belong to a member account.")
                           .arg(check.managementAccountId)};
    case OptInCheck::Role::StandaloneAccount:
        return {false, QStringLiteral("This account is not in an organization, so it has no member accounts.")};
    case OptInCheck::Role::Unknown:
        break;
    }
    const QString why = !check.organizationProblem.isEmpty() ? check.organizationProblem : check.callerProblem;
    return {false, QStringLiteral("It could not be read whether this is the management account: %1.").arg(why)};
}

} // namespace

QString OptInPlan::question(bool whole) const
{
    const QString id = check.callerAccountId.isEmpty() ? QStringLiteral("(ID unknown)") : check.callerAccountId;
    if (whole)
        return QStringLiteral("Opt in account %1 and every member account of organization %2 to Compute Optimizer?")
            .arg(id, check.organizationId);
    if (check.inOrganization == OptInCheck::Answer::Yes)
        return QStringLiteral("Opt in account %1 (organization %2) to Compute Optimizer? Member accounts stay as they are.")
            .arg(id, check.organizationId);
    return QStringLiteral("Opt in account %1 to Compute Optimizer?").arg(id);
}

OptInPlan planOptIn(const OptInCheck &check, const QList<AccountEnrollment> &accounts, const AccountNames &names,
                    bool listLoaded)
{
    OptInPlan plan;
    plan.check = check;
    plan.wholeOrganization = wholeOrganizationChoice(check);
    plan.thisAccount = {true, {}};
    plan.account = accountText(check);
    plan.organization = organizationText(check);
    plan.trustedAccess = trustedAccessText(check);
    plan.delegatedAdministrator = delegatedAdministratorText(check);
    if (listLoaded) {
        plan.inactiveAccounts = 0;
        for (const AccountEnrollment &account : accounts) {
            if (account.status == EnrollmentStatus::Inactive)
                ++plan.inactiveAccounts;
            // Unknown means Organizations was not asked or did not say: nothing to warn about.
            const AccountName name = names.value(account.accountId);
            if (isSuspendedOrClosed(name.state))
                plan.cannotEnroll << QStringLiteral("%1 (%2) is %3")
                                         .arg(name.name.isEmpty() ? account.accountId : name.name, account.accountId,
                                              accountStateName(name.state));
        }
    }
    return plan;
}
