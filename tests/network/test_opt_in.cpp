// The core of opting in: the answers' shapes (as botocore's models describe them), what the plan
// allows for each kind of caller, one request in flight at a time through LoadSession, rows that
// change in place, and when following stops.
#include "enrollment/accounttablemodel.h"
#include "network/loadsession.h"
#include "network/optinplan.h"
#include "network/optinpoll.h"
#include "profiles/staticcredentialprovider.h"
#include "simulator/enrollmentsimulator.h"

#include <QSignalSpy>
#include <QTest>

namespace {

const QString Key = QStringLiteral("AKIDOPTINCORE0000000");
const QString Secret = QStringLiteral("opt-in-core-secret");

AccountEnrollment account(const QString &id, EnrollmentStatus status)
{
    AccountEnrollment a;
    a.accountId = id;
    a.status = status;
    a.statusText = enrollmentStatusName(status);
    return a;
}

OptInCheck managementCheck()
{
    OptInCheck check;
    check.callerAccountId = QStringLiteral("111122223333");
    check.inOrganization = OptInCheck::Answer::Yes;
    check.organizationId = QStringLiteral("o-abc");
    check.managementAccountId = QStringLiteral("111122223333");
    check.trustedAccess = OptInCheck::Answer::Yes;
    check.delegatedAdministratorsKnown = true;
    return check;
}

} // namespace

class OptInCoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadTheAnswersAsTheModelsShapeThem();
    void shouldAllowWhatAwsAllowsForEachCaller();
    void shouldCountInactiveAndNameWhatCannotBeEnrolled();
    void shouldSendOneOptInAtATime();
    void shouldSayWhenANewLoadCutsTheOptInOff();
    void shouldUpdateRowsInPlaceAndKeepCountsRight();
    void shouldStopFollowingWhenNothingMoves();
    void shouldStopFollowingWhenEverythingSettled();
};

void OptInCoreTest::shouldReadTheAnswersAsTheModelsShapeThem()
{
    const auto account = parseCallerAccount(
        "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
        "<Arn>arn:aws:iam::012345678901:user/a</Arn><UserId>AIDA</UserId><Account>012345678901</Account>"
        "</GetCallerIdentityResult></GetCallerIdentityResponse>");
    QVERIFY(account);
    QCOMPARE(account.value(), QStringLiteral("012345678901"));
    QVERIFY(!parseCallerAccount("<GetCallerIdentityResponse/>"));

    const auto organization = parseDescribeOrganization(
        R"({"Organization":{"Id":"o-x1","Arn":"arn","FeatureSet":"ALL","MasterAccountId":"210987654321","MasterAccountEmail":"m@example.com"}})");
    QVERIFY(organization);
    QCOMPARE(organization->id, QStringLiteral("o-x1"));
    QCOMPARE(organization->managementAccountId, QStringLiteral("210987654321"));
    QVERIFY(!parseDescribeOrganization(R"({"Organization":{}})"));

    const auto access = parseServiceAccessPage(
        R"({"EnabledServicePrincipals":[{"ServicePrincipal":"compute-optimizer.amazonaws.com","DateEnabled":1.6E9}],"NextToken":"t2"})");
    QVERIFY(access);
    QCOMPARE(access->principals, QStringList{ComputeOptimizerPrincipal});
    QCOMPARE(access->nextToken, QStringLiteral("t2"));
    QVERIFY(!parseServiceAccessPage(R"({"EnabledServicePrincipals":"no"})"));

    const auto admins = parseDelegatedAdministratorPage(
        R"({"DelegatedAdministrators":[{"Id":"444455556666","Name":"Cost","Arn":"a","Email":"e","State":"ACTIVE"}]})");
    QVERIFY(admins);
    QCOMPARE(admins->administrators.size(), 1);
    QCOMPARE(admins->administrators.first().accountId, QStringLiteral("444455556666"));
    QVERIFY(admins->nextToken.isEmpty());

    const auto answer = parseOptInAnswer(R"({"status":"Pending","statusReason":"members take time"})");
    QVERIFY(answer);
    QCOMPARE(answer->status, QStringLiteral("Pending"));
    QVERIFY(!parseOptInAnswer("<html>"));
}

void OptInCoreTest::shouldAllowWhatAwsAllowsForEachCaller()
{
    OptInCheck check = managementCheck();
    QCOMPARE(check.role(), OptInCheck::Role::ManagementAccount);
    QVERIFY(planOptIn(check, {}, {}, false).wholeOrganization.allowed);

    check.delegatedAdministrators = {{QStringLiteral("444455556666"), QStringLiteral("Cost")}};
    check.callerAccountId = QStringLiteral("444455556666");
    QCOMPARE(check.role(), OptInCheck::Role::DelegatedAdministrator);
    OptInPlan plan = planOptIn(check, {}, {}, false);
    QVERIFY(!plan.wholeOrganization.allowed);
    QVERIFY(plan.wholeOrganization.whyNot.contains(QStringLiteral("111122223333")));
    QVERIFY(plan.thisAccount.allowed);

    check.callerAccountId = QStringLiteral("777788889999");
    QCOMPARE(check.role(), OptInCheck::Role::MemberAccount);
    QVERIFY(!planOptIn(check, {}, {}, false).wholeOrganization.allowed);

    check.inOrganization = OptInCheck::Answer::No;
    QCOMPARE(check.role(), OptInCheck::Role::StandaloneAccount);
    plan = planOptIn(check, {}, {}, false);
    QVERIFY(!plan.wholeOrganization.allowed);
    QCOMPARE(plan.question(false), QStringLiteral("Opt in account 777788889999 to Compute Optimizer?"));

    OptInCheck unknown;
    unknown.callerProblem = QStringLiteral("STS was unreachable");
    QCOMPARE(unknown.role(), OptInCheck::Role::Unknown);
    plan = planOptIn(unknown, {}, {}, false);
    QVERIFY(!plan.wholeOrganization.allowed);
    QVERIFY(plan.thisAccount.allowed);
}

void OptInCoreTest::shouldCountInactiveAndNameWhatCannotBeEnrolled()
{
    const QList<AccountEnrollment> accounts{account(QStringLiteral("000000000001"), EnrollmentStatus::Inactive),
                                            account(QStringLiteral("000000000002"), EnrollmentStatus::Inactive),
                                            account(QStringLiteral("000000000003"), EnrollmentStatus::Active)};
    AccountNames names;
    names.insert(QStringLiteral("000000000002"), AccountName{QStringLiteral("Old lab"), {}, AccountState::Suspended});
    names.insert(QStringLiteral("000000000001"), AccountName{QStringLiteral("Web"), {}, AccountState::Unknown});
    const OptInPlan plan = planOptIn(managementCheck(), accounts, names, true);
    QCOMPARE(plan.inactiveAccounts, 2);
    QCOMPARE(plan.cannotEnroll, QStringList{QStringLiteral("Old lab (000000000002) is SUSPENDED")});
    QCOMPARE(planOptIn(managementCheck(), {}, {}, false).inactiveAccounts, -1);
}

void OptInCoreTest::shouldSendOneOptInAtATime()
{
    EnrollmentSimulator simulator(SimulatedOrganization::generate(40, 5));
    simulator.addCredentials(Key, Secret);
    simulator.setResponseLatencyMs(100);
    QVERIFY(simulator.listen());
    EnrollmentQuery query;
    query.endpoint = simulator.endpointUrl();
    query.signingRegion = QStringLiteral("us-east-1");
    AwsCredentials credentials;
    credentials.accessKeyId = Key;
    credentials.secretAccessKey = Secret;
    query.credentials = std::make_shared<StaticCredentialProvider>(credentials, QStringLiteral("the test"));

    LoadSession session;
    QSignalSpy accepted(&session, &LoadSession::optInAccepted);
    QVERIFY(session.optIn(query, true));
    QVERIFY(session.isOptingIn());
    QVERIFY(!session.optIn(query, true));
    QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 20'000);
    QVERIFY(!session.isOptingIn());
    QCOMPARE(simulator.updateEnrollmentStatusRequestCount(), 1);
}

void OptInCoreTest::shouldSayWhenANewLoadCutsTheOptInOff()
{
    EnrollmentSimulator simulator(SimulatedOrganization::generate(40, 5));
    simulator.addCredentials(Key, Secret);
    simulator.addFault({SimulatorFault::Stall, 1, 1, "UpdateEnrollmentStatus"});
    QVERIFY(simulator.listen());
    EnrollmentQuery query;
    query.endpoint = simulator.endpointUrl();
    query.signingRegion = QStringLiteral("us-east-1");
    AwsCredentials credentials;
    credentials.accessKeyId = Key;
    credentials.secretAccessKey = Secret;
    query.credentials = std::make_shared<StaticCredentialProvider>(credentials, QStringLiteral("the test"));

    LoadSession session;
    QSignalSpy refused(&session, &LoadSession::optInRefused);
    QVERIFY(session.optIn(query, true));
    QTRY_COMPARE_WITH_TIMEOUT(simulator.updateEnrollmentStatusRequestCount(), 1, 20'000);
    session.start(query); // a new client for the new load
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 20'000);
    QVERIFY(refused.first().first().value<OptInRefused>().message.contains(QStringLiteral("may have taken effect")));
    QVERIFY(!session.isOptingIn());
    QVERIFY(session.optIn(query, true)); // and the next one may go
}

void OptInCoreTest::shouldUpdateRowsInPlaceAndKeepCountsRight()
{
    AccountTableModel model;
    model.appendAccounts({account(QStringLiteral("000000000001"), EnrollmentStatus::Inactive),
                          account(QStringLiteral("000000000002"), EnrollmentStatus::Inactive),
                          account(QStringLiteral("000000000003"), EnrollmentStatus::Active)});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.appendAccounts({account(QStringLiteral("000000000002"), EnrollmentStatus::Pending),
                          account(QStringLiteral("000000000001"), EnrollmentStatus::Pending),
                          account(QStringLiteral("000000000004"), EnrollmentStatus::Failed)});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 1); // rows 0 and 1, in one range
    QCOMPARE(model.account(1).status, EnrollmentStatus::Pending);
    QCOMPARE(model.counts().count(EnrollmentStatus::Inactive), 0);
    QCOMPARE(model.counts().count(EnrollmentStatus::Pending), 2);
    QCOMPARE(model.counts().count(EnrollmentStatus::Failed), 1);
    QCOMPARE(model.counts().total(), 4);
}

void OptInCoreTest::shouldStopFollowingWhenNothingMoves()
{
    OptInPoll poll;
    poll.setSettings({1, 2.0, 8, 3, 100});
    QSignalSpy due(&poll, &OptInPoll::rereadDue);
    QSignalSpy stopped(&poll, &OptInPoll::stopped);
    connect(&poll, &OptInPoll::rereadDue, this, [&poll] { poll.observe({5, 0}, 5); });
    poll.start();
    QTRY_COMPARE(stopped.size(), 1);
    QCOMPARE(stopped.first().first().value<OptInPoll::StopReason>(), OptInPoll::StopReason::NothingMoved);
    // The first answer counts as movement; three still ones after it end it.
    QCOMPARE(due.size(), 4);
    QCOMPARE(poll.quietForMs(), 1 + 2 + 4);
}

void OptInCoreTest::shouldStopFollowingWhenEverythingSettled()
{
    OptInPoll poll;
    poll.setSettings({1, 2.0, 8, 3, 100});
    QSignalSpy stopped(&poll, &OptInPoll::stopped);
    int pending = 3;
    connect(&poll, &OptInPoll::rereadDue, this, [&] {
        --pending;
        poll.observe({pending, 3 - pending}, pending);
    });
    poll.start();
    QTRY_COMPARE(stopped.size(), 1);
    QCOMPARE(stopped.first().first().value<OptInPoll::StopReason>(), OptInPoll::StopReason::Settled);
    QCOMPARE(pending, 0);
}

QTEST_GUILESS_MAIN(OptInCoreTest)
#include "test_opt_in.moc"
