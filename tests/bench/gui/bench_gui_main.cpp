// bench_gui: how the window's model, proxy and view cope with a large organization.
// Run it by hand from a Release build; it uses the offscreen platform unless QT_QPA_PLATFORM says otherwise.
//
// 100,000 accounts stream in from a loopback simulator (its own process when the build has one)
// through the window's own path (LoadSession -> PageQueue -> AccountTableModel ->
// AccountFilterProxyModel -> a shown QTableView), then the organization's OU tree and names are
// given to the model, and the loaded table is filtered (statuses, an OU subtree, suspended and
// closed hidden, search), sorted and exported.

#include "accountfilterproxymodel.h"
#include "enrollment/accountstate.h"
#include "enrollment/accounttablemodel.h"
#include "network/loadsession.h"
#include "pagequeue.h"
#include "profiles/staticcredentialprovider.h"
#include "simulator/enrollmentsimulator.h"
#include "simulator/simulatorhost.h"
#include "statusdelegate.h"
#include "tableexport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace {

constexpr int AccountCount = 100'000;
constexpr int PageSize = 100;
constexpr quint32 Seed = 2024;
constexpr int UnitCount = 120;
// What a refilter may take: one frame at 60 Hz.
constexpr double FrameMs = 16;

const QString AccessKeyId = QStringLiteral("AKIDBENCHGUI00000000");
const QString SecretAccessKey = QStringLiteral("bench-secret-known-only-to-the-simulator");

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString ms(double value)
{
    return QString::number(value, 'f', 1);
}

void report(const QString &what, double value, const QString &unit, double target)
{
    out() << qSetFieldWidth(44) << Qt::left << what << qSetFieldWidth(0) << qSetFieldWidth(8) << Qt::right
          << QString::number(value, 'f', 1) << qSetFieldWidth(0) << Qt::left << ' ' << unit << "   target <= "
          << target << ' ' << unit << "   " << (value <= target ? "PASS" : "MISS") << Qt::endl;
}

// A line of /proc/self/status in MB: VmHWM is the peak resident set, VmRSS the current one.
double memoryMb(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = field + ':';
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

void reportMemory(const char *when)
{
    out() << "  memory " << when << ": " << ms(memoryMb("VmRSS")) << " MB now, " << ms(memoryMb("VmHWM"))
          << " MB peak" << Qt::endl;
}

double timeMs(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    QCoreApplication::processEvents(); // the view catches up: part of what the user waits for
    return double(timer.nsecsElapsed()) / 1e6;
}

// The loopback server: a child process when there is one to run, else a thread of this process.
class Server
{
public:
    QUrl start()
    {
#ifdef ENROLLMENT_SIMULATOR_PATH
        m_process.setProgram(QStringLiteral(ENROLLMENT_SIMULATOR_PATH));
        m_process.setArguments({QStringLiteral("--accounts"), QString::number(AccountCount), QStringLiteral("--seed"),
                                QString::number(Seed), QStringLiteral("--access-key-id"), AccessKeyId,
                                QStringLiteral("--secret-access-key"), SecretAccessKey});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (m_process.waitForStarted() && m_process.waitForReadyRead(60'000)) {
            const QUrl url(QString::fromUtf8(m_process.readLine().trimmed()));
            if (url.isValid() && !url.isEmpty()) {
                out() << "simulator: separate process, " << url.toString() << Qt::endl;
                return url;
            }
        }
        out() << "simulator process did not start (" << m_process.errorString() << "); using a thread" << Qt::endl;
        m_process.kill();
#endif
        m_host = std::make_unique<SimulatorHost>(SimulatedOrganization::generate(AccountCount, Seed),
                                                 [](EnrollmentSimulator &simulator) {
                                                     simulator.addCredentials(AccessKeyId, SecretAccessKey);
                                                 });
        out() << "simulator: thread in this process (its data counts in the memory figure)" << Qt::endl;
        return m_host->start();
    }

    ~Server()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

private:
    QProcess m_process;
    std::unique_ptr<SimulatorHost> m_host;
};

// The table as the window sets it up: fixed row height, status delegate, sorted by account ID.
std::unique_ptr<QTableView> makeTable(AccountFilterProxyModel *proxy)
{
    auto table = std::make_unique<QTableView>();
    table->setModel(proxy);
    table->setItemDelegateForColumn(AccountTableModel::StatusColumn, new StatusDelegate(table.get()));
    table->setWordWrap(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(AccountTableModel::StatusReasonColumn, QHeaderView::Stretch);
    table->horizontalHeader()->setSortIndicator(AccountTableModel::AccountIdColumn, Qt::AscendingOrder);
    table->setSortingEnabled(true);
    table->resize(1200, 800);
    table->show();
    return table;
}

EnrollmentQuery queryFor(const QUrl &endpoint)
{
    EnrollmentQuery query;
    query.endpoint = endpoint;
    query.signingRegion = QStringLiteral("us-east-1");
    AwsCredentials credentials;
    credentials.accessKeyId = AccessKeyId;
    credentials.secretAccessKey = SecretAccessKey;
    query.credentials = std::make_shared<StaticCredentialProvider>(credentials, QStringLiteral("bench"));
    query.maxResults = PageSize;
    return query;
}

// Streams every account in; returns the largest time the event loop could not run, in ms.
double streamAccounts(const QUrl &endpoint, AccountTableModel &model)
{
    LoadSession loader;
    PageQueue pages(&model);
    QObject::connect(&loader, &LoadSession::pageReceived, &pages, &PageQueue::enqueue);

    QElapsedTimer sinceTick;
    qint64 worstGapNs = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        worstGapNs = std::max(worstGapNs, sinceTick.nsecsElapsed());
        sinceTick.restart();
    });

    QEventLoop loop;
    bool fetched = false;
    QString failure;
    QObject::connect(&loader, &LoadSession::ended, &loop, [&](const LoadOutcome &outcome) {
        if (!outcome.isComplete()) {
            failure = outcome.failure.message;
            loop.quit();
            return;
        }
        fetched = true;
        if (pages.isEmpty())
            loop.quit();
    });
    QObject::connect(&pages, &PageQueue::drained, &loop, [&] {
        if (fetched)
            loop.quit();
    });

    QElapsedTimer total;
    total.start();
    sinceTick.start();
    tick.start();
    loader.start(queryFor(endpoint));
    loop.exec();
    tick.stop();

    if (!failure.isEmpty())
        out() << "streaming failed: " << failure << Qt::endl;
    out() << "streamed " << model.rowCount() << " accounts in " << model.rowCount() / PageSize << " pages in "
          << QString::number(double(total.elapsed()) / 1000.0, 'f', 1) << " s, table sorted by account ID"
          << Qt::endl;
    // The gap between 5 ms ticks, less the 5 ms itself: how long input and painting had to wait.
    return double(worstGapNs) / 1e6 - 5.0;
}

QString frameTarget()
{
    return QStringLiteral("(target \u2264 %1 ms)").arg(FrameMs);
}

// The same organization the simulator serves (same size and seed), arranged in OUs: its tree and
// every account's name, state and parent, as Organizations would have sent them.
void giveOrganization(AccountTableModel &model, const SimulatedOrganization &organization)
{
    OrganizationTree tree;
    tree.addRoot(organization.rootId, QStringLiteral("Root"));
    for (const SimulatedUnit &unit : organization.units)
        tree.addUnit(unit.id, unit.name, unit.parentId);
    tree.finish();
    AccountNames names;
    names.reserve(organization.accounts.size());
    for (const SimulatedAccount &account : organization.accounts) {
        AccountName name{account.name, account.email, accountStateFromText(account.state), account.joinedMethod,
                         account.joinedSeconds * 1000,
                         account.parentId.isEmpty() ? organization.rootId : account.parentId};
        names.insert(account.accountId, name);
    }
    const double namesMs = timeMs([&] {
        model.expectAccountNames();
        model.addAccountNames(names);
    });
    const double treeMs = timeMs([&] { model.setOrganizationTree(tree); });
    out() << "  names of " << names.size() << " accounts arrive: " << ms(namesMs) << " ms; the tree of "
          << tree.size() << " roots and OUs: " << ms(treeMs) << " ms" << Qt::endl;
}

// The top-level OU holding the most accounts, and the deepest OU under it that holds any.
std::pair<int, int> unitsToPick(const AccountTableModel &model)
{
    const OrganizationTree &tree = model.organizationTree();
    QList<int> direct(tree.size());
    for (const AccountEnrollment &account : model.accounts()) {
        if (const int node = model.ouNodeOf(account); node >= 0)
            ++direct[node];
    }
    QList<int> inSubtree(tree.size());
    for (int node = 0; node < tree.size(); ++node) {
        for (int above = node; above >= 0; above = tree.node(above).parent)
            inSubtree[above] += direct[node];
    }
    int top = -1;
    for (int node = 0; node < tree.size(); ++node) {
        if (tree.topLevelOf(node) == node && tree.node(node).parent >= 0 && (top < 0 || inSubtree[node] > inSubtree[top]))
            top = node;
    }
    int deep = top;
    for (int node = 0; node < tree.size(); ++node) {
        if (direct[node] > 0 && tree.contains(top, node) && tree.pathText(node).size() > tree.pathText(deep).size())
            deep = node;
    }
    return {top, deep};
}

void benchRefilters(AccountTableModel &model, AccountFilterProxyModel &proxy, QTableView &table)
{
    const double sortMs = timeMs([&] { table.sortByColumn(AccountTableModel::LastUpdatedColumn, Qt::AscendingOrder); });
    out() << "  header sort of " << model.rowCount() << " rows by Last Updated: " << ms(sortMs) << " ms" << Qt::endl;
    table.selectRow(proxy.rowCount() / 2);
    out() << "  sorted by Last Updated, row " << proxy.rowCount() / 2 << " current and selected:" << Qt::endl;

    double worst = 0;
    for (EnrollmentStatus status : DocumentedEnrollmentStatuses) {
        StatusFilter filter = StatusFilter::all();
        filter.setAccepted(status, false);
        const double off = timeMs([&] { proxy.setStatusFilter(filter); });
        const double on = timeMs([&] { proxy.setStatusFilter(StatusFilter::all()); });
        out() << "  toggle " << enrollmentStatusName(status) << " (" << model.counts().count(status)
              << " rows): off " << ms(off) << " ms, on " << ms(on) << " ms " << frameTarget() << Qt::endl;
        worst = std::max({worst, off, on});
    }

    const auto [top, deep] = unitsToPick(model);
    const OrganizationTree &tree = model.organizationTree();
    for (const int unit : {top, deep}) {
        const double pick = timeMs([&] { proxy.setUnit(unit); });
        const int shown = proxy.rowCount();
        const double whole = timeMs([&] { proxy.setUnit(-1); });
        out() << "  OU \"" << tree.pathText(unit) << "\" (" << shown << " rows): select " << ms(pick)
              << " ms, back to the whole organization " << ms(whole) << " ms " << frameTarget() << Qt::endl;
        worst = std::max({worst, pick, whole});
    }

    const double hide = timeMs([&] { proxy.setHideSuspendedOrClosed(true); });
    const int shownActive = proxy.rowCount();
    const double show = timeMs([&] { proxy.setHideSuspendedOrClosed(false); });
    out() << "  hide suspended and closed (" << model.rowCount() - shownActive << " rows): hide " << ms(hide)
          << " ms, show " << ms(show) << " ms " << frameTarget() << Qt::endl;
    worst = std::max({worst, hide, show});
    report(QStringLiteral("refilter: status, OU or hide (worst)"), worst, QStringLiteral("ms"), FrameMs);
}

// Names changing in pages of 1,000 accounts that lie 100 rows apart: a thousand dataChanged signals a
// page, with the table sorted by name and filtered to an OU, so every renamed row moves.
void benchScatteredRenames(AccountTableModel &model, AccountFilterProxyModel &proxy, QTableView &table)
{
    constexpr int Pages = 20;
    constexpr int Stride = 100;
    table.sortByColumn(AccountTableModel::AccountNameColumn, Qt::AscendingOrder);
    proxy.setUnit(unitsToPick(model).first);
    double worst = 0;
    double total = 0;
    for (int page = 0; page < Pages; ++page) {
        AccountNames renamed;
        for (int row = page; row < model.rowCount(); row += Stride) {
            const QString &id = model.account(row).accountId;
            AccountName name = model.accountNames().value(id);
            name.name.prepend(QStringLiteral("renamed "));
            renamed.insert(id, name);
        }
        const double pageMs = timeMs([&] { model.addAccountNames(renamed); });
        worst = std::max(worst, pageMs);
        total += pageMs;
    }
    out() << "  " << Pages << " pages of " << model.rowCount() / Stride << " renames " << Stride
          << " rows apart, sorted by name, one OU shown: " << ms(total / Pages) << " ms a page, worst " << ms(worst)
          << " ms" << Qt::endl;
    proxy.setUnit(-1);
}

// What the window counts after each page or names change: the checkboxes (beside the statuses)
// and the OU tree (every OU, and the whole organization), from the proxy's per-row facts; the
// same counted from the model, which looks up every row's name, for comparison.
void benchRecount(AccountTableModel &model, AccountFilterProxyModel &proxy, const QString &search)
{
    proxy.setSearchText(search);
    AccountFilter everywhere = proxy.accountFilter();
    everywhere.unit = -1;
    const double kept = timeMs([&] {
        proxy.countsBesideStatus(proxy.accountFilter());
        proxy.countsPerUnit(everywhere);
        proxy.countsBesideStatus(everywhere);
    });
    const double fromModel = timeMs([&] {
        proxy.accountFilter().countsBesideStatus(model);
        everywhere.countsPerUnit(model);
        everywhere.countsBesideStatus(model);
    });
    report(QStringLiteral("recount of checkboxes and OU tree, search \"%1\"").arg(search), kept, QStringLiteral("ms"),
           FrameMs);
    out() << "    the same from the model: " << ms(fromModel) << " ms" << Qt::endl;
    proxy.setSearchText(QString());
}

void benchLoadedTable(AccountTableModel &model, AccountFilterProxyModel &proxy, QTableView &table)
{
    benchRefilters(model, proxy, table);
    benchRecount(model, proxy, QString());
    benchRecount(model, proxy, QStringLiteral("role"));

    const double searchMs = timeMs([&] { proxy.setSearchText(QStringLiteral("role")); });
    const double clearMs = timeMs([&] { proxy.setSearchText(QString()); });
    out() << "  search \"role\": " << ms(searchMs) << " ms, clear it: " << ms(clearMs) << " ms" << Qt::endl;

    const double byIdMs = timeMs([&] { table.sortByColumn(AccountTableModel::AccountIdColumn, Qt::AscendingOrder); });
    report(QStringLiteral("header sort by account ID"), byIdMs, QStringLiteral("ms"), 200);
    const double sortMs = timeMs([&] { table.sortByColumn(AccountTableModel::LastUpdatedColumn, Qt::AscendingOrder); });
    report(QStringLiteral("header sort by Last Updated"), sortMs, QStringLiteral("ms"), 200);
    const double reverseMs = timeMs([&] { table.sortByColumn(AccountTableModel::LastUpdatedColumn, Qt::DescendingOrder); });
    const double byNameMs = timeMs([&] { table.sortByColumn(AccountTableModel::AccountNameColumn, Qt::AscendingOrder); });
    const double byOuMs = timeMs([&] { table.sortByColumn(AccountTableModel::OuPathColumn, Qt::AscendingOrder); });
    const double backMs = timeMs([&] { table.sortByColumn(AccountTableModel::AccountIdColumn, Qt::AscendingOrder); });
    out() << "  reverse that sort: " << ms(reverseMs) << " ms; by name: " << ms(byNameMs) << " ms; by OU path: "
          << ms(byOuMs) << " ms; back to account ID: " << ms(backMs) << " ms" << Qt::endl;
    benchScatteredRenames(model, proxy, table);
    table.sortByColumn(AccountTableModel::AccountIdColumn, Qt::AscendingOrder);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("all.csv"));
    int written = 0;
    const double exportMs = timeMs([&] { 
        const auto result = exportAccountsAsCsv(path, model.accounts());
        written = result ? result.value() : 0;
    });
    report(QStringLiteral("CSV export of all %1 rows").arg(written), exportMs, QStringLiteral("ms"), 250);
    const double visibleMs = timeMs([&] {
        exportAccountsAsCsv(dir.filePath(QStringLiteral("visible.csv")), proxy.visibleAccounts());
    });
    out() << "  CSV export of the visible rows, in view order: " << ms(visibleMs) << " ms; file "
          << QFileInfo(path).size() / 1024 << " KiB" << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    out() << "bench_gui: " << AccountCount << " accounts, pages of " << PageSize << ", Qt " << qVersion() << Qt::endl;

    Server server;
    const QUrl endpoint = server.start();
    if (endpoint.isEmpty()) {
        out() << "the simulator did not start" << Qt::endl;
        return 1;
    }
    reportMemory("before loading");

    AccountTableModel model;
    AccountFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    auto table = makeTable(&proxy);
    const double stall = streamAccounts(endpoint, model);
    report(QStringLiteral("event-loop max stall while streaming"), stall, QStringLiteral("ms"), 50);
    reportMemory("with every account loaded");

    // The window's own figure: what the list alone needs, before the bench builds names beside it.
    report(QStringLiteral("peak RSS with the list loaded (VmHWM)"), memoryMb("VmHWM"), QStringLiteral("MB"), 150);

    SimulatedOrganization organization = SimulatedOrganization::generate(AccountCount, Seed);
    organization.arrangeInUnits(UnitCount, Seed);
    giveOrganization(model, organization);
    organization = {};

    benchLoadedTable(model, proxy, *table);
    // Now with every account's name and OU, and the bench's generated organization they came from.
    reportMemory("at the end");
    return 0;
}
