#include "enrollment/accountfilter.h"

#include "enrollment/accounttablemodel.h"

AccountFilter::Facts AccountFilter::factsOf(const AccountTableModel &model, int row)
{
    const AccountEnrollment &account = model.account(row);
    const AccountName name = model.nameOf(account);
    return {StatusFilter::bucketOf(account), model.organizationTree().indexOf(name.parentId), name.state};
}

bool AccountFilter::acceptsPlace(const OrganizationTree &tree, const Facts &facts) const
{
    if (hideSuspendedOrClosed && isSuspendedOrClosed(facts.state))
        return false;
    return unit < 0 || (facts.unit >= 0 && tree.contains(unit, facts.unit));
}

bool AccountFilter::matchesSearch(const QString &accountId, const QString *reason, const AccountName &name) const
{
    if (search.isEmpty())
        return true;
    return accountId.contains(search, Qt::CaseInsensitive) || (reason && reason->contains(search, Qt::CaseInsensitive))
        || name.name.contains(search, Qt::CaseInsensitive) || name.email.contains(search, Qt::CaseInsensitive);
}

bool AccountFilter::accepts(const AccountTableModel &model, int row) const
{
    return accepts(model, row, factsOf(model, row));
}

bool AccountFilter::accepts(const AccountTableModel &model, int row, const Facts &facts) const
{
    if (!statuses.accepts(facts.status) || !acceptsPlace(model.organizationTree(), facts))
        return false;
    if (search.isEmpty())
        return true;
    const AccountEnrollment &account = model.account(row);
    return matchesSearch(account.accountId, account.statusReason ? &*account.statusReason : nullptr,
                         model.nameOf(account));
}

StatusCounts AccountFilter::countsBesideStatus(const AccountTableModel &model) const
{
    StatusCounts counts;
    AccountFilter besideStatus = *this;
    besideStatus.statuses = StatusFilter::all();
    for (int row = 0, rows = model.rowCount(); row < rows; ++row) {
        if (besideStatus.accepts(model, row))
            counts.add(model.account(row));
    }
    return counts;
}

QList<StatusCounts> AccountFilter::countsPerUnit(const AccountTableModel &model) const
{
    const OrganizationTree &tree = model.organizationTree();
    QList<StatusCounts> counts(tree.size());
    AccountFilter everywhere = *this;
    everywhere.statuses = StatusFilter::all();
    everywhere.unit = -1;
    for (int row = 0, rows = model.rowCount(); row < rows; ++row) {
        if (!everywhere.accepts(model, row))
            continue;
        const AccountEnrollment &account = model.account(row);
        // Counted in its own OU and in every OU above it.
        for (int node = model.ouNodeOf(account); node >= 0; node = tree.node(node).parent)
            counts[node].add(account);
    }
    return counts;
}
