#pragma once

#include "network/enrollmentloader.h"

#include <QObject>
#include <QSet>
#include <QStringList>

// Listens to an EnrollmentLoader and keeps what a user of it would see: the accounts in arrival
// order, the last progress, and how the load ended.
class LoadRecorder : public QObject
{
    Q_OBJECT

public:
    enum class Outcome { Running, Finished, Failed, Cancelled };

    explicit LoadRecorder(EnrollmentLoader *loader)
    {
        connect(loader, &EnrollmentLoader::started, this, [this] { outcome = Outcome::Running; });
        connect(loader, &EnrollmentLoader::pageReceived, this, [this](const QList<AccountEnrollment> &page) {
            ++pages;
            for (const AccountEnrollment &account : page) {
                accountIds.append(account.accountId);
                statuses.append(account.statusText);
            }
        });
        connect(loader, &EnrollmentLoader::progressChanged, this, [this](const FetchProgress &p) {
            progress = p;
            if (p.retryDelayMs > 0)
                ++retriesSeen;
        });
        connect(loader, &EnrollmentLoader::finished, this, [this] { outcome = Outcome::Finished; });
        connect(loader, &EnrollmentLoader::failed, this, [this](const FetchFailure &f) {
            failure = f;
            outcome = Outcome::Failed;
        });
        connect(loader, &EnrollmentLoader::cancelled, this, [this] { outcome = Outcome::Cancelled; });
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
};
