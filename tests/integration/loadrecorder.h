#pragma once

#include "network/loadsession.h"

#include <QObject>
#include <QSet>
#include <QStringList>

// Listens to a LoadSession and keeps what a user of it would see: the accounts in arrival
// order, the last progress, and how the load ended.
class LoadRecorder : public QObject
{
    Q_OBJECT

public:
    enum class Outcome { Running, Finished, Failed, Cancelled };

    explicit LoadRecorder(LoadSession *loader)
    {
        connect(loader, &LoadSession::started, this, [this] { outcome = Outcome::Running; });
        connect(loader, &LoadSession::pageReceived, this, [this](const QList<AccountEnrollment> &page) {
            ++pages;
            for (const AccountEnrollment &account : page) {
                accountIds.append(account.accountId);
                statuses.append(account.statusText);
            }
        });
        connect(loader, &LoadSession::progressChanged, this, [this](const FetchProgress &p) {
            progress = p;
            if (p.retryDelayMs > 0)
                ++retriesSeen;
        });
        connect(loader, &LoadSession::listFinished, this, [this] { listFinished = true; });
        connect(loader, &LoadSession::ended, this, [this](const LoadOutcome &how) {
            ended_ = how;
            ++endings;
            switch (how.state) {
            case LoadOutcome::State::Complete: outcome = Outcome::Finished; break;
            case LoadOutcome::State::Incomplete:
                failure = how.failure;
                outcome = Outcome::Failed;
                break;
            case LoadOutcome::State::Cancelled: outcome = Outcome::Cancelled; break;
            }
        });
    }

    bool ended() const { return outcome != Outcome::Running; }
    int distinctAccounts() const { return int(QSet<QString>(accountIds.cbegin(), accountIds.cend()).size()); }

    Outcome outcome = Outcome::Running;
    QStringList accountIds;
    QStringList statuses;
    int pages = 0;
    int retriesSeen = 0;
    FetchProgress progress;
    FetchFailure failure;
    LoadOutcome ended_;    // the last ended signal
    int endings = 0;       // ended signals seen
    bool listFinished = false;
};
