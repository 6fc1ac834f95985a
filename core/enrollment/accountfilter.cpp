#include "enrollment/accountfilter.h"

#include "enrollment/accounttablemodel.h"

#include <string_view>

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

namespace {

bool holds(QByteArrayView searchText, QByteArrayView key)
{
    return std::string_view(searchText.data(), std::size_t(searchText.size()))
               .find(std::string_view(key.data(), std::size_t(key.size())))
        != std::string_view::npos;
}

} // namespace

bool AccountFilter::matchesSearch(const QString &accountId, const QString *reason, const AccountName &name) const
{
    return search.isEmpty() || holds(searchTextOf(accountId, reason, name), searchKey());
}

bool AccountFilter::accepts(const AccountTableModel &model, int row) const
{
    return accepts(model, row, searchKey());
}

bool AccountFilter::accepts(const AccountTableModel &model, int row, QByteArrayView key) const
{
    const Facts facts = factsOf(model, row);
    if (!statuses.accepts(facts.status) || !acceptsPlace(model.organizationTree(), facts))
        return false;
    return search.isEmpty() || holds(searchTextOf(model, row), key);
}

QByteArray AccountFilter::searchTextOf(const QString &accountId, const QString *reason, const AccountName &name)
{
    QString text;
    text.reserve(accountId.size() + (reason ? reason->size() : 0) + name.name.size() + name.email.size() + 4);
    for (const QString *field : {&accountId, reason, &name.name, &name.email}) {
        if (field)
            text += *field;
        text += QChar(u'\0');
    }
    return std::move(text).toCaseFolded().toUtf8();
}

QByteArray AccountFilter::searchTextOf(const AccountTableModel &model, int row)
{
    const AccountEnrollment &account = model.account(row);
    return searchTextOf(account.accountId, account.statusReason ? &*account.statusReason : nullptr,
                        model.nameOf(account));
}

QByteArray AccountFilter::searchKey() const
{
    return search.toCaseFolded().toUtf8();
}

bool AccountFilter::accepts(const OrganizationTree &tree, const Facts &facts, QByteArrayView searchText,
                            QByteArrayView key) const
{
    if (!statuses.accepts(facts.status) || !acceptsPlace(tree, facts))
        return false;
    return search.isEmpty() || holds(searchText, key);
}

bool AccountFilter::narrows(const AccountFilter &wider) const
{
    AccountFilter same = wider;
    same.search = search;
    return same == *this && search.toCaseFolded().contains(wider.search.toCaseFolded());
}

StatusCounts AccountFilter::countsBesideStatus(const AccountTableModel &model) const
{
    StatusCounts counts;
    AccountFilter besideStatus = *this;
    besideStatus.statuses = StatusFilter::all();
    const QByteArray key = searchKey();
    for (int row = 0, rows = model.rowCount(); row < rows; ++row) {
        if (besideStatus.accepts(model, row, key))
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
    const QByteArray key = searchKey();
    for (int row = 0, rows = model.rowCount(); row < rows; ++row) {
        if (!everywhere.accepts(model, row, key))
            continue;
        const AccountEnrollment &account = model.account(row);
        // Counted in its own OU and in every OU above it.
        for (int node = model.ouNodeOf(account); node >= 0; node = tree.node(node).parent)
            counts[node].add(account);
    }
    return counts;
}
