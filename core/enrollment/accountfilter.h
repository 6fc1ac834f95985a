#pragma once

#include "enrollment/accountstate.h"
#include "enrollment/statusfilter.h"

#include <QList>
#include <QString>

#include <functional>
#include <vector>
#include <QByteArray>
#include <QByteArrayView>

class AccountTableModel;
class OrganizationTree;
struct AccountName;

// What the admin asked to see: statuses, one OU's subtree, suspended and closed accounts hidden or
// not, and the search text. The one predicate behind the table, the checkbox counts and the OU
// tree's counts, so the three never disagree.
struct AccountFilter
{
    // The few facts about a row the filter looks at, small enough to keep one per row.
    struct Facts
    {
        EnrollmentStatus status = EnrollmentStatus::Other;
        int unit = -1; // node in the OrganizationTree holding the account directly; -1 unknown
        AccountState state = AccountState::Unknown;

        friend bool operator==(const Facts &, const Facts &) = default;
    };

    StatusFilter statuses = StatusFilter::all();
    int unit = -1; // node in the OrganizationTree whose subtree is shown; -1 for the whole organization
    bool hideSuspendedOrClosed = false;
    QString search; // trimmed; matched case-insensitively against ID, name, email and reason

    static Facts factsOf(const AccountTableModel &model, int row);

    // Everything but the statuses: what a checkbox's count describes.
    bool acceptsPlace(const OrganizationTree &tree, const Facts &facts) const;
    bool matchesSearch(const QString &accountId, const QString *reason, const AccountName &name) const;
    // The whole predicate, straight from the model.
    bool accepts(const AccountTableModel &model, int row) const;

    // For a caller that keeps each row's facts and search text (a table over 100,000 accounts):
    // the fields a search looks in, case-folded, each ended by U+0000 so that no match spans two
    // (typed text never holds U+0000). UTF-8, where a match of bytes is a match of characters:
    // half the memory of UTF-16 and the C++ library's fast byte search.
    static QByteArray searchTextOf(const QString &accountId, const QString *reason, const AccountName &name);
    static QByteArray searchTextOf(const AccountTableModel &model, int row);
    // The search as searchTextOf texts are matched against it: prepare once per refilter, not per row.
    QByteArray searchKey() const;
    // The whole predicate over what such a caller keeps; key is this filter's searchKey().
    bool accepts(const OrganizationTree &tree, const Facts &facts, QByteArrayView searchText,
                 QByteArrayView key) const;
    // Whether every account this filter accepts is also accepted by wider: only the search differs
    // and it holds wider's, so a refilter need only look at what wider shows.
    bool narrows(const AccountFilter &wider) const;

    // Per status, the accounts that pass everything but the status: the checkbox counts.
    StatusCounts countsBesideStatus(const AccountTableModel &model) const;
    // Per tree node, the accounts in its subtree that pass the search and the hiding of suspended
    // and closed accounts (not the statuses, not the OU): the OU tree's counts.
    QList<StatusCounts> countsPerUnit(const AccountTableModel &model) const;
    // The same two counts for a caller that keeps every row's facts and searchTextOf (the table
    // over 100,000 accounts): no name looked up, no text folded. searchTextOfRow(row) is asked
    // only while there is a search.
    using SearchTextOfRow = std::function<QByteArrayView(std::size_t row)>;
    StatusCounts countsBesideStatus(const OrganizationTree &tree, const std::vector<Facts> &facts,
                                    const SearchTextOfRow &searchTextOfRow) const;
    QList<StatusCounts> countsPerUnit(const OrganizationTree &tree, const std::vector<Facts> &facts,
                                      const SearchTextOfRow &searchTextOfRow) const;

    friend bool operator==(const AccountFilter &, const AccountFilter &) = default;

private:
    // key is searchKey(), made once for a pass over every row.
    bool accepts(const AccountTableModel &model, int row, QByteArrayView key) const;
};
