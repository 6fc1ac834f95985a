#pragma once

#include "enrollment/accountname.h"
#include "network/enrollmentquery.h"

#include <QObject>
#include <QPointer>
#include <QSet>

class AwsCall;
class AwsClient;

// Pages through Organizations ListAccounts beside the enrollment list, on the same worker thread
// and through the same client. It never holds the enrollment list back: when the caller may not
// list accounts, it says so once and stops.
class AccountNamesFetcher : public QObject
{
    Q_OBJECT

public:
    explicit AccountNamesFetcher(AwsClient *client, QObject *parent = nullptr);

public Q_SLOTS:
    void start(const EnrollmentQuery &query, int run);
    void cancel();

Q_SIGNALS:
    void namesReceived(const AccountNames &names, int run);
    void finished(int run);
    // accessDenied: the caller is not allowed to list accounts (not the management account or a
    // delegated administrator for Organizations); otherwise the reason is a failure worth retrying.
    void unavailable(const QString &reason, bool accessDenied, int run);

private:
    void requestPage();

    AwsClient *m_client;
    QPointer<AwsCall> m_call;
    EnrollmentQuery m_query;
    QString m_nextToken;
    QSet<QString> m_tokensSeen;
    int m_run = 0;
};
