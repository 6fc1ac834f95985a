// Loading the organization's structure: 10,000 accounts in about 60 OUs, every request answered
// after a 50 ms round trip. The real load (LoadSession: the Compute Optimizer list beside the
// Organizations walk, one AwsClient) under an Organizations rate limit, with and without Paths,
// and beside it the sequential ListAccounts a load made before the OU walk. Prints when the list
// and the Organizations data were complete, what was sent and throttled, whether every account
// got its exact state and OU path, and each target as MET or NOT MET. Asserts nothing.
#include "loadedorganizationcheck.h"
#include "simulatorthread.h"

#include "client/awsclient.h"
#include "enrollment/accounttablemodel.h"
#include "network/enrollmentfetcher.h"
#include "network/listaccountsparser.h"
#include "network/loadsession.h"
#include "network/organizationslisting.h"
#include "profiles/staticcredentialprovider.h"
#include "signing/clock.h"

#include "benchoption.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>

namespace {

const AwsCredentials benchCredentials{QStringLiteral("AKIDBENCHORGS"), QStringLiteral("bench-organizations-secret"),
                                      {}, std::nullopt};

struct Settings
{
    int accounts = 10'000;
    int units = 60;
    int latencyMs = 50;
    int fastRate = 20;
    int slowRate = 5;
};

struct Scenario
{
    QString title;
    double rateLimit = 0.0; // Organizations requests a second; 0: none
    bool paths = true;
    bool baseline = false; // sequential ListAccounts only, no OU walk
    enum class Target { None, WithinTwoRoundTrips, FewThrottles } target = Target::None;
};

struct Measured
{
    qint64 listMs = -1;          // the Compute Optimizer list complete
    qint64 organizationsMs = -1; // names, states and OU paths complete
    int listPages = 0;
    int requests = 0;
    QList<QPair<QByteArray, int>> requestsByOperation;
    int throttled = 0;
    QStringList failures;
    LoadedOrganizationCheck check;
};

EnrollmentQuery queryFor(const QUrl &url)
{
    EnrollmentQuery query;
    query.endpoint = url;
    query.signingRegion = QStringLiteral("us-east-1");
    query.credentials = std::make_shared<StaticCredentialProvider>(benchCredentials, QStringLiteral("benchmark keys"));
    query.maxResults = 1000; // what the app asks for
    query.includeAccountNames = true;
    query.organizations = ServiceEndpoint{url, QStringLiteral("us-east-1"), QStringLiteral("organizations")};
    return query;
}

// The load as the window and --export run it.
void runLoadSession(const EnrollmentQuery &query, AccountTableModel &model, Measured &measured)
{
    LoadSession session;
    QElapsedTimer clock;
    QEventLoop loop;
    qint64 lastNamesMs = -1;
    qint64 treeMs = -1;
    QObject::connect(&session, &LoadSession::pageReceived, &model, &AccountTableModel::appendAccounts);
    QObject::connect(&session, &LoadSession::listFinished, &loop, [&] { measured.listMs = clock.elapsed(); });
    QObject::connect(&session, &LoadSession::accountNamesReceived, &loop, [&](const AccountNames &names) {
        lastNamesMs = clock.elapsed();
        model.addAccountNames(names);
    });
    QObject::connect(&session, &LoadSession::organizationTreeReceived, &loop, [&](const OrganizationTree &tree) {
        treeMs = clock.elapsed();
        model.setOrganizationTree(tree);
    });
    QObject::connect(&session, &LoadSession::accountNamesUnavailable, &loop,
                     [&](const QString &reason, bool) { measured.failures.append(reason); });
    QObject::connect(&session, &LoadSession::organizationTreeUnavailable, &loop,
                     [&](const QString &reason) { measured.failures.append(reason); });
    QObject::connect(&session, &LoadSession::ended, &loop, [&](const LoadOutcome &outcome) {
        if (!outcome.isComplete())
            measured.failures.append(outcome.failure.message.isEmpty() ? QStringLiteral("the load was cancelled")
                                                                       : outcome.failure.message);
        else if (measured.failures.isEmpty())
            measured.organizationsMs = qMax(lastNamesMs, treeMs);
        loop.quit();
    });
    model.clear(AccountTableModel::NamesState::Loading);
    clock.start();
    session.start(query);
    loop.exec();
}

// Before the OU walk: the list, and beside it ListAccounts, one page after another.
void runSequentialListAccounts(const EnrollmentQuery &query, AccountTableModel &model, Measured &measured)
{
    AwsClient client(query.client, std::make_shared<SystemClock>());
    EnrollmentFetcher fetcher(&client);
    OrganizationsListing<AccountNamesPage> listAccounts(client, query, QStringLiteral("ListAccounts"), QString(),
                                                        [](const QByteArray &body) { return parseListAccountsPage(body); });
    QElapsedTimer clock;
    QEventLoop loop;
    int running = 2;
    const auto done = [&] {
        if (--running == 0)
            loop.quit();
    };
    QObject::connect(&fetcher, &EnrollmentFetcher::pageReceived, &model,
                     [&](const QList<AccountEnrollment> &accounts, int) { model.appendAccounts(accounts); });
    QObject::connect(&fetcher, &EnrollmentFetcher::finished, &loop, [&](int) {
        measured.listMs = clock.elapsed();
        done();
    });
    QObject::connect(&fetcher, &EnrollmentFetcher::failed, &loop, [&](const FetchFailure &failure, int) {
        measured.failures.append(failure.message);
        done();
    });
    model.clear(AccountTableModel::NamesState::Loading);
    clock.start();
    fetcher.start(query, 1);
    listAccounts.start(
        [&](const AccountNamesPage &page) {
            model.addAccountNames(page.names);
            return true;
        },
        [&](const std::optional<AwsFailure> &failure) {
            if (failure)
                measured.failures.append(failure->message);
            else
                measured.organizationsMs = clock.elapsed();
            done();
        });
    loop.exec();
}

Measured measure(const Settings &settings, const SimulatedOrganization &organization, const Scenario &scenario)
{
    SimulatorThread server(organization); // a fresh service: its rate limit starts with a full bucket
    server.run([&](EnrollmentSimulator &simulator) {
        simulator.addCredentials(benchCredentials.accessKeyId, benchCredentials.secretAccessKey);
        simulator.setResponseLatencyMs(settings.latencyMs);
        simulator.setPathsIncluded(scenario.paths);
        simulator.setRateLimit(SimulatedService::Organizations, scenario.rateLimit);
    });
    if (!server.listen()) {
        QTextStream(stderr) << "The simulator could not listen on 127.0.0.1.\n";
        std::exit(1);
    }
    Measured measured;
    AccountTableModel model;
    const EnrollmentQuery query = queryFor(server.url());
    if (scenario.baseline)
        runSequentialListAccounts(query, model, measured);
    else
        runLoadSession(query, model, measured);
    server.run([&](EnrollmentSimulator &simulator) {
        measured.listPages = simulator.pageRequestCount();
        measured.requests = simulator.organizationsRequestCount();
        for (const char *operation :
             {"ListAccounts", "ListRoots", "ListOrganizationalUnitsForParent", "ListAccountsForParent"})
            measured.requestsByOperation.append({operation, simulator.organizationsRequestCount(operation)});
        measured.throttled = simulator.rateLimitedCount();
    });
    measured.check = checkLoadedOrganization(organization, model, !scenario.baseline);
    return measured;
}

QString seconds(qint64 ms)
{
    return ms < 0 ? QStringLiteral("never") : QString::number(ms / 1000.0, 'f', 2) + QStringLiteral(" s");
}

QString verdict(bool met)
{
    return met ? QStringLiteral("MET") : QStringLiteral("NOT MET");
}

void print(QTextStream &out, const Settings &settings, const Scenario &scenario, const Measured &m)
{
    const auto line = [&out](const char *label) -> QTextStream & {
        return out << "  " << QString::fromLatin1(label).leftJustified(38);
    };
    out << scenario.title << '\n';
    line("Compute Optimizer list complete") << seconds(m.listMs) << "  (" << m.listPages << " pages)\n";
    line("Organizations data complete") << seconds(m.organizationsMs) << '\n';
    const bool bothDone = m.listMs >= 0 && m.organizationsMs >= 0;
    const qint64 differenceMs = bothDone ? m.organizationsMs - m.listMs : -1;
    line("difference");
    if (bothDone)
        out << seconds(differenceMs) << " = " << QString::number(double(differenceMs) / settings.latencyMs, 'f', 1)
            << " round trips of " << settings.latencyMs << " ms";
    else
        out << "-";
    if (scenario.target == Scenario::Target::WithinTwoRoundTrips)
        out << "   target: within 2 round trips of the list: "
            << verdict(bothDone && differenceMs <= 2 * settings.latencyMs && m.failures.isEmpty() && m.check.exact());
    out << '\n';
    line("Organizations requests") << m.requests << "  (";
    for (qsizetype i = 0; i < m.requestsByOperation.size(); ++i)
        out << (i > 0 ? ", " : "") << m.requestsByOperation.at(i).first << ' ' << m.requestsByOperation.at(i).second;
    out << ")\n";
    if (scenario.rateLimit > 0)
        line("floor set by the limit (arithmetic)")
            << QString::number(qMax(0.0, (m.requests - m.throttled - scenario.rateLimit) / scenario.rateLimit), 'f', 1)
            << " s for the " << (m.requests - m.throttled) << " answered requests, after a burst of "
            << scenario.rateLimit << '\n';
    // Each ListAccounts page needs the NextToken of the one before: they cannot overlap.
    const int listAccountsPages = m.requestsByOperation.value(0).second;
    if (listAccountsPages > 1)
        line("ListAccounts in sequence (arithmetic)")
            << listAccountsPages << " requests x " << settings.latencyMs << " ms = "
            << seconds(qint64(listAccountsPages) * settings.latencyMs) << " at least\n";
    const double share = m.requests > 0 ? 100.0 * m.throttled / m.requests : 0.0;
    line("throttled answers") << m.throttled << " (" << QString::number(share, 'f', 1) << "%)";
    if (scenario.target == Scenario::Target::FewThrottles)
        out << "   target: < 5% throttled, 0 failures: "
            << verdict(share < 5.0 && m.failures.isEmpty() && m.check.exact());
    out << '\n';
    line("failures") << m.failures.size() << '\n';
    for (const QString &failure : m.failures)
        out << "      " << failure << '\n';
    const LoadedOrganizationCheck &c = m.check;
    line("data against the simulator");
    if (c.exact())
        out << "exact: all " << c.expectedAccounts << " accounts, status, name, state"
            << (scenario.baseline ? " (no OU paths: not fetched)" : " and OU path") << '\n';
    else
        out << "WRONG: " << c.missing << " missing, " << c.extra << " extra, " << c.wrongStatus << " status, "
            << c.wrongName << " name, " << c.wrongState << " state, " << c.wrongPath << " OU path wrong; first: "
            << c.firstMismatch << '\n';
    out << '\n';
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The Compute Optimizer list and the Organizations structure "
                                                    "loaded together, against a rate-limited simulator."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("accounts"), QStringLiteral("Member accounts (default 10000)."), QStringLiteral("N")},
        {QStringLiteral("units"), QStringLiteral("OUs, up to four deep (default 60)."), QStringLiteral("N")},
        {QStringLiteral("latency-ms"), QStringLiteral("Round trip of every request (default 50)."), QStringLiteral("L")},
        {QStringLiteral("fast-rate"), QStringLiteral("Organizations limit of scenarios a, b (default 20)."),
         QStringLiteral("R")},
        {QStringLiteral("slow-rate"), QStringLiteral("Organizations limit of scenario c (default 5)."),
         QStringLiteral("R")},
        {QStringLiteral("only"), QStringLiteral("Run only these scenarios, e.g. ac."), QStringLiteral("LETTERS")},
    });
    parser.process(app);
    Settings settings;
    if (!readBenchOption(parser, QStringLiteral("accounts"), settings.accounts, 1, 200'000)
        || !readBenchOption(parser, QStringLiteral("units"), settings.units, 0, 2'000)
        || !readBenchOption(parser, QStringLiteral("latency-ms"), settings.latencyMs, 1, 10'000)
        || !readBenchOption(parser, QStringLiteral("fast-rate"), settings.fastRate, 1, 10'000)
        || !readBenchOption(parser, QStringLiteral("slow-rate"), settings.slowRate, 1, 10'000))
        return 2;
    const QString only = parser.value(QStringLiteral("only"));

    SimulatedOrganization organization = SimulatedOrganization::generate(settings.accounts, 11);
    organization.arrangeInUnits(settings.units, 11);

    const QList<QPair<QChar, Scenario>> scenarios{
        {u'a', {QStringLiteral("(a) Organizations allows %1 requests/s, ListAccounts sends Paths").arg(settings.fastRate),
                double(settings.fastRate), true, false, Scenario::Target::WithinTwoRoundTrips}},
        {u'b', {QStringLiteral("(b) Organizations allows %1 requests/s, no Paths (ListAccountsForParent per OU)")
                    .arg(settings.fastRate),
                double(settings.fastRate), false, false, Scenario::Target::WithinTwoRoundTrips}},
        {u'c', {QStringLiteral("(c) Organizations allows %1 requests/s, ListAccounts sends Paths").arg(settings.slowRate),
                double(settings.slowRate), true, false, Scenario::Target::FewThrottles}},
        {u'd', {QStringLiteral("(d) before the OU walk: ListAccounts one page after another, no limit"), 0.0, true, true,
                Scenario::Target::None}},
    };
    QTextStream out(stdout);
    out << "== " << settings.accounts << " member accounts in " << organization.units.size()
        << " OUs; every request answered after " << settings.latencyMs
        << " ms; Organizations pages hold 20 accounts, Compute Optimizer pages 1000 ==\n\n";
    out.flush();
    for (const auto &[letter, scenario] : scenarios) {
        if (only.isEmpty() || only.contains(letter))
            print(out, settings, scenario, measure(settings, organization, scenario));
    }
    return 0;
}
