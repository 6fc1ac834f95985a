#pragma once

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

// The organization's roots and OUs, as a value built beside the list and joined to accounts by the
// parent ID in AccountName. Nodes are kept in the order added; finish() numbers them depth first so
// that "is this node inside that subtree" is two integer comparisons (the filter asks it per row).
class OrganizationTree
{
public:
    struct Node
    {
        QString id; // "r-..." or "ou-..."
        QString name; // "Root" for a root
        int parent = -1; // index, -1 for a root
        QList<int> children;
        int first = 0; // depth-first interval, set by finish()
        int last = 0;
    };

    // A parent must be added before its children; adding an ID twice updates its name.
    int addRoot(const QString &id, const QString &name);
    int addUnit(const QString &id, const QString &name, const QString &parentId);
    void finish();

    bool isEmpty() const { return m_nodes.isEmpty(); }
    int size() const { return int(m_nodes.size()); }
    int indexOf(const QString &id) const { return m_indexById.value(id, -1); }
    const Node &node(int index) const { return m_nodes.at(index); }
    QList<int> roots() const;

    // "Root / Workloads / Prod / Payments"; empty for an unknown node.
    QString pathText(int index) const;
    // The node right under the root on the way to index (the node itself when it is top level, the
    // root when it is a root); -1 for an unknown node.
    int topLevelOf(int index) const;
    // Whether node lies in the subtree of ancestor (a node lies in its own subtree). After finish().
    bool contains(int ancestor, int node) const;
    // A node by ID, or by its path text ("Root / Workloads / Prod", case-sensitive); -1 if none.
    int find(const QString &idOrPath) const;

private:
    QList<Node> m_nodes;
    QHash<QString, int> m_indexById;
};

Q_DECLARE_METATYPE(OrganizationTree)
