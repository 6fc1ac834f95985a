// Account names from Organizations, fetched beside the enrollment list: every name arrives, and a
// caller who may not list accounts still gets the whole enrollment list.
#include "loadrecorder.h"
#include "network/loadsession.h"
#include "profiles/staticcredentialprovider.h"
#include "simulator/enrollmentsimulator.h"

#include <QtTest>

namespace {

const QString AccessKey = QStringLiteral("AKIDACCOUNTNAMES");
const QString SecretKey = QStringLiteral("account-names-secret");

} // namespace

class AccountNamesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void shouldDeliverANameForEveryAccount();
    void shouldStillLoadTheWholeListWhenNamesAreDenied();
    void shouldNotAskForNamesUnlessTheQueryDoes();

private:
    EnrollmentQuery query() const;

    SimulatedOrganization m_organization = SimulatedOrganization::generate(245, 11);
    EnrollmentSimulator *m_simulator = nullptr;
};

void AccountNamesTest::init()
{
    m_simulator = new EnrollmentSimulator(m_organization, this);
    m_simulator->addCredentials(AccessKey, SecretKey);
    QVERIFY(m_simulator->listen());
}

void AccountNamesTest::cleanup()
{
    delete m_simulator;
    m_simulator = nullptr;
}

EnrollmentQuery AccountNamesTest::query() const
{
    EnrollmentQuery query;
    query.endpoint = m_simulator->endpointUrl();
    query.signingRegion = QStringLiteral("us-east-1");
    AwsCredentials credentials;
    credentials.accessKeyId = AccessKey;
    credentials.secretAccessKey = SecretKey;
    query.credentials = std::make_shared<StaticCredentialProvider>(credentials, QStringLiteral("test"));
    query.includeAccountNames = true;
    query.organizations = ServiceEndpoint{m_simulator->endpointUrl(), QStringLiteral("us-east-1"),
                                          QStringLiteral("organizations")};
    return query;
}

void AccountNamesTest::shouldDeliverANameForEveryAccount()
{
    LoadSession loader;
    LoadRecorder recorder(&loader);
    AccountNames names;
    bool namesDone = false;
    connect(&loader, &LoadSession::accountNamesReceived, this, [&](const AccountNames &page) { names.insert(page); });
    connect(&loader, &LoadSession::ended, this, [&] { namesDone = true; });
    loader.start(query());
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended() && namesDone, 20'000);
    QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Finished);
    // Every member account, and the management account, which ListAccounts includes.
    QCOMPARE(names.size(), m_organization.accounts.size() + 1);
    QVERIFY(names.value(m_organization.managementAccount.accountId).managementAccount);
    for (const SimulatedAccount &account : std::as_const(m_organization.accounts)) {
        QCOMPARE(names.value(account.accountId).name, account.name);
        QCOMPARE(names.value(account.accountId).email, account.email);
    }
    QCOMPARE(m_simulator->listAccountsRequestCount(), (245 + 19) / 20);
}

void AccountNamesTest::shouldStillLoadTheWholeListWhenNamesAreDenied()
{
    m_simulator->setAccountNamesDenied(true);
    LoadSession loader;
    LoadRecorder recorder(&loader);
    QSignalSpy unavailable(&loader, &LoadSession::accountNamesUnavailable);
    loader.start(query());
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 20'000);
    QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Finished);
    QCOMPARE(recorder.distinctAccounts(), m_organization.accounts.size());
    QTRY_COMPARE_WITH_TIMEOUT(unavailable.size(), 1, 10'000);
    QCOMPARE(unavailable.at(0).at(1).toBool(), true);
    QVERIFY(unavailable.at(0).at(0).toString().contains(QStringLiteral("organizations:ListAccounts")));
    QCOMPARE(m_simulator->listAccountsRequestCount(), 1); // access denied is not retried
}

void AccountNamesTest::shouldNotAskForNamesUnlessTheQueryDoes()
{
    EnrollmentQuery withoutNames = query();
    withoutNames.includeAccountNames = false;
    LoadSession loader;
    LoadRecorder recorder(&loader);
    loader.start(withoutNames);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.ended(), 20'000);
    QCOMPARE(recorder.outcome, LoadRecorder::Outcome::Finished);
    QCOMPARE(m_simulator->listAccountsRequestCount(), 0);
}

QTEST_GUILESS_MAIN(AccountNamesTest)
#include "test_account_names.moc"
