#include "demoorganization.h"

#include "profiles/staticcredentialprovider.h"
#include "simulator/enrollmentsimulator.h"
#include "simulator/simulatorhost.h"

namespace {

// Not secrets: they exist only inside this process and unlock only the simulator.
const QString DemoAccessKeyId = QStringLiteral("AKIDEMOENROLLMENTDSK");
const QString DemoSecretAccessKey = QStringLiteral("demo-secret-that-only-the-simulator-knows");

} // namespace

DemoOrganization::DemoOrganization() = default;
DemoOrganization::~DemoOrganization() = default;

namespace {

// OUs a few levels deep, every account state, and a few new accounts Compute Optimizer does not list yet.
SimulatedOrganization demoOrganization()
{
    SimulatedOrganization organization = SimulatedOrganization::generate(DemoOrganization::AccountCount, 2024);
    organization.addUnlistedAccounts(4, 2024);
    organization.arrangeInUnits(24, 2024);
    return organization;
}

} // namespace

bool DemoOrganization::start()
{
    m_host = std::make_unique<SimulatorHost>(demoOrganization(),
                                             [](EnrollmentSimulator &simulator) {
                                                 simulator.addCredentials(DemoAccessKeyId, DemoSecretAccessKey);
                                                 simulator.setPageLatencyMs(40);
                                                 simulator.setRandomThrottling(0.03, 7);
                                                 // Opt in… is safe to try here: it changes only this simulation.
                                                 SimulatedOptInSetup optIn;
                                                 optIn.ownStatus = QStringLiteral("Inactive");
                                                 optIn.memberAccountsEnrolled = false;
                                                 optIn.pendingMs = 15000;
                                                 optIn.waves = 4;
                                                 simulator.setOptIn(optIn);
                                             });
    m_endpoint = m_host->start();
    if (m_endpoint.isEmpty()) {
        m_error = QStringLiteral("The demo organization could not start its server on 127.0.0.1: %1")
                      .arg(m_host->errorString());
        return false;
    }
    return true;
}

EnrollmentQuery DemoOrganization::query() const
{
    EnrollmentQuery query;
    query.endpoint = m_endpoint;
    query.signingRegion = QStringLiteral("us-east-1");
    AwsCredentials credentials;
    credentials.accessKeyId = DemoAccessKeyId;
    credentials.secretAccessKey = DemoSecretAccessKey;
    query.credentials = std::make_shared<StaticCredentialProvider>(credentials, QStringLiteral("the demo organization"));
    // Demo throttling is frequent on purpose; give every page room to get through.
    query.client.maxAttempts = 8;
    query.includeAccountNames = true;
    query.organizations = ServiceEndpoint{m_endpoint, QStringLiteral("us-east-1"), QStringLiteral("organizations")};
    query.sts = ServiceEndpoint{m_endpoint, QStringLiteral("us-east-1"), QStringLiteral("sts")};
    return query;
}
