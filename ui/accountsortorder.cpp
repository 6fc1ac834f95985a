#include "accountsortorder.h"

#include "enrollment/accounttablemodel.h"

#include <algorithm>
#include <limits>

namespace {

constexpr qint64 NoTime = std::numeric_limits<qint64>::min();

// The first eight characters of an account ID, one byte each, so that comparing two keys orders
// them as comparing the strings would. Any character past Latin-1 makes the key unusable.
constexpr quint64 NoPrefixKey = std::numeric_limits<quint64>::max();

quint64 prefixKey(const QString &text)
{
    quint64 key = 0;
    for (int i = 0; i < 8; ++i) {
        const char16_t c = i < text.size() ? text.at(i).unicode() : u'\0';
        if (c > 0xff)
            return NoPrefixKey;
        key = (key << 8) | c;
    }
    return key;
}

} // namespace

void AccountSortOrder::setColumn(int column, Qt::SortOrder order)
{
    m_column = column;
    m_order = order;
    switch (column) {
    case AccountTableModel::LastUpdatedColumn:
    case AccountTableModel::JoinedColumn:
    case AccountTableModel::StatusColumn:
        m_key = Key::Number;
        break;
    case AccountTableModel::AccountIdColumn:
        m_key = Key::AccountId;
        break;
    case AccountTableModel::AccountNameColumn:
    case AccountTableModel::EmailColumn:
    case AccountTableModel::StatusReasonColumn:
    case AccountTableModel::OuPathColumn:
    case AccountTableModel::AccountStateColumn:
        m_key = Key::Text;
        break;
    default:
        m_key = Key::Arrival;
        break;
    }
    m_model = nullptr;
    m_numbers = {};
    m_idPrefixes = {};
    m_texts = {};
    m_unitPaths.clear();
    m_rows = {};
}

void AccountSortOrder::sort(const AccountTableModel &model, const std::vector<Facts> &facts)
{
    m_model = &model;
    refreshUnitPaths(model);
    const int rows = model.rowCount();
    const auto sized = [rows](Key key, Key wanted) { return std::size_t(key == wanted ? rows : 0); };
    m_numbers.assign(sized(m_key, Key::Number), 0);
    m_idPrefixes.assign(sized(m_key, Key::AccountId), 0);
    m_texts.assign(sized(m_key, Key::Text), QString());
    for (int row = 0; row < rows; ++row)
        store(row, valueOf(model, facts[std::size_t(row)], row));
    m_rows.resize(std::size_t(rows));
    for (int row = 0; row < rows; ++row)
        m_rows[std::size_t(row)] = row;
    if (m_key != Key::Arrival)
        std::sort(m_rows.begin(), m_rows.end(), [this](int a, int b) { return before(a, b); });
}

void AccountSortOrder::insert(const AccountTableModel &model, const std::vector<Facts> &facts, int first, int last)
{
    m_model = &model;
    refreshUnitPaths(model);
    std::vector<int> added;
    added.reserve(std::size_t(last - first + 1));
    for (int row = first; row <= last; ++row) {
        store(row, valueOf(model, facts[std::size_t(row)], row));
        added.push_back(row);
    }
    place(std::move(added));
}

bool AccountSortOrder::update(const AccountTableModel &model, const std::vector<Facts> &facts,
                              const std::vector<int> &rows)
{
    if (m_key == Key::Arrival)
        return false;
    m_model = &model;
    refreshUnitPaths(model);
    std::vector<int> moving;
    for (const int row : rows) {
        Value value = valueOf(model, facts[std::size_t(row)], row);
        if (sameValue(row, value))
            continue;
        store(row, std::move(value));
        moving.push_back(row);
    }
    if (moving.empty())
        return false;
    std::vector<char> isMoving(m_rows.size(), 0);
    for (const int row : moving)
        isMoving[std::size_t(row)] = 1;
    std::erase_if(m_rows, [&isMoving](int row) { return isMoving[std::size_t(row)] != 0; });
    place(std::move(moving));
    return true;
}

AccountSortOrder::Value AccountSortOrder::valueOf(const AccountTableModel &model, const Facts &facts, int row) const
{
    const AccountEnrollment &account = model.account(row);
    Value value;
    switch (m_column) {
    case AccountTableModel::LastUpdatedColumn:
        value.number = account.lastUpdatedMsecs.value_or(NoTime);
        break;
    case AccountTableModel::JoinedColumn:
        value.number = model.nameOf(account).joinedMsecs.value_or(NoTime);
        break;
    case AccountTableModel::AccountIdColumn:
        value.idPrefix = prefixKey(account.accountId);
        break;
    case AccountTableModel::AccountNameColumn:
        value.text = model.nameOf(account).name;
        break;
    case AccountTableModel::EmailColumn:
        value.text = model.nameOf(account).email;
        break;
    case AccountTableModel::StatusColumn:
        value.number = enrollmentStatusUrgency(facts.status);
        break;
    case AccountTableModel::StatusReasonColumn:
        value.text = account.statusReason.value_or(QString());
        break;
    case AccountTableModel::OuPathColumn:
        value.text = m_unitPaths.value(facts.unit);
        break;
    case AccountTableModel::AccountStateColumn:
        value.text = accountStateName(facts.state);
        break;
    default:
        break;
    }
    // Folded once here rather than in every comparison of a sort: the same order as comparing
    // without regard to case.
    value.text = std::move(value.text).toCaseFolded();
    return value;
}

void AccountSortOrder::store(int row, Value value)
{
    const auto at = std::size_t(row);
    const auto grow = [at](auto &values) {
        if (values.size() <= at)
            values.resize(at + 1);
    };
    switch (m_key) {
    case Key::Number:
        grow(m_numbers);
        m_numbers[at] = value.number;
        break;
    case Key::AccountId:
        grow(m_idPrefixes);
        m_idPrefixes[at] = value.idPrefix;
        break;
    case Key::Text:
        grow(m_texts);
        m_texts[at] = std::move(value.text);
        break;
    case Key::Arrival:
        break;
    }
}

bool AccountSortOrder::sameValue(int row, const Value &value) const
{
    const auto at = std::size_t(row);
    switch (m_key) {
    case Key::Number:
        return m_numbers[at] == value.number;
    case Key::AccountId:
        return m_idPrefixes[at] == value.idPrefix;
    case Key::Text:
        return m_texts[at] == value.text;
    case Key::Arrival:
        break;
    }
    return true;
}

bool AccountSortOrder::before(int a, int b) const
{
    const auto l = std::size_t(a);
    const auto r = std::size_t(b);
    int order = 0;
    switch (m_key) {
    case Key::Number:
        order = m_numbers[l] < m_numbers[r] ? -1 : m_numbers[l] > m_numbers[r] ? 1 : 0;
        break;
    case Key::AccountId:
        if (m_idPrefixes[l] != m_idPrefixes[r] && m_idPrefixes[l] != NoPrefixKey && m_idPrefixes[r] != NoPrefixKey)
            order = m_idPrefixes[l] < m_idPrefixes[r] ? -1 : 1;
        else
            order = m_model->account(a).accountId.compare(m_model->account(b).accountId);
        break;
    case Key::Text:
        order = m_texts[l].compare(m_texts[r]);
        break;
    case Key::Arrival:
        break;
    }
    if (order != 0)
        return m_order == Qt::AscendingOrder ? order < 0 : order > 0;
    return a < b;
}

void AccountSortOrder::refreshUnitPaths(const AccountTableModel &model)
{
    if (m_column != AccountTableModel::OuPathColumn)
        return;
    // One path per node, not one per account: a tree has hundreds of nodes, the list 100,000 rows.
    const OrganizationTree &tree = model.organizationTree();
    m_unitPaths.clear();
    m_unitPaths.reserve(tree.size());
    for (int node = 0; node < tree.size(); ++node)
        m_unitPaths.append(tree.pathText(node));
}

void AccountSortOrder::place(std::vector<int> rows)
{
    if (m_key == Key::Arrival) {
        // Arrival order is row order, and only appended rows are ever placed in it: they come last.
        std::sort(rows.begin(), rows.end());
        m_rows.insert(m_rows.end(), rows.begin(), rows.end());
        return;
    }
    const auto isBefore = [this](int a, int b) { return before(a, b); };
    std::sort(rows.begin(), rows.end(), isBefore);
    std::vector<int> merged;
    merged.reserve(m_rows.size() + rows.size());
    auto from = m_rows.cbegin();
    for (const int row : rows) {
        const auto at = std::lower_bound(from, m_rows.cend(), row, isBefore);
        merged.insert(merged.end(), from, at);
        merged.push_back(row);
        from = at;
    }
    merged.insert(merged.end(), from, m_rows.cend());
    m_rows = std::move(merged);
}
