#include "simulator/simulatedoptin.h"

#include "simulator/jsontext.h"

namespace {

const QString PendingReason =
    QStringLiteral("Member accounts of the organization require more time to be enrolled in the service");

QByteArray quoted(const QString &text)
{
    return JsonText::quoted(text);
}

} // namespace

SimulatedOptIn::SimulatedOptIn(SimulatedOptInSetup setup)
    : m_setup(std::move(setup))
{
    m_setup.waves = qMax(1, m_setup.waves);
    m_setup.pendingMs = qMax(0, m_setup.pendingMs);
}

bool SimulatedOptIn::optIn(SimulatedOrganization &organization, bool includeMembers, qint64 nowMs,
                           qint64 nowEpochSeconds)
{
    m_setup.ownStatus = QStringLiteral("Active");
    if (!includeMembers)
        return false;
    m_setup.memberAccountsEnrolled = true;
    int moved = 0;
    for (int i = 0; i < organization.accounts.size(); ++i) {
        SimulatedAccount &account = organization.accounts[i];
        if (account.status != QLatin1String("Inactive"))
            continue;
        account.status = QStringLiteral("Pending");
        account.statusReason = PendingReason;
        account.lastUpdatedJson = QByteArray::number(nowEpochSeconds);
        const int wave = moved++ % m_setup.waves;
        m_activeAtMs.insert(i, nowMs + qint64(m_setup.pendingMs) * (wave + 1) / m_setup.waves);
    }
    return moved > 0;
}

bool SimulatedOptIn::advance(SimulatedOrganization &organization, qint64 nowMs, qint64 nowEpochSeconds)
{
    bool changed = false;
    for (auto it = m_activeAtMs.begin(); it != m_activeAtMs.end();) {
        if (it.value() > nowMs) {
            ++it;
            continue;
        }
        SimulatedAccount &account = organization.accounts[it.key()];
        account.status = QStringLiteral("Active");
        account.statusReason.reset();
        account.lastUpdatedJson = QByteArray::number(nowEpochSeconds);
        it = m_activeAtMs.erase(it);
        changed = true;
    }
    return changed;
}

QByteArray SimulatedOptIn::ownEnrollmentJson(const SimulatedOrganization &organization) const
{
    int active = 0;
    for (const SimulatedAccount &account : organization.accounts)
        active += account.status == QLatin1String("Active") ? 1 : 0;
    return "{\"status\":" + quoted(m_setup.ownStatus) + ",\"memberAccountsEnrolled\":"
        + (m_setup.memberAccountsEnrolled ? "true" : "false") + ",\"numberOfMemberAccountsOptedIn\":"
        + QByteArray::number(active) + ",\"lastUpdatedTimestamp\":1.7040672E9}";
}

QByteArray SimulatedOptIn::updateAnswerJson() const
{
    return "{\"status\":\"Active\"}";
}

QByteArray SimulatedOptIn::serviceAccessJson() const
{
    QByteArray json = "{\"EnabledServicePrincipals\":[{\"ServicePrincipal\":\"sso.amazonaws.com\","
                      "\"DateEnabled\":1.6E9}";
    if (m_setup.trustedAccess)
        json += ",{\"ServicePrincipal\":\"compute-optimizer.amazonaws.com\",\"DateEnabled\":1.65E9}";
    return json + "]}";
}

QByteArray SimulatedOptIn::delegatedAdministratorsJson() const
{
    QByteArray json = "{\"DelegatedAdministrators\":[";
    for (qsizetype i = 0; i < m_setup.delegatedAdministrators.size(); ++i) {
        const SimulatedOptInSetup::Administrator &admin = m_setup.delegatedAdministrators.at(i);
        if (i > 0)
            json += ',';
        json += "{\"Id\":" + quoted(admin.accountId) + ",\"Name\":" + quoted(admin.name)
            + ",\"Arn\":" + quoted(QStringLiteral("arn:aws:organizations::%1:account/%2/%3")
                                       .arg(m_setup.managementAccountId, m_setup.organizationId, admin.accountId))
            + ",\"State\":\"ACTIVE\",\"DelegationEnabledDate\":1.66E9}";
    }
    return json + "]}";
}

QByteArray SimulatedOptIn::describeOrganizationJson() const
{
    return "{\"Organization\":{\"Id\":" + quoted(m_setup.organizationId) + ",\"Arn\":"
        + quoted(QStringLiteral("arn:aws:organizations::%1:organization/%2")
                     .arg(m_setup.managementAccountId, m_setup.organizationId))
        + ",\"FeatureSet\":\"ALL\",\"MasterAccountId\":" + quoted(m_setup.managementAccountId)
        + ",\"MasterAccountEmail\":" + quoted(m_setup.managementEmail) + "}}";
}

QByteArray SimulatedOptIn::callerIdentityXml() const
{
    const QByteArray account = m_setup.callerAccountId.toUtf8();
    return "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
           "<GetCallerIdentityResult><Arn>arn:aws:sts::"
        + account + ":assumed-role/Admin/enrollment-desk</Arn><UserId>AROASIMULATED:enrollment-desk</UserId>"
        + "<Account>" + account + "</Account></GetCallerIdentityResult>"
        + "<ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata>"
        + "</GetCallerIdentityResponse>";
}
