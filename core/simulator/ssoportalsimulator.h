#pragma once

#include "simulator/loopbackhttpserver.h"
#include "simulator/simulatorfault.h"

#include "signing/awscredentials.h"

#include <QList>
#include <QSet>

// A loopback stand-in for the IAM Identity Center portal: GetRoleCredentials (GET
// /federation/credentials?role_name=..&account_id=..), which is not signed; the portal checks the
// access token in x-amz-sso_bearer_token instead, and so does this one.
class SsoPortalSimulator : public LoopbackHttpServer
{
    Q_OBJECT

public:
    struct ReceivedRequest
    {
        QString accessToken;
        QString accountId;
        QString roleName;
        bool signedWithSigV4 = false; // an Authorization header arrived
    };

    explicit SsoPortalSimulator(QObject *parent = nullptr);

    void acceptAccessToken(const QString &accessToken);
    void revokeAccessToken(const QString &accessToken);
    void addRole(const QString &accountId, const QString &roleName);
    void setCredentialLifetimeSeconds(int seconds); // default 3600
    // GetRoleCredentials requests the rule hits fail so, before the token is checked.
    void addFault(FaultRule rule);
    void clearFaults();

    QList<ReceivedRequest> receivedRequests() const { return m_received; }
    QList<AwsCredentials> issuedCredentials() const { return m_issued; }

Q_SIGNALS:
    void credentialsIssued(const AwsCredentials &credentials);

protected:
    HttpResponse answer(const ReceivedHttpRequest &request) override;

private:
    static HttpResponse error(int status, const QByteArray &code, const QString &message);
    static std::optional<HttpResponse> faultAnswer(SimulatorFault fault);

    FaultSchedule m_faults{"GetRoleCredentials"};
    QSet<QString> m_tokens;
    QSet<QString> m_roles; // "account/role"
    QList<ReceivedRequest> m_received;
    QList<AwsCredentials> m_issued;
    int m_lifetimeSeconds = 3600;
};
