#pragma once

#include "enrollment/accountenrollment.h"

#include <QObject>
#include <QQueue>
#include <QTimer>

class AccountTableModel;

// Pages wait here between the loader and the model. The loader's thread can deliver pages faster
// than a sorted view takes them in; appending them all at once would freeze the window for
// seconds. Each turn of the event loop appends pages for at most a few milliseconds (one page
// at least, as one insertion), then lets input and painting run.
class PageQueue : public QObject
{
    Q_OBJECT

public:
    static constexpr int TurnBudgetMs = 8;

    explicit PageQueue(AccountTableModel *model, QObject *parent = nullptr);

    void enqueue(const QList<AccountEnrollment> &page);
    // Forgets the pages not yet appended.
    void clear();
    bool isEmpty() const { return m_pages.isEmpty(); }
    int pendingAccounts() const { return m_pendingAccounts; }

Q_SIGNALS:
    void pagesAppended();
    void drained();

private:
    void appendSome();

    AccountTableModel *m_model;
    QQueue<QList<AccountEnrollment>> m_pages;
    int m_pendingAccounts = 0;
    QTimer m_turn;
};
