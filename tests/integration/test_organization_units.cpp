// Where each account sits, against the simulator: every account's OU path and state exact for a
// nested organization with and without Paths, a flat one, one where OU listing is refused (names
// only) and one where Organizations is refused (as before); Not listed rows; maxResults fallback.
#include "enrollment/accounttablemodel.h"
#include "network/loadsession.h"
#include "network/pagesizememory.h"
#include "profiles/staticcredentialprovider.h"
#include "simulator/enrollmentsimulator.h"

#include <QtTest>

namespace {

const QString AccessKey = QStringLiteral("AKIDORGUNITS");
const QString SecretKey = QStringLiteral("org-units-secret");

QString expectedPath(const SimulatedOrganization &organization, const SimulatedAccount &account)
{
    QStringList names;
    for (QString at = account.parentId; !at.isEmpty();) {
        const auto unit = std::find_if(organization.units.cbegin(), organization.units.cend(),
                                       [&](const SimulatedUnit &u) { return u.id == at; });
        if (unit == organization.units.cend())
            break;
        names.prepend(unit->name);
        at = unit->parentId == organization.rootId ? QString() : unit->parentId;
    }
    names.prepend(QStringLiteral("Root"));
    return names.join(QStringLiteral(" / "));
}

} // namespace

class OrganizationUnitsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldPlaceEveryAccountExactly_data();
    void shouldPlaceEveryAccountExactly();
    void shouldFallBackToPagesOf100WithoutLosingARow();

private:
    void load(EnrollmentSimulator &simulator, AccountTableModel &model, LoadOutcome &outcome, int maxResults = 100);
};

void OrganizationUnitsTest::load(EnrollmentSimulator &simulator, AccountTableModel &model, LoadOutcome &outcome,
                                 int maxResults)
{
    EnrollmentQuery query;
    query.endpoint = simulator.endpointUrl();
    query.signingRegion = QStringLiteral("us-east-1");
    AwsCredentials credentials;
    credentials.accessKeyId = AccessKey;
    credentials.secretAccessKey = SecretKey;
    query.credentials = std::make_shared<StaticCredentialProvider>(credentials, QStringLiteral("test"));
    query.includeAccountNames = true;
    query.maxResults = maxResults;
    query.organizations = ServiceEndpoint{simulator.endpointUrl(), QStringLiteral("us-east-1"),
                                          QStringLiteral("organizations")};
    LoadSession session;
    model.clear(AccountTableModel::NamesState::Loading);
    connect(&session, &LoadSession::pageReceived, &model, &AccountTableModel::appendAccounts);
    connect(&session, &LoadSession::accountNamesReceived, &model, &AccountTableModel::addAccountNames);
    connect(&session, &LoadSession::accountNamesUnavailable, &model,
            [&model](const QString &reason, bool) { model.setNamesUnavailable(reason); });
    connect(&session, &LoadSession::organizationTreeReceived, &model, &AccountTableModel::setOrganizationTree);
    bool ended = false;
    connect(&session, &LoadSession::ended, this, [&](const LoadOutcome &o) {
        outcome = o;
        ended = true;
    });
    session.start(query);
    QTRY_VERIFY_WITH_TIMEOUT(ended, 30'000);
    if (outcome.isComplete())
        model.addNotListedAccounts();
}

void OrganizationUnitsTest::shouldPlaceEveryAccountExactly_data()
{
    QTest::addColumn<int>("units");
    QTest::addColumn<bool>("paths");
    QTest::addColumn<int>("access");
    QTest::newRow("nested, Paths") << 60 << true << int(OrganizationsService::Access::Allowed);
    QTest::newRow("nested, no Paths") << 60 << false << int(OrganizationsService::Access::Allowed);
    QTest::newRow("flat") << 0 << true << int(OrganizationsService::Access::Allowed);
    QTest::newRow("OU listing denied") << 12 << true << int(OrganizationsService::Access::UnitsDenied);
    QTest::newRow("OU listing denied, no Paths") << 12 << false << int(OrganizationsService::Access::UnitsDenied);
    QTest::newRow("Organizations denied") << 12 << true << int(OrganizationsService::Access::Denied);
}

void OrganizationUnitsTest::shouldPlaceEveryAccountExactly()
{
    QFETCH(int, units);
    QFETCH(bool, paths);
    QFETCH(int, access);
    SimulatedOrganization organization = SimulatedOrganization::generate(430, 5);
    organization.addUnlistedAccounts(3, 5);
    organization.arrangeInUnits(units, 5);
    EnrollmentSimulator simulator(organization);
    simulator.addCredentials(AccessKey, SecretKey);
    simulator.setPathsIncluded(paths);
    simulator.setOrganizationsAccess(OrganizationsService::Access(access));
    QVERIFY(simulator.listen());
    AccountTableModel model;
    LoadOutcome outcome;
    load(simulator, model, outcome);
    QVERIFY(outcome.isComplete());
    QCOMPARE(simulator.organizationsRequestCount("ListParents"), 0);

    const auto access_ = OrganizationsService::Access(access);
    if (access_ == OrganizationsService::Access::Denied) {
        QCOMPARE(model.namesState(), AccountTableModel::NamesState::Unavailable);
        QCOMPARE(model.rowCount(), organization.accounts.size()); // as before: no Not listed rows
        return;
    }
    QCOMPARE(model.rowCount(), organization.accounts.size() + organization.unlistedAccounts.size());
    QHash<QString, int> rowOf;
    for (int row = 0; row < model.rowCount(); ++row)
        rowOf.insert(model.account(row).accountId, row);
    for (const SimulatedAccount &account : organization.accounts + organization.unlistedAccounts) {
        QVERIFY(rowOf.contains(account.accountId));
        const int row = rowOf.value(account.accountId);
        const QString path = model.index(row, AccountTableModel::OuPathColumn).data().toString();
        QCOMPARE(path, access_ == OrganizationsService::Access::Allowed ? expectedPath(organization, account) : QString());
        QCOMPARE(model.index(row, AccountTableModel::AccountStateColumn).data().toString(), account.state);
        QCOMPARE(model.accountNames().value(account.accountId).joinedMsecs.value_or(0) / 1000, account.joinedSeconds);
    }
    for (const SimulatedAccount &account : organization.unlistedAccounts)
        QCOMPARE(model.account(rowOf.value(account.accountId)).status, EnrollmentStatus::NotListed);
    QVERIFY(!rowOf.contains(organization.managementAccount.accountId));
    QCOMPARE(model.counts().count(EnrollmentStatus::NotListed), organization.unlistedAccounts.size());
}

void OrganizationUnitsTest::shouldFallBackToPagesOf100WithoutLosingARow()
{
    PageSizeMemory::forgetAll();
    const SimulatedOrganization organization = SimulatedOrganization::generate(1250, 9);
    EnrollmentSimulator simulator(organization);
    simulator.addCredentials(AccessKey, SecretKey);
    simulator.setMaxResultsLimit(100);
    QVERIFY(simulator.listen());
    AccountTableModel model;
    LoadOutcome outcome;
    load(simulator, model, outcome, 1000);
    QVERIFY(outcome.isComplete());
    QCOMPARE(model.rowCount(), organization.accounts.size());
    // One refused page, then 13 of 100; the next load asks for 100 at once.
    QCOMPARE(simulator.pageRequestCount(), 1 + 13);
    load(simulator, model, outcome, 1000);
    QCOMPARE(model.rowCount(), organization.accounts.size());
    QCOMPARE(simulator.pageRequestCount(), 1 + 13 + 13);
}

QTEST_MAIN(OrganizationUnitsTest)
#include "test_organization_units.moc"
