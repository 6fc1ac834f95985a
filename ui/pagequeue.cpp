#include "pagequeue.h"

#include "enrollment/accounttablemodel.h"

#include <QElapsedTimer>

PageQueue::PageQueue(AccountTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    // A zero-interval timer, not a queued call: it waits its turn behind input, paint and other timers.
    m_turn.setInterval(0);
    m_turn.setSingleShot(true);
    connect(&m_turn, &QTimer::timeout, this, &PageQueue::appendSome);
}

void PageQueue::enqueue(const QList<AccountEnrollment> &page)
{
    if (page.isEmpty())
        return;
    m_pages.enqueue(page);
    m_pendingAccounts += int(page.size());
    if (!m_turn.isActive())
        m_turn.start();
}

void PageQueue::clear()
{
    m_turn.stop();
    m_pages.clear();
    m_pendingAccounts = 0;
}

void PageQueue::appendSome()
{
    QElapsedTimer turn;
    turn.start();
    while (!m_pages.isEmpty()) {
        const QList<AccountEnrollment> page = m_pages.dequeue();
        m_pendingAccounts -= int(page.size());
        m_model->appendAccounts(page);
        if (turn.elapsed() >= TurnBudgetMs)
            break;
    }
    Q_EMIT pagesAppended();
    if (m_pages.isEmpty())
        Q_EMIT drained();
    else
        m_turn.start();
}
