#include "simulatorclient.h"

#include "simulator/enrollmentsimulator.h"
#include "simulator/organizationpages.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

namespace {

const AwsCredentials credentials{QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                                 {}, std::nullopt};

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject statusFilter(const QStringList &values)
{
    return QJsonObject{{QStringLiteral("name"), QStringLiteral("Status")},
                       {QStringLiteral("values"), QJsonArray::fromStringList(values)}};
}

QStringList ids(const QList<QJsonObject> &accounts)
{
    QStringList result;
    for (const QJsonObject &account : accounts)
        result.append(account.value(QLatin1String("accountId")).toString());
    return result;
}

QStringList ids(const SimulatedOrganization &organization, const QStringList &statuses = {})
{
    QStringList result;
    for (const SimulatedAccount &account : organization.accounts) {
        if (statuses.isEmpty() || statuses.contains(account.status))
            result.append(account.accountId);
    }
    return result;
}

SimulatedAccount account(const char *id, const char *status, std::optional<QString> reason, QByteArray timestamp)
{
    return SimulatedAccount{QString::fromLatin1(id), QString::fromLatin1(status), std::move(reason), std::move(timestamp), {}, {}};
}

} // namespace

class TestSimulatorPaging : public QObject
{
    Q_OBJECT

    EnrollmentSimulator *start(SimulatedOrganization organization)
    {
        auto *simulator = new EnrollmentSimulator(std::move(organization), this);
        simulator->addCredentials(credentials.accessKeyId, credentials.secretAccessKey);
        if (!simulator->listen())
            return nullptr;
        m_client = std::make_unique<SimulatorClient>(simulator->endpointUrl(), credentials);
        return simulator;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_client.reset();
        qDeleteAll(findChildren<EnrollmentSimulator *>());
    }

    void shouldReturnEveryAccountExactlyOnce_data()
    {
        QTest::addColumn<int>("accountCount");
        QTest::addColumn<int>("maxResults"); // 0: leave it out
        QTest::addColumn<int>("expectedPages");
        QTest::newRow("empty organization") << 0 << 0 << 1;
        QTest::newRow("one account") << 1 << 0 << 1;
        QTest::newRow("one short of a full default page") << 99 << 0 << 1;
        QTest::newRow("exactly one default page") << 100 << 0 << 1;
        QTest::newRow("one more than a default page") << 101 << 0 << 2;
        QTest::newRow("odd page size") << 250 << 7 << 36;
        QTest::newRow("one account per page") << 30 << 1 << 30;
        QTest::newRow("largest page") << 2500 << 1000 << 3;
    }

    void shouldReturnEveryAccountExactlyOnce()
    {
        QFETCH(int, accountCount);
        QFETCH(int, maxResults);
        QFETCH(int, expectedPages);
        const SimulatedOrganization organization = SimulatedOrganization::generate(accountCount, 4);
        EnrollmentSimulator *simulator = start(organization);
        QVERIFY(simulator);

        QJsonObject request;
        if (maxResults > 0)
            request.insert(QStringLiteral("maxResults"), maxResults);
        const SimulatorClient::Listing listing = m_client->listAll(request);
        QVERIFY2(!listing.failed, listing.failure.body.constData());
        QVERIFY(listing.lastPageHadNoToken);
        QCOMPARE(listing.pages, expectedPages);
        QCOMPARE(ids(listing.accounts), ids(organization));
        QCOMPARE(simulator->pageRequestCount(), expectedPages);
    }

    void shouldReportEachAccountAsGenerated()
    {
        const SimulatedOrganization organization = SimulatedOrganization::generate(300, 12);
        QVERIFY(start(organization));
        const SimulatorClient::Listing listing = m_client->listAll();
        QCOMPARE(listing.accounts.size(), organization.accounts.size());
        for (qsizetype i = 0; i < organization.accounts.size(); ++i) {
            const SimulatedAccount &expected = organization.accounts[i];
            const QJsonObject &actual = listing.accounts[i];
            QCOMPARE(actual.value(QLatin1String("status")).toString(), expected.status);
            QCOMPARE(actual.contains(QLatin1String("statusReason")), expected.statusReason.has_value());
            QCOMPARE(actual.value(QLatin1String("statusReason")).toString(), expected.statusReason.value_or(QString()));
            QCOMPARE(actual.value(QLatin1String("lastUpdatedTimestamp")).toDouble(),
                     QJsonDocument::fromJson("[" + expected.lastUpdatedJson + "]").array().at(0).toDouble());
        }
    }

    void shouldWriteTimestampsAndTextExactlyAsGiven()
    {
        SimulatedOrganization organization;
        organization.accounts = {
            account("000000000042", "Active", std::nullopt, "1.6084512E9"),
            account("123456789012", "Failed", QStringLiteral("bell \a, unit separator \x1f, quote \", slash \\ é 日本 🚀"),
                    "1700000000.123"),
            account("210987654321", "Pending", QStringLiteral("line\r\nbreak"), "1700000000"),
            account("333333333333", "Inactive", QString(), QByteArray()),
        };
        QVERIFY(start(organization));
        const CallResult page = m_client->call("{}");
        QCOMPARE(page.httpStatus, 200);
        QCOMPARE(page.body,
                 QByteArray("{\"accountEnrollmentStatuses\":["
                            "{\"accountId\":\"000000000042\",\"status\":\"Active\",\"lastUpdatedTimestamp\":1.6084512E9},"
                            "{\"accountId\":\"123456789012\",\"status\":\"Failed\",\"statusReason\":\"bell \\u0007, unit "
                            "separator \\u001f, quote \\\", slash \\\\ \xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x9a\x80\","
                            "\"lastUpdatedTimestamp\":1700000000.123},"
                            "{\"accountId\":\"210987654321\",\"status\":\"Pending\",\"statusReason\":\"line\\r\\nbreak\","
                            "\"lastUpdatedTimestamp\":1700000000},"
                            "{\"accountId\":\"333333333333\",\"status\":\"Inactive\",\"statusReason\":\"\"}]}"));
        const QJsonArray parsed = page.json().value(QLatin1String("accountEnrollmentStatuses")).toArray();
        QCOMPARE(parsed.at(1).toObject().value(QLatin1String("statusReason")).toString(),
                 organization.accounts[1].statusReason.value());
    }

    void shouldServeStatusesOutsideTheModelUnfiltered()
    {
        SimulatedOrganization organization;
        organization.accounts = {account("111111111111", "Suspended", std::nullopt, "1700000000"),
                                 account("222222222222", "Active", std::nullopt, "1700000000")};
        QVERIFY(start(organization));
        const SimulatorClient::Listing all = m_client->listAll();
        QCOMPARE(all.accounts.first().value(QLatin1String("status")).toString(), QStringLiteral("Suspended"));
        const SimulatorClient::Listing active =
            m_client->listAll(QJsonObject{{QStringLiteral("filters"), QJsonArray{statusFilter({QStringLiteral("Active")})}}});
        QCOMPARE(ids(active.accounts), QStringList{QStringLiteral("222222222222")});
    }

    void shouldAnswerWithTheHeadersAwsSends()
    {
        QVERIFY(start(SimulatedOrganization::generate(10)));
        const CallResult page = m_client->call("{}");
        QCOMPARE(page.httpStatus, 200);
        QCOMPARE(page.header("Content-Type"), QByteArray("application/x-amz-json-1.0"));
        QVERIFY(!QUuid::fromString(QLatin1String(page.header("x-amzn-RequestId"))).isNull());
        QCOMPARE(page.header("Content-Length").toInt(), page.body.size());
        static const QRegularExpression imfFixdate(QStringLiteral(
            "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
            "\\d\\d:\\d\\d:\\d\\d GMT$"));
        QVERIFY2(imfFixdate.match(QLatin1String(page.header("Date"))).hasMatch(), page.header("Date").constData());
    }

    void shouldGiveEachResponseItsOwnRequestId()
    {
        QVERIFY(start(SimulatedOrganization::generate(10)));
        QVERIFY(m_client->call("{}").header("x-amzn-RequestId") != m_client->call("{}").header("x-amzn-RequestId"));
    }

    void shouldFilterByStatus_data()
    {
        QTest::addColumn<QJsonArray>("filters");
        QTest::addColumn<QStringList>("expectedStatuses");
        QTest::newRow("Active") << QJsonArray{statusFilter({QStringLiteral("Active")})}
                                << QStringList{QStringLiteral("Active")};
        QTest::newRow("Failed or Pending") << QJsonArray{statusFilter({QStringLiteral("Failed"), QStringLiteral("Pending")})}
                                           << QStringList{QStringLiteral("Failed"), QStringLiteral("Pending")};
        QTest::newRow("two filters intersect")
            << QJsonArray{statusFilter({QStringLiteral("Failed"), QStringLiteral("Pending")}),
                          statusFilter({QStringLiteral("Pending"), QStringLiteral("Active")})}
            << QStringList{QStringLiteral("Pending")};
        QTest::newRow("empty filter list") << QJsonArray{} << QStringList{};
    }

    void shouldFilterByStatus()
    {
        QFETCH(QJsonArray, filters);
        QFETCH(QStringList, expectedStatuses);
        const SimulatedOrganization organization = SimulatedOrganization::generate(1500, 2);
        QVERIFY(start(organization));
        const SimulatorClient::Listing listing =
            m_client->listAll(QJsonObject{{QStringLiteral("filters"), filters}, {QStringLiteral("maxResults"), 37}});
        QVERIFY2(!listing.failed, listing.failure.body.constData());
        QVERIFY(!listing.accounts.isEmpty());
        QCOMPARE(ids(listing.accounts), ids(organization, expectedStatuses));
    }

    void shouldRejectInvalidRequests_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("errorCode");
        QTest::addColumn<QString>("messagePart");
        const QString invalidValue = QStringLiteral("InvalidParameterValueException");
        const QString serialization = QStringLiteral("SerializationException");
        QTest::newRow("unknown filter name")
            << QByteArray(R"({"filters":[{"name":"Region","values":["Active"]}]})") << invalidValue
            << QStringLiteral("'Region' is not a valid filter name");
        QTest::newRow("status in the wrong case")
            << QByteArray(R"({"filters":[{"name":"Status","values":["active"]}]})") << invalidValue
            << QStringLiteral("'active' is not a valid value for the Status filter");
        QTest::newRow("filter without values") << QByteArray(R"({"filters":[{"name":"Status","values":[]}]})")
                                               << invalidValue << QStringLiteral("needs at least one value");
        QTest::newRow("filter without name") << QByteArray(R"({"filters":[{"values":["Active"]}]})") << invalidValue
                                             << QStringLiteral("needs a name");
        QTest::newRow("filters as an object") << QByteArray(R"({"filters":{"name":"Status"}})") << serialization
                                              << QStringLiteral("START_OBJECT");
        QTest::newRow("maxResults zero") << QByteArray(R"({"maxResults":0})") << invalidValue
                                         << QStringLiteral("from 1 to 1000");
        QTest::newRow("maxResults negative") << QByteArray(R"({"maxResults":-5})") << invalidValue
                                             << QStringLiteral("-5 is not a valid maxResults");
        QTest::newRow("maxResults above 1000") << QByteArray(R"({"maxResults":1001})") << invalidValue
                                               << QStringLiteral("1001 is not a valid maxResults");
        QTest::newRow("maxResults fraction") << QByteArray(R"({"maxResults":1.5})") << serialization
                                             << QStringLiteral("NUMBER_VALUE can not be converted to an Integer");
        QTest::newRow("maxResults string") << QByteArray(R"({"maxResults":"10"})") << serialization
                                           << QStringLiteral("STRING_VALUE can not be converted to an Integer");
        QTest::newRow("made-up nextToken") << QByteArray(R"({"nextToken":"abc"})") << invalidValue
                                           << QStringLiteral("The nextToken is invalid");
        QTest::newRow("nextToken as a number") << QByteArray(R"({"nextToken":5})") << serialization
                                               << QStringLiteral("NUMBER_VALUE");
        QTest::newRow("body is an array") << QByteArray("[]") << serialization << QStringLiteral("JSON object");
        QTest::newRow("body is not JSON") << QByteArray("maxResults=5") << serialization
                                          << QStringLiteral("not valid JSON");
    }

    void shouldRejectInvalidRequests()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, errorCode);
        QFETCH(QString, messagePart);
        QVERIFY(start(SimulatedOrganization::generate(50)));
        const CallResult result = m_client->call(body);
        QCOMPARE(result.httpStatus, 400);
        QCOMPARE(result.errorCode(), errorCode);
        QVERIFY2(result.message().contains(messagePart), qPrintable(result.message()));
        QCOMPARE(result.header("X-Amzn-Errortype").split(':').first(), errorCode.toLatin1());
        QVERIFY(!result.header("Date").isEmpty());
    }

    void shouldAcceptMaxResultsAtTheBounds_data()
    {
        QTest::addColumn<int>("maxResults");
        QTest::newRow("1") << 1;
        QTest::newRow("1000") << 1000;
    }

    void shouldAcceptMaxResultsAtTheBounds()
    {
        QFETCH(int, maxResults);
        QVERIFY(start(SimulatedOrganization::generate(1200)));
        const CallResult page = m_client->call(compact(QJsonObject{{QStringLiteral("maxResults"), maxResults}}));
        QCOMPARE(page.httpStatus, 200);
        QCOMPARE(page.json().value(QLatin1String("accountEnrollmentStatuses")).toArray().size(), maxResults);
        QVERIFY(page.json().contains(QLatin1String("nextToken")));
    }

    void shouldTreatAnEmptyBodyAndNullMembersAsNoInput()
    {
        QVERIFY(start(SimulatedOrganization::generate(150)));
        for (const QByteArray &body : {QByteArray(), QByteArray(R"({"nextToken":null,"maxResults":null,"filters":null})"),
                                      QByteArray(R"({"nextToken":""})")}) {
            const CallResult page = m_client->call(body);
            QCOMPARE(page.httpStatus, 200);
            QCOMPARE(page.json().value(QLatin1String("accountEnrollmentStatuses")).toArray().size(), 100);
        }
    }

    void shouldRefuseTokensFromAnotherServer()
    {
        QVERIFY(start(SimulatedOrganization::generate(150)));
        const QByteArray foreignToken = m_client->call("{}").json().value(QLatin1String("nextToken")).toString().toLatin1();
        QVERIFY(!foreignToken.isEmpty());
        m_client.reset();
        qDeleteAll(findChildren<EnrollmentSimulator *>());

        QVERIFY(start(SimulatedOrganization::generate(150)));
        const CallResult result = m_client->call("{\"nextToken\":\"" + foreignToken + "\"}");
        QCOMPARE(result.httpStatus, 400);
        QCOMPARE(result.errorCode(), QStringLiteral("InvalidParameterValueException"));
    }

    void shouldRecordTheNextTokenOfEachPageRequest()
    {
        EnrollmentSimulator *simulator = start(SimulatedOrganization::generate(250));
        QVERIFY(simulator);
        QSignalSpy received(simulator, &EnrollmentSimulator::pageRequestReceived);
        const SimulatorClient::Listing listing = m_client->listAll();
        QCOMPARE(listing.pages, 3);
        QCOMPARE(received.size(), 3);
        QCOMPARE(received.at(2).at(0).toInt(), 3);
        const QList<QByteArray> tokens = simulator->receivedNextTokens();
        QCOMPARE(tokens.size(), 3);
        QVERIFY(tokens[0].isEmpty());
        QVERIFY(!tokens[1].isEmpty());
        QVERIFY(!tokens[2].isEmpty());
        QVERIFY(tokens[1] != tokens[2]);
    }

    void shouldAnswerGetEnrollmentStatusForTheManagementAccount()
    {
        const SimulatedOrganization organization = SimulatedOrganization::generate(400, 6);
        EnrollmentSimulator *simulator = start(organization);
        QVERIFY(simulator);
        CallOptions options;
        options.target = statusTarget;
        const CallResult result = m_client->call("{}", options);
        QCOMPARE(result.httpStatus, 200);
        const QJsonObject status = result.json();
        QCOMPARE(status.value(QLatin1String("status")).toString(), QStringLiteral("Active"));
        QCOMPARE(status.value(QLatin1String("memberAccountsEnrolled")).toBool(), true);
        QCOMPARE(status.value(QLatin1String("numberOfMemberAccountsOptedIn")).toInt(),
                 ids(organization, {QStringLiteral("Active")}).size());
        QVERIFY(status.value(QLatin1String("lastUpdatedTimestamp")).toDouble() > 1.6e9);
        QCOMPARE(simulator->pageRequestCount(), 0);
    }

    void shouldRejectUnknownOperations_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("another operation") << QByteArray("ComputeOptimizerService.GetEC2InstanceRecommendations");
        QTest::newRow("another service") << QByteArray("DynamoDB_20120810.ListTables");
        QTest::newRow("no target") << QByteArray();
    }

    void shouldRejectUnknownOperations()
    {
        QFETCH(QByteArray, target);
        QVERIFY(start(SimulatedOrganization::generate(5)));
        CallOptions options;
        options.target = target;
        const CallResult result = m_client->call("{}", options);
        QCOMPARE(result.httpStatus, 400);
        QCOMPARE(result.errorCode(), QStringLiteral("UnknownOperationException"));
    }

    void shouldRejectOtherContentTypes()
    {
        QVERIFY(start(SimulatedOrganization::generate(5)));
        CallOptions options;
        options.contentType = "application/json";
        const CallResult result = m_client->call("{}", options);
        QCOMPARE(result.httpStatus, 400);
        QCOMPARE(result.errorCode(), QStringLiteral("UnknownOperationException"));
        QVERIFY(result.message().contains(QLatin1String("application/x-amz-json-1.0")));

        options.contentType = "application/x-amz-json-1.0; charset=utf-8";
        QCOMPARE(m_client->call("{}", options).httpStatus, 200);
    }

    // The whole simulator answers 1,000 pages of 100 from 100,000 accounts in well under a second of CPU;
    // this checks the part that grows with the organization, with room for a debug build on a busy machine.
    void shouldAssembleAThousandPagesQuickly()
    {
        const SimulatedOrganization organization = SimulatedOrganization::generate(100000);
        QElapsedTimer timer;
        timer.start();
        OrganizationPages pages(organization, 42);
        qsizetype bytes = 0;
        QByteArray token;
        int pageCount = 0;
        do {
            const QByteArray body = token.isEmpty() ? QByteArray("{}") : "{\"nextToken\":\"" + token + "\"}";
            auto request = pages.parseRequest(body);
            QVERIFY(request);
            token = pages.nextTokenAfter(*request);
            bytes += pages.pageJson(*request, token).size();
            ++pageCount;
        } while (!token.isEmpty());
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(pageCount, 1000);
        QVERIFY(bytes > 10'000'000);
        QVERIFY2(elapsed < 3000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
        qInfo("1,000 pages of 100 (%lld bytes) in %lld ms", static_cast<long long>(bytes), static_cast<long long>(elapsed));
    }

private:
    std::unique_ptr<SimulatorClient> m_client;
};

QTEST_GUILESS_MAIN(TestSimulatorPaging)
#include "test_simulator_paging.moc"
