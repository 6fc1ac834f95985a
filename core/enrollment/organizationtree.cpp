#include "enrollment/organizationtree.h"

#include <QStringList>

int OrganizationTree::addRoot(const QString &id, const QString &name)
{
    if (const int existing = indexOf(id); existing >= 0) {
        m_nodes[existing].name = name;
        return existing;
    }
    m_nodes.append(Node{id, name, -1, {}, 0, 0});
    m_indexById.insert(id, int(m_nodes.size()) - 1);
    return int(m_nodes.size()) - 1;
}

int OrganizationTree::addUnit(const QString &id, const QString &name, const QString &parentId)
{
    const int parent = indexOf(parentId);
    if (parent < 0)
        return -1;
    if (const int existing = indexOf(id); existing >= 0) {
        m_nodes[existing].name = name;
        return existing;
    }
    m_nodes.append(Node{id, name, parent, {}, 0, 0});
    const int index = int(m_nodes.size()) - 1;
    m_indexById.insert(id, index);
    m_nodes[parent].children.append(index);
    return index;
}

void OrganizationTree::finish()
{
    int counter = 0;
    QList<std::pair<int, bool>> stack; // node, children already visited
    const QList<int> rootList = roots();
    for (auto it = rootList.crbegin(); it != rootList.crend(); ++it)
        stack.append({*it, false});
    while (!stack.isEmpty()) {
        auto [index, visited] = stack.takeLast();
        Node &n = m_nodes[index];
        if (visited) {
            n.last = counter - 1;
            continue;
        }
        n.first = counter++;
        stack.append({index, true});
        for (auto it = n.children.crbegin(); it != n.children.crend(); ++it)
            stack.append({*it, false});
    }
}

QList<int> OrganizationTree::roots() const
{
    QList<int> result;
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes.at(i).parent < 0)
            result.append(i);
    }
    return result;
}

QString OrganizationTree::pathText(int index) const
{
    if (index < 0 || index >= m_nodes.size())
        return {};
    QStringList parts;
    for (int i = index; i >= 0; i = m_nodes.at(i).parent)
        parts.prepend(m_nodes.at(i).name);
    return parts.join(QStringLiteral(" / "));
}

int OrganizationTree::topLevelOf(int index) const
{
    if (index < 0 || index >= m_nodes.size())
        return -1;
    while (m_nodes.at(index).parent >= 0 && m_nodes.at(m_nodes.at(index).parent).parent >= 0)
        index = m_nodes.at(index).parent;
    return index;
}

bool OrganizationTree::contains(int ancestor, int node) const
{
    if (ancestor < 0 || node < 0 || ancestor >= m_nodes.size() || node >= m_nodes.size())
        return false;
    const Node &a = m_nodes.at(ancestor);
    const int position = m_nodes.at(node).first;
    return position >= a.first && position <= a.last;
}

int OrganizationTree::find(const QString &idOrPath) const
{
    if (const int byId = indexOf(idOrPath); byId >= 0)
        return byId;
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (pathText(i) == idOrPath)
            return i;
    }
    return -1;
}
