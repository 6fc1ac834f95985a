#include "organizationtreemodel.h"

#include "countwording.h"

#include <QLocale>
#include <QStringList>

namespace {

// internalId: 0 for the whole organization, node + 1 for a root or OU.
constexpr quintptr WholeOrganizationId = 0;

bool sameShape(const OrganizationTree &a, const OrganizationTree &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (a.node(i).id != b.node(i).id || a.node(i).parent != b.node(i).parent)
            return false;
    }
    return true;
}

} // namespace

OrganizationTreeModel::OrganizationTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void OrganizationTreeModel::setTree(const OrganizationTree &tree, const QList<StatusCounts> &countsPerNode,
                                    const StatusCounts &wholeOrganization)
{
    if (!sameShape(tree, m_tree)) {
        beginResetModel();
        m_tree = tree;
        m_roots = tree.roots();
        m_counts = countsPerNode;
        m_whole = wholeOrganization;
        endResetModel();
        return;
    }
    m_tree = tree; // names may have changed
    m_counts = countsPerNode;
    m_whole = wholeOrganization;
    if (m_tree.isEmpty())
        return;
    const int top = rowCount();
    Q_EMIT dataChanged(index(0, 0), index(top - 1, ColumnCount - 1));
    for (int node = 0; node < m_tree.size(); ++node) {
        const int children = int(m_tree.node(node).children.size());
        if (children > 0) {
            const QModelIndex parent = indexOfNode(node);
            Q_EMIT dataChanged(index(0, 0, parent), index(children - 1, ColumnCount - 1, parent));
        }
    }
}

QModelIndex OrganizationTreeModel::indexOfNode(int node) const
{
    if (m_tree.isEmpty() || node >= m_tree.size())
        return {};
    if (node < 0)
        return createIndex(0, 0, WholeOrganizationId);
    return createIndex(rowOf(node), 0, quintptr(node) + 1);
}

int OrganizationTreeModel::nodeOf(const QModelIndex &index)
{
    return index.isValid() ? int(index.internalId()) - 1 : -1;
}

int OrganizationTreeModel::notActiveOf(const StatusCounts &counts)
{
    return counts.count(EnrollmentStatus::Inactive) + counts.count(EnrollmentStatus::Pending)
        + counts.count(EnrollmentStatus::Failed);
}

int OrganizationTreeModel::rowOf(int node) const
{
    const int parent = m_tree.node(node).parent;
    if (parent < 0)
        return int(m_roots.indexOf(node)) + 1;
    return int(m_tree.node(parent).children.indexOf(node));
}

const StatusCounts &OrganizationTreeModel::countsOf(int node) const
{
    static const StatusCounts none;
    if (node < 0)
        return m_whole;
    return node < m_counts.size() ? m_counts.at(node) : none;
}

QModelIndex OrganizationTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    if (!parent.isValid()) {
        if (row == 0)
            return createIndex(0, column, WholeOrganizationId);
        return createIndex(row, column, quintptr(m_roots.at(row - 1)) + 1);
    }
    const int child = m_tree.node(nodeOf(parent)).children.at(row);
    return createIndex(row, column, quintptr(child) + 1);
}

QModelIndex OrganizationTreeModel::parent(const QModelIndex &child) const
{
    const int node = nodeOf(child);
    if (node < 0)
        return {};
    const int parent = m_tree.node(node).parent;
    if (parent < 0)
        return {};
    return createIndex(rowOf(parent), 0, quintptr(parent) + 1);
}

int OrganizationTreeModel::rowCount(const QModelIndex &parent) const
{
    if (m_tree.isEmpty())
        return 0;
    if (!parent.isValid())
        return int(m_roots.size()) + 1;
    if (parent.column() != 0)
        return 0;
    const int node = nodeOf(parent);
    return node < 0 ? 0 : int(m_tree.node(node).children.size());
}

int OrganizationTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant OrganizationTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const int node = nodeOf(index);
    const StatusCounts &counts = countsOf(node);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return node < 0 ? tr("All accounts") : m_tree.node(node).name;
        case AccountsColumn: return QLocale().toString(counts.total());
        case NotActiveColumn: return QLocale().toString(notActiveOf(counts));
        default: return {};
        }
    case Qt::TextAlignmentRole:
        return index.column() == NameColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole: {
        QStringList lines{node < 0 ? tr("The whole organization") : m_tree.pathText(node)};
        for (int s = 0; s < EnrollmentStatusCount; ++s) {
            const auto status = EnrollmentStatus(s);
            if (counts.count(status) > 0)
                lines.append(tr("%1: %2").arg(enrollmentStatusName(status), QLocale().toString(counts.count(status))));
        }
        if (counts.total() == 0)
            lines.append(tr("No accounts loaded here match the search."));
        return lines.join(u'\n');
    }
    case Qt::AccessibleTextRole:
        if (index.column() == NameColumn)
            return tr("%1, %2, %3 not active")
                .arg(node < 0 ? tr("All accounts") : m_tree.node(node).name,
                     countOf(counts.total(), tr("account"), tr("accounts")), QLocale().toString(notActiveOf(counts)));
        return {};
    case NodeRole:
        return node;
    default:
        return {};
    }
}

QVariant OrganizationTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return tr("OU"); // the pane is narrow; the tooltip spells it out
        case AccountsColumn: return tr("Accounts");
        case NotActiveColumn: return tr("Not active");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && section == NameColumn)
        return tr("Organizational unit: pick one to show its accounts and those of every OU below it");
    if (role == Qt::ToolTipRole && section == NotActiveColumn)
        return tr("Inactive, Pending or Failed: accounts in this OU that are not enrolled in Compute Optimizer");
    if (role == Qt::ToolTipRole && section == AccountsColumn)
        return tr("Accounts in this OU and every OU below it that match the search");
    if (role == Qt::TextAlignmentRole && section != NameColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}
