#pragma once

#include "enrollment/accountfilter.h"

#include <QString>
#include <QStringList>

#include <vector>

class AccountTableModel;

// Every row of an AccountTableModel in the order one column sorts them, whatever a filter hides:
// the table shows this list with the hidden rows left out, so a refilter never sorts again. Rows
// that arrive or change are put in place by binary search. Equal values keep arrival order, in
// either direction, as a stable sort would.
class AccountSortOrder
{
public:
    using Facts = AccountFilter::Facts;

    // -1: the order the accounts arrived in.
    int column() const { return m_column; }
    Qt::SortOrder order() const { return m_order; }
    // Forgets every row; sort() puts them back in the new order.
    void setColumn(int column, Qt::SortOrder order);
    // Every row of the model, sorted. facts holds AccountFilter::factsOf for each of them.
    void sort(const AccountTableModel &model, const std::vector<Facts> &facts);
    // Rows first..last were appended to the model.
    void insert(const AccountTableModel &model, const std::vector<Facts> &facts, int first, int last);
    // The values of these rows may have changed: those whose sort value did move to their place.
    // Returns whether any did.
    bool update(const AccountTableModel &model, const std::vector<Facts> &facts, const std::vector<int> &rows);
    const std::vector<int> &rows() const { return m_rows; }

private:
    enum class Key { Arrival, Number, AccountId, Text };
    struct Value
    {
        qint64 number = 0; // a time in ms, or a status's urgency
        quint64 idPrefix = 0;
        QString text;
    };

    Value valueOf(const AccountTableModel &model, const Facts &facts, int row) const;
    void store(int row, Value value);
    bool sameValue(int row, const Value &value) const;
    bool before(int a, int b) const;
    void refreshUnitPaths(const AccountTableModel &model);
    // rows are not in m_rows yet.
    void place(std::vector<int> rows);

    int m_column = -1;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    Key m_key = Key::Arrival;
    const AccountTableModel *m_model = nullptr;
    // One value per model row, side by side, for the column's key only: a sort of 100,000 rows
    // compares these instead of chasing each account's strings across the heap.
    std::vector<qint64> m_numbers;
    std::vector<quint64> m_idPrefixes;
    std::vector<QString> m_texts; // case-folded
    QStringList m_unitPaths; // per OrganizationTree node, for the OU path column
    std::vector<int> m_rows;
};
