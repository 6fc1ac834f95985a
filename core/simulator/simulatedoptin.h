#pragma once

#include "simulator/simulatedorganization.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

// Who the simulator's caller is and what its organization says about Compute Optimizer.
struct SimulatedOptInSetup
{
    QString organizationId = QStringLiteral("o-sim4example1");
    QString managementAccountId = QStringLiteral("111122223333");
    QString managementEmail = QStringLiteral("aws-management@example.com");
    QString callerAccountId = QStringLiteral("111122223333"); // STS GetCallerIdentity
    bool inOrganization = true; // false: Organizations answers AWSOrganizationsNotInUseException
    bool trustedAccess = false; // compute-optimizer.amazonaws.com in ListAWSServiceAccessForOrganization
    struct Administrator
    {
        QString accountId;
        QString name;
    };
    QList<Administrator> delegatedAdministrators; // for compute-optimizer.amazonaws.com
    QString ownStatus = QStringLiteral("Active"); // GetEnrollmentStatus before any opt-in
    bool memberAccountsEnrolled = true;
    // After an opt-in, Inactive members show Pending, then turn Active in `waves` groups, the last
    // one pendingMs after the request.
    int pendingMs = 1500;
    int waves = 3;
};

// UpdateEnrollmentStatus over a simulated organization: Inactive → Pending at once, → Active later.
// Time is the simulator's uptime in milliseconds, passed in, so the transitions need no timers.
class SimulatedOptIn
{
public:
    explicit SimulatedOptIn(SimulatedOptInSetup setup = {});

    const SimulatedOptInSetup &setup() const { return m_setup; }
    // Accepts status Active; moves the members when includeMembers. Returns whether any member changed.
    bool optIn(SimulatedOrganization &organization, bool includeMembers, qint64 nowMs, qint64 nowEpochSeconds);
    // Pending members whose time has come turn Active. Returns whether any did.
    bool advance(SimulatedOrganization &organization, qint64 nowMs, qint64 nowEpochSeconds);
    // No member is still on its way to Active.
    bool settled() const { return m_activeAtMs.isEmpty(); }

    QByteArray ownEnrollmentJson(const SimulatedOrganization &organization) const;
    QByteArray updateAnswerJson() const;
    QByteArray serviceAccessJson() const;
    QByteArray delegatedAdministratorsJson() const;
    QByteArray describeOrganizationJson() const;
    QByteArray callerIdentityXml() const;

private:
    SimulatedOptInSetup m_setup;
    QHash<int, qint64> m_activeAtMs; // account index → when it turns Active
};
