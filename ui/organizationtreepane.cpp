#include "organizationtreepane.h"

#include "accountfilterproxymodel.h"
#include "enrollment/accounttablemodel.h"
#include "organizationtreemodel.h"
#include "recountschedule.h"

#include <QHeaderView>
#include <QLabel>
#include <QScreen>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

QString organizationTreeNotice(const AccountTableModel &model, bool loading)
{
    if (!model.organizationTree().isEmpty())
        return {};
    if (!model.organizationTreeUnavailableReason().isEmpty())
        return model.organizationTreeUnavailableReason();
    switch (model.namesState()) {
    case AccountTableModel::NamesState::Unavailable:
        return OrganizationTreePane::tr("Organizational units come from AWS Organizations, which refused: %1")
            .arg(model.namesUnavailableReason());
    case AccountTableModel::NamesState::NotRequested:
        if (model.rowCount() == 0 && !loading)
            return OrganizationTreePane::tr("Press Refresh (F5) to load the accounts and their organizational units.");
        return OrganizationTreePane::tr("This list was loaded without AWS Organizations, so there are no "
                                        "organizational units to show.");
    case AccountTableModel::NamesState::Loading:
    case AccountTableModel::NamesState::Available:
        break;
    }
    if (loading)
        return OrganizationTreePane::tr("Loading organizational units from AWS Organizations…");
    return OrganizationTreePane::tr("The organizational units did not arrive before the load stopped. "
                                    "Press Refresh (F5) to load them.");
}

OrganizationTreePane::OrganizationTreePane(AccountTableModel *model, AccountFilterProxyModel *proxy, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(proxy)
    , m_tree(new OrganizationTreeModel(this))
    , m_view(new QTreeView(this))
    , m_notice(new QLabel(this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("organizationTreePane"));
    setAccessibleName(tr("Organizational units"));

    m_view->setObjectName(QStringLiteral("organizationTree"));
    m_view->setAccessibleName(tr("Organizational units"));
    m_view->setModel(m_tree);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    m_view->setExpandsOnDoubleClick(true);
    m_view->setIndentation(fontMetrics().averageCharWidth() * 2);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(OrganizationTreeModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(OrganizationTreeModel::AccountsColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(OrganizationTreeModel::NotActiveColumn, QHeaderView::ResizeToContents);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_notice->setObjectName(QStringLiteral("organizationTreeNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_notice->setMargin(8);
    m_notice->setForegroundRole(QPalette::PlaceholderText);

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_notice);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OrganizationTreePane::onSelectionChanged);
    // At once, not with the recount: the proxy's unit is an index into the tree that just changed.
    connect(m_model, &AccountTableModel::organizationTreeChanged, this, &OrganizationTreePane::onTreeChanged);
    // The model says the tree is unavailable through its header (the OU Path column's tooltip).
    connect(m_model, &QAbstractItemModel::headerDataChanged, this, &OrganizationTreePane::updateNotice);
    auto *schedule = new RecountSchedule(m_model, m_proxy, RecountSchedule::Unit::Ignored, this);
    connect(schedule, &RecountSchedule::recount, this, &OrganizationTreePane::recount);
    recount();
}

void OrganizationTreePane::setLoading(bool loading)
{
    if (std::exchange(m_loading, loading) != loading)
        updateNotice();
}

void OrganizationTreePane::showWholeOrganization()
{
    m_selectedId.clear();
    m_proxy->setUnit(-1);
    selectUnit({});
}

QSize OrganizationTreePane::sizeHint() const
{
    const QHeaderView *header = m_view->header();
    int width = header->sectionSizeHint(OrganizationTreeModel::AccountsColumn)
        + header->sectionSizeHint(OrganizationTreeModel::NotActiveColumn) + fontMetrics().averageCharWidth() * 22
        + m_view->indentation() * 4 + m_view->frameWidth() * 2;
    if (screen())
        width = std::min(width, screen()->availableGeometry().width() / 3);
    return {width, QWidget::sizeHint().height()};
}

QString OrganizationTreePane::notice() const
{
    return m_stack->currentWidget() == m_notice ? m_notice->text() : QString();
}

void OrganizationTreePane::onTreeChanged()
{
    // The same OU stays picked in a new tree; while there is none, the whole organization shows.
    m_proxy->setUnit(m_model->organizationTree().indexOf(m_selectedId));
}

void OrganizationTreePane::recount()
{
    const OrganizationTree &tree = m_model->organizationTree();
    AccountFilter everywhere = m_proxy->accountFilter();
    everywhere.unit = -1;
    const bool reset = m_tree->tree().size() != tree.size();
    m_restoring = true;
    m_tree->setTree(tree, m_proxy->countsPerUnit(everywhere), m_proxy->countsBesideStatus(everywhere));
    if (reset || !m_view->currentIndex().isValid()) {
        m_view->expandToDepth(1);
        selectUnit(m_selectedId);
    }
    m_restoring = false;
    updateNotice();
}

void OrganizationTreePane::selectUnit(const QString &id)
{
    const int node = id.isEmpty() ? -1 : m_model->organizationTree().indexOf(id);
    const QModelIndex index = m_tree->indexOfNode(node);
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void OrganizationTreePane::onSelectionChanged()
{
    if (m_restoring)
        return;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const int node = rows.isEmpty() ? -1 : OrganizationTreeModel::nodeOf(rows.first());
    m_selectedId = node < 0 ? QString() : m_tree->tree().node(node).id;
    m_proxy->setUnit(node);
}

void OrganizationTreePane::updateNotice()
{
    const QString text = organizationTreeNotice(*m_model, m_loading);
    m_notice->setText(text);
    m_stack->setCurrentWidget(text.isEmpty() ? static_cast<QWidget *>(m_view) : m_notice);
}
