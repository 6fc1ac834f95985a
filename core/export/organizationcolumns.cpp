#include "export/organizationcolumns.h"

#include <QDateTime>

OrganizationColumns::OrganizationColumns(const OrganizationTree *tree)
{
    if (!tree)
        return;
    for (int i = 0; i < tree->size(); ++i)
        m_paths.insert(tree->node(i).id, tree->pathText(i));
}

QString OrganizationColumns::joined(const AccountName &name)
{
    if (!name.joinedMsecs)
        return {};
    return QDateTime::fromMSecsSinceEpoch(*name.joinedMsecs, Qt::UTC).toString(Qt::ISODate);
}
