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

namespace {

// One pass for both kinds of caller: the model (facts looked up per row) and a table that keeps
// every row's facts and search text. textOf is asked only while there is a search.
template <typename FactsOf, typename TextOf>
StatusCounts countBesideStatus(const AccountFilter &filter, const OrganizationTree &tree, std::size_t rows,
                               FactsOf factsOf, TextOf textOf)
{
    StatusCounts counts;
    const QByteArray key = filter.searchKey();
    for (std::size_t row = 0; row < rows; ++row) {
        const AccountFilter::Facts facts = factsOf(row);
        if (filter.acceptsPlace(tree, facts) && (filter.search.isEmpty() || holds(textOf(row), key)))
            counts.add(facts.status);
    }
    return counts;
}

template <typename FactsOf, typename TextOf>
QList<StatusCounts> countPerUnit(const AccountFilter &filter, const OrganizationTree &tree, std::size_t rows,
                                 FactsOf factsOf, TextOf textOf)
{
    QList<StatusCounts> counts(tree.size());
    AccountFilter everywhere = filter;
    everywhere.unit = -1;
    const QByteArray key = filter.searchKey();
    for (std::size_t row = 0; row < rows; ++row) {
        const AccountFilter::Facts facts = factsOf(row);
        if (!everywhere.acceptsPlace(tree, facts) || !(filter.search.isEmpty() || holds(textOf(row), key)))
            continue;
        // Counted in its own OU and in every OU above it.
        for (int node = facts.unit; node >= 0; node = tree.node(node).parent)
            counts[node].add(facts.status);
    }
    return counts;
}

} // namespace

StatusCounts AccountFilter::countsBesideStatus(const AccountTableModel &model) const
{
    return countBesideStatus(
        *this, model.organizationTree(), std::size_t(model.rowCount()),
        [&model](std::size_t row) { return factsOf(model, int(row)); },
        [&model](std::size_t row) { return searchTextOf(model, int(row)); });
}

QList<StatusCounts> AccountFilter::countsPerUnit(const AccountTableModel &model) const
{
    return countPerUnit(
        *this, model.organizationTree(), std::size_t(model.rowCount()),
        [&model](std::size_t row) { return factsOf(model, int(row)); },
        [&model](std::size_t row) { return searchTextOf(model, int(row)); });
}

StatusCounts AccountFilter::countsBesideStatus(const OrganizationTree &tree, const std::vector<Facts> &facts,
                                               const SearchTextOfRow &searchTextOfRow) const
{
    return countBesideStatus(
        *this, tree, facts.size(), [&facts](std::size_t row) { return facts[row]; }, searchTextOfRow);
}

QList<StatusCounts> AccountFilter::countsPerUnit(const OrganizationTree &tree, const std::vector<Facts> &facts,
                                                 const SearchTextOfRow &searchTextOfRow) const
{
    return countPerUnit(
        *this, tree, facts.size(), [&facts](std::size_t row) { return facts[row]; }, searchTextOfRow);
}
