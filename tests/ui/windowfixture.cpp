#include "windowfixture.h"

#include "profiles/staticcredentialprovider.h"

const QString WindowFixture::AccessKeyId = QStringLiteral("AKIDUITESTS000000000");
const QString WindowFixture::SecretAccessKey = QStringLiteral("ui-test-secret-known-only-to-the-simulator");

WindowFixture::WindowFixture(SimulatedOrganization organization)
    : m_organization(organization)
    , m_simulator(std::make_unique<EnrollmentSimulator>(std::move(organization)))
{
    m_simulator->addCredentials(AccessKeyId, SecretAccessKey);
    m_ready = m_dir.isValid() && m_simulator->listen();
}

WindowSetup WindowFixture::setup(int maxAttempts) const
{
    WindowSetup setup;
    setup.profiles = {{QStringLiteral("audit"), QStringLiteral("audit")},
                      {QStringLiteral("default"), QStringLiteral("default")}};
    setup.queryFactory = [endpoint = m_simulator->endpointUrl(), requested = m_requested,
                          maxAttempts, fetchNames = m_fetchNames](const QString &profile, const QString &region) -> Expected<EnrollmentQuery> {
        requested->append(profile + u'|' + region);
        AwsCredentials credentials;
        credentials.accessKeyId = AccessKeyId;
        credentials.secretAccessKey = SecretAccessKey;
        EnrollmentQuery query;
        query.endpoint = endpoint;
        query.signingRegion = QStringLiteral("us-east-1");
        query.credentials = std::make_shared<StaticCredentialProvider>(credentials, QStringLiteral("the UI tests"));
        query.client.maxAttempts = maxAttempts;
        query.client.network.timeoutMs = 10'000;
        query.includeAccountNames = fetchNames;
        query.organizations = ServiceEndpoint{endpoint, QStringLiteral("us-east-1"), QStringLiteral("organizations")};
        query.sts = ServiceEndpoint{endpoint, QStringLiteral("us-east-1"), QStringLiteral("sts")};
        return query;
    };
    return setup;
}

std::unique_ptr<MainWindow> WindowFixture::openWindow(int maxAttempts) const
{
    auto window = std::make_unique<MainWindow>(setup(maxAttempts), WindowSettings(settingsFile()));
    window->show();
    return window;
}
