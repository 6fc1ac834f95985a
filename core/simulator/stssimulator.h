#pragma once

#include "simulator/loopbackhttpserver.h"
#include "simulator/requestauthenticator.h"
#include "simulator/simulatorfault.h"

#include "signing/awscredentials.h"

#include <QList>
#include <QMap>
#include <QSet>

// A loopback stand-in for AWS STS: AssumeRole over the Query protocol (form-encoded POST, XML
// answer), checking the SigV4 signature as STS does. It hands out temporary credentials, which
// then sign further AssumeRole calls (role chains) or go to other simulators.
class StsSimulator : public LoopbackHttpServer
{
    Q_OBJECT

public:
    // What a role demands beyond a valid signature.
    struct RoleRules
    {
        QString externalId; // required when not empty
        QString mfaSerial;  // with mfaCode: both required when not empty
        QString mfaCode;
    };

    struct ReceivedAssumeRole
    {
        QString accessKeyId; // who signed
        QMap<QString, QString> parameters;
    };

    explicit StsSimulator(QObject *parent = nullptr);

    void addSourceCredentials(const QString &accessKeyId, const QString &secretAccessKey,
                              const QString &sessionToken = {});
    void addRole(const QString &roleArn, RoleRules rules = {});
    void setRegion(const QString &region); // the signing region requests must use; default "us-east-1"
    void setCredentialLifetimeSeconds(int seconds); // when DurationSeconds is not sent; default 3600
    // AssumeRole requests the rule hits fail so, before anything else is checked.
    void addFault(FaultRule rule);
    void clearFaults();
    // Requests signed with credentials handed out so far are refused as expired from now on.
    void expireIssuedCredentials();

    QList<ReceivedAssumeRole> receivedRequests() const { return m_received; }
    QList<AwsCredentials> issuedCredentials() const { return m_issued; }

Q_SIGNALS:
    void credentialsIssued(const AwsCredentials &credentials, const QString &roleArn);

protected:
    HttpResponse answer(const ReceivedHttpRequest &request) override;

private:
    HttpResponse assumeRole(const QMap<QString, QString> &parameters);
    static HttpResponse error(int status, const QString &code, const QString &message);
    static std::optional<HttpResponse> faultAnswer(SimulatorFault fault);

    RequestAuthenticator m_authenticator;
    QMap<QString, RoleRules> m_roles;
    QSet<QString> m_expiredKeys;
    FaultSchedule m_faults{"AssumeRole"};
    QList<ReceivedAssumeRole> m_received;
    QList<AwsCredentials> m_issued;
    int m_lifetimeSeconds = 3600;
};
