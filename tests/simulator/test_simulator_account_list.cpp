#include "simulator/enrollmentsimulator.h"
#include "simulatorclient.h"

#include <QJsonArray>
#include <QSet>
#include <QtTest>

namespace {

const QByteArray listAccountsTarget = "AWSOrganizationsV20161128.ListAccounts";

AwsCredentials testCredentials()
{
    AwsCredentials credentials;
    credentials.accessKeyId = QStringLiteral("AKIDACCOUNTLIST");
    credentials.secretAccessKey = QStringLiteral("account-list-secret");
    return credentials;
}

CallOptions organizationsCall()
{
    CallOptions options;
    options.target = listAccountsTarget;
    options.contentType = "application/x-amz-json-1.1";
    options.service = QStringLiteral("organizations");
    return options;
}

} // namespace

class SimulatorAccountListTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void shouldListEveryAccountWithNameAndEmailTwentyAPage();
    void shouldGiveAwkwardNames();
    void shouldRequireTheOrganizationsSigningScope();
    void shouldRefuseWhenNamesAreDenied();
    void shouldRefuseBadPageSizesAndTokens();

private:
    SimulatedOrganization m_organization = SimulatedOrganization::generate(130, 5);
    std::unique_ptr<EnrollmentSimulator> m_simulator;
};

void SimulatorAccountListTest::init()
{
    m_simulator = std::make_unique<EnrollmentSimulator>(m_organization);
    m_simulator->addCredentials(testCredentials().accessKeyId, testCredentials().secretAccessKey);
    QVERIFY(m_simulator->listen());
}

void SimulatorAccountListTest::shouldListEveryAccountWithNameAndEmailTwentyAPage()
{
    SimulatorClient client(m_simulator->endpointUrl(), testCredentials());
    QJsonObject request;
    QSet<QString> seen;
    int pages = 0;
    for (;;) {
        const CallResult page = client.call(QJsonDocument(request).toJson(QJsonDocument::Compact), organizationsCall());
        QCOMPARE(page.httpStatus, 200);
        QCOMPARE(page.header("Content-Type"), QByteArray("application/x-amz-json-1.1"));
        const QJsonArray accounts = page.json().value(QLatin1String("Accounts")).toArray();
        QVERIFY(accounts.size() <= 20);
        for (const QJsonValue &value : accounts) {
            const QJsonObject account = value.toObject();
            const QString id = account.value(QLatin1String("Id")).toString();
            // Organizations lists the management account too, beside the member accounts.
            const QList<SimulatedAccount> known = m_organization.organizationAccounts();
            const auto match = std::find_if(known.cbegin(), known.cend(),
                                            [&](const SimulatedAccount &a) { return a.accountId == id; });
            QVERIFY(match != known.cend());
            QCOMPARE(account.value(QLatin1String("Name")).toString(), match->name);
            QCOMPARE(account.value(QLatin1String("Email")).toString(), match->email);
            seen.insert(id);
        }
        ++pages;
        const QString token = page.json().value(QLatin1String("NextToken")).toString();
        if (token.isEmpty())
            break;
        request.insert(QLatin1String("NextToken"), token);
    }
    QCOMPARE(seen.size(), 131); // 130 members and the management account
    QCOMPARE(pages, 7);
    QCOMPARE(m_simulator->listAccountsRequestCount(), 7);
    QCOMPARE(m_simulator->pageRequestCount(), 0);
}

void SimulatorAccountListTest::shouldGiveAwkwardNames()
{
    bool comma = false;
    bool nonAscii = false;
    for (const SimulatedAccount &account : std::as_const(m_organization.accounts)) {
        QVERIFY(!account.name.isEmpty());
        QVERIFY(account.email.contains(u'@'));
        comma |= account.name.contains(u',');
        nonAscii |= std::any_of(account.name.cbegin(), account.name.cend(), [](QChar c) { return c.unicode() > 127; });
    }
    QVERIFY(comma);
    QVERIFY(nonAscii);
    // Names do not disturb the enrollment data a seed gives.
    QCOMPARE(SimulatedOrganization::generate(130, 5).accounts.at(7).accountId, m_organization.accounts.at(7).accountId);
}

void SimulatorAccountListTest::shouldRequireTheOrganizationsSigningScope()
{
    SimulatorClient client(m_simulator->endpointUrl(), testCredentials());
    CallOptions options = organizationsCall();
    options.service = QStringLiteral("compute-optimizer");
    const CallResult result = client.call("{}", options);
    QCOMPARE(result.httpStatus, 400);
    QCOMPARE(result.errorCode(), QStringLiteral("InvalidSignatureException"));
    QVERIFY(result.message().contains(QStringLiteral("organizations")));
}

void SimulatorAccountListTest::shouldRefuseWhenNamesAreDenied()
{
    m_simulator->setAccountNamesDenied(true);
    SimulatorClient client(m_simulator->endpointUrl(), testCredentials());
    const CallResult result = client.call("{}", organizationsCall());
    QCOMPARE(result.httpStatus, 400);
    QCOMPARE(result.errorCode(), QStringLiteral("AccessDeniedException"));
}

void SimulatorAccountListTest::shouldRefuseBadPageSizesAndTokens()
{
    SimulatorClient client(m_simulator->endpointUrl(), testCredentials());
    QCOMPARE(client.call(R"({"MaxResults":21})", organizationsCall()).errorCode(), QStringLiteral("InvalidInputException"));
    QCOMPARE(client.call(R"({"MaxResults":0})", organizationsCall()).errorCode(), QStringLiteral("InvalidInputException"));
    QCOMPARE(client.call(R"({"NextToken":"made-up"})", organizationsCall()).errorCode(),
             QStringLiteral("InvalidInputException"));
    CallOptions wrongType = organizationsCall();
    wrongType.contentType = "application/x-amz-json-1.0";
    QCOMPARE(client.call("{}", wrongType).httpStatus, 400);
}

QTEST_GUILESS_MAIN(SimulatorAccountListTest)
#include "test_simulator_account_list.moc"
