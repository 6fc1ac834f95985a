#pragma once

#include "client/attemptfailure.h"
#include "client/awsclient.h"

#include <QObject>
#include <QPointer>

class QNetworkReply;
class QTimer;

// One call and its attempts, alive until it has answered or is aborted.
class AwsCall : public QObject
{
    Q_OBJECT

public:
    AwsCall(AwsRequest request, AwsResultReady done, AwsClient *client);

    void start();
    // Stops at once: the request in flight is dropped, done is never called.
    void abort();

private:
    void waitForSendSlot();
    void sendWithCredentials();
    void sendSigned(const AwsCredentials &credentials);
    void handleReply(QNetworkReply *reply);
    void handleErrorAnswer(const AwsResponse &answer);
    void retryOrFail(const AttemptFailure &attempt, AwsFailure failure);
    void renewCredentialsAndResend(const AwsError &error);
    void succeed(const AwsResponse &answer);
    void fail(AwsFailure failure);
    void finish(const AwsResult &result);
    qint64 nowMs() const;
    QDateTime signingTime() const;

    AwsRequest m_request;
    AwsResultReady m_done;
    AwsClient *m_client;
    RetryPolicy &m_policy;
    QTimer *m_timer;
    QPointer<QNetworkReply> m_reply;
    AwsCredentials m_signedWith;
    QStringList m_tlsErrors;
    int m_attempt = 0;
    int m_heldQuota = 0;
    qint64 m_sentAtMs = -1; // when the attempt got its send slot
    bool m_skewCorrected = false;
    bool m_credentialsRenewed = false;
    bool m_finished = false;
};
