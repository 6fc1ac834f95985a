#pragma once

#include "simulator/httprequestreader.h"
#include "simulator/httpresponse.h"
#include "simulator/organizationpages.h"
#include "simulator/organizationsservice.h"
#include "simulator/requestauthenticator.h"
#include "simulator/requestratelimit.h"
#include "simulator/simulatedoptin.h"
#include "simulator/simulatedorganization.h"
#include "simulator/simulatorfault.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QUrl>

#include <optional>

class QTcpServer;
class QTcpSocket;

// A loopback stand-in for the Compute Optimizer service: HTTP/1.1 on 127.0.0.1, AWS JSON 1.0,
// SigV4-checked, serving GetEnrollmentStatusesForOrganization and GetEnrollmentStatus for a
// simulated organization, with faults to order. It lives as long as its QObject parent.
class EnrollmentSimulator : public QObject
{
    Q_OBJECT

public:
    explicit EnrollmentSimulator(SimulatedOrganization organization, QObject *parent = nullptr);

    bool listen(quint16 port = 0); // 127.0.0.1 only; 0 picks a free port
    QUrl endpointUrl() const;      // "http://127.0.0.1:PORT"
    QString errorString() const;   // why listen() failed

    // When a session token is registered for a key, requests must carry it in X-Amz-Security-Token.
    void addCredentials(const QString &accessKeyId, const QString &secretAccessKey, const QString &sessionToken = {});
    // From now on, requests carrying this session token get 400 ExpiredTokenException, as AWS
    // answers once temporary credentials have run out; call it mid-run to expire them mid-run.
    void expireSessionToken(const QString &sessionToken);
    void setRegion(const QString &region); // the signing region requests must use; default "us-east-1"
    void setClockOffsetSeconds(qint64 offset); // server clock = real UTC + offset, for Date and the skew check
    QDateTime serverNowUtc() const;
    void setPageLatencyMs(int ms);                              // delay before each page answer
    // Delay before every answer, of any operation and throttled ones too: the network's round trip.
    void setResponseLatencyMs(int ms);
    // Above this many requests a second (a burst of one second's worth allowed), the service
    // throttles: Compute Optimizer with 400 ThrottlingException, Organizations with 400
    // TooManyRequestsException. 0 = no limit (the default).
    void setRateLimit(SimulatedService service, double requestsPerSecond);
    int rateLimitedCount() const; // answers the rate limits throttled, of both services
    void setRandomThrottling(double probability, quint32 seed); // occasional ThrottlingException, for demos
    // Rules without an operation hit GetEnrollmentStatusesForOrganization; "GetEnrollmentStatus" and
    // "ListAccounts" count their own requests.
    void addFault(FaultRule rule);
    void clearFaults();
    void setRequireSignature(bool required); // default true

    // Organizations (ListAccounts, ListRoots, ListOrganizationalUnitsForParent, ListAccountsForParent),
    // served on the same port: names, states and OUs for the account list.
    void setAccountNamesDenied(bool denied); // AccessDeniedException, as for a caller outside the management account
    void setOrganizationsAccess(OrganizationsService::Access access);
    void setPathsIncluded(bool included); // the Paths member of ListAccounts; default on
    int listAccountsRequestCount() const;
    int organizationsRequestCount() const; // every Organizations request, ListAccounts included
    int organizationsRequestCount(QByteArrayView operation) const;
    // GetEnrollmentStatusesForOrganization refuses a larger maxResults with ValidationException.
    void setMaxResultsLimit(int limit);
    int enrollmentStatusRequestCount() const; // GetEnrollmentStatus requests received

    // Opting in: UpdateEnrollmentStatus moves Inactive members to Pending, then to Active (see
    // SimulatedOptIn); ListAWSServiceAccessForOrganization, ListDelegatedAdministrators and
    // DescribeOrganization answer from the setup, and so does STS GetCallerIdentity, on this port.
    // Faults for "UpdateEnrollmentStatus" (AccessDenied, InternalError500...) refuse or fail it.
    void setOptIn(SimulatedOptInSetup setup);
    int updateEnrollmentStatusRequestCount() const { return m_updateRequestCount; }
    QList<QByteArray> updateEnrollmentStatusBodies() const { return m_updateBodies; }
    // Every member that was moved to Pending has turned Active.
    bool optInSettled() const { return m_optIn.settled(); }

    int pageRequestCount() const;                 // GetEnrollmentStatusesForOrganization requests received
    QList<QByteArray> receivedNextTokens() const; // nextToken of each page request, empty for a first page

Q_SIGNALS:
    void pageRequestReceived(int number);

private:
    struct Reply
    {
        HttpResponse response;
        int delayMs = 0;
    };
    struct Connection
    {
        HttpRequestReader reader;
        bool busy = false; // an answer is pending, or will never come
    };

    void acceptConnections();
    void serveBufferedRequests(QTcpSocket *socket);
    bool deliver(QTcpSocket *socket, const Reply &reply, bool keepAlive);

    Reply handle(const ReceivedHttpRequest &request);
    Reply handlePageRequest(const ReceivedHttpRequest &request);
    Reply handleEnrollmentStatus(const ReceivedHttpRequest &request);
    Reply handleOrganizations(const ReceivedHttpRequest &request, QByteArrayView operation);
    std::optional<Reply> handleOptInOperations(const QByteArray &target, const ReceivedHttpRequest &request);
    Reply handleUpdateEnrollmentStatus(const ReceivedHttpRequest &request);
    Reply handleOrganizationsQuestion(QByteArrayView operation, const ReceivedHttpRequest &request);
    Reply handleCallerIdentity(const ReceivedHttpRequest &request);
    void advanceOptIn();
    std::optional<ServiceError> checkContentTypeAndSignature(const ReceivedHttpRequest &request) const;
    bool overRateLimit(SimulatedService service);
    std::optional<SimulatorFault> faultFor(QByteArrayView operation, int number);
    std::optional<Reply> faultReply(SimulatorFault fault, QByteArrayView operation) const;
    QByteArray repeatedToken() const;

    static Reply errorReply(const ServiceError &error);
    static Reply jsonReply(QByteArray body);

    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, Connection> m_connections;
    SimulatedOrganization m_organization;
    quint64 m_pagesSalt = 0;
    OrganizationPages m_pages;
    OrganizationsService m_organizations;
    QHash<QByteArray, int> m_organizationsRequests;
    SimulatedOptIn m_optIn;
    int m_updateRequestCount = 0;
    QList<QByteArray> m_updateBodies;
    int m_enrollmentStatusRequestCount = 0;
    RequestAuthenticator m_authenticator;
    bool m_requireSignature = true;
    qint64 m_clockOffsetSeconds = 0;
    int m_pageLatencyMs = 0;
    int m_responseLatencyMs = 0;
    QElapsedTimer m_uptime;
    RequestRateLimit m_computeOptimizerLimit;
    RequestRateLimit m_organizationsLimit;
    int m_rateLimitedCount = 0;
    double m_throttleProbability = 0.0;
    QRandomGenerator m_throttleRandom;
    FaultSchedule m_faults;
    QSet<QString> m_expiredSessionTokens;
    int m_pageRequestCount = 0;
    QList<QByteArray> m_receivedNextTokens;
    QList<QByteArray> m_handedOutTokens;
};
