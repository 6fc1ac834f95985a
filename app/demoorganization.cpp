#include "demoorganization.h"

#include "profiles/staticcredentialprovider.h"
#include "simulator/simulatorhost.h"

namespace {

// Not secrets: they exist only inside this process and unlock only the simulator.
const QString DemoAccessKeyId = QStringLiteral("AKIDEMOENROLLMENTDSK");
const QString DemoSecretAccessKey = QStringLiteral("demo-secret-that-only-the-simulator-knows");

} // namespace

DemoOrganization::DemoOrganization() = default;
DemoOrganization::~DemoOrganization() = default;

bool DemoOrganization::start()
{
    SimulatorHost::Settings settings;
    settings.accountCount = AccountCount;
    settings.seed = 2024;
    settings.pageLatencyMs = 40;
    settings.throttleProbability = 0.03;
    settings.accessKeyId = DemoAccessKeyId;
    settings.secretAccessKey = DemoSecretAccessKey;
    m_host = std::make_unique<SimulatorHost>(settings);
    m_endpoint = m_host->start();
    if (m_endpoint.isEmpty()) {
        m_error = QStringLiteral("The demo organization could not start a server on 127.0.0.1.");
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
    query.maxAttempts = 8;
    return query;
}
