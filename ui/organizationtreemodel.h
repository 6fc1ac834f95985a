#pragma once

#include "enrollment/organizationtree.h"
#include "enrollment/statusfilter.h"

#include <QAbstractItemModel>

// The organization's roots and OUs as a tree, each with how many accounts its subtree holds and how
// many of them are not Active. The first row is the whole organization. Counts are given, never
// computed here: they come from the AccountFilter so the tree agrees with the table.
class OrganizationTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, AccountsColumn, NotActiveColumn, ColumnCount };
    // The node of the OrganizationTree behind an index, -1 for the whole organization.
    static constexpr int NodeRole = Qt::UserRole + 1;

    explicit OrganizationTreeModel(QObject *parent = nullptr);

    // countsPerNode is indexed like the tree's nodes; wholeOrganization is the first row's.
    void setTree(const OrganizationTree &tree, const QList<StatusCounts> &countsPerNode,
                 const StatusCounts &wholeOrganization);
    const OrganizationTree &tree() const { return m_tree; }
    // The index of a node (-1: the whole organization); invalid when unknown.
    QModelIndex indexOfNode(int node) const;
    static int nodeOf(const QModelIndex &index);
    // Inactive, Pending and Failed: the accounts that are not enrolled and could be.
    static int notActiveOf(const StatusCounts &counts);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Row of a node among its siblings (the whole organization takes row 0 of the top level).
    int rowOf(int node) const;
    const StatusCounts &countsOf(int node) const;

    OrganizationTree m_tree;
    QList<int> m_roots;
    QList<StatusCounts> m_counts;
    StatusCounts m_whole;
};
