// Prints how long 100,000 accounts take to write as XLSX (and, beside it, CSV and JSON) and how
// much memory the writing needs on top of the loaded list. A tool to run by hand: it asserts nothing.
//   bench_xlsx_export [accounts]      (default 100000)
#include "export/enrollmentcsvwriter.h"
#include "export/jsonexportwriter.h"
#include "export/xlsxworkbookwriter.h"
#include "simulator/simulatedorganization.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <functional>

#include <malloc.h>

namespace {

// kB from /proc/self/status: VmRSS now, VmHWM the peak since the last reset.
qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Makes VmHWM start again from the current RSS (Linux 4.0 and later).
bool resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

QList<AccountEnrollment> loadedList(const SimulatedOrganization &organization, AccountNames &names)
{
    QList<AccountEnrollment> accounts;
    accounts.reserve(organization.accounts.size());
    for (const SimulatedAccount &simulated : organization.accounts) {
        AccountEnrollment account;
        account.accountId = simulated.accountId;
        account.statusText = simulated.status;
        account.status = enrollmentStatusFromText(simulated.status);
        account.statusReason = simulated.statusReason;
        const double seconds = simulated.lastUpdatedJson.toDouble();
        account.lastUpdatedMsecs = qint64(seconds * 1000);
        account.lastUpdatedHasFraction = simulated.lastUpdatedJson.contains('.');
        accounts.append(account);
        names.insert(simulated.accountId, {simulated.name, simulated.email});
    }
    return accounts;
}

void measure(QTextStream &out, const QString &label, const QString &path, const std::function<bool(QIODevice *)> &write)
{
    malloc_trim(0);
    resetPeak();
    const qint64 before = statusKb("VmRSS:");
    QElapsedTimer timer;
    timer.start();
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly) && write(&file) && file.commit();
    const qint64 elapsed = timer.elapsed();
    const qint64 peak = statusKb("VmHWM:");
    out << label << ": " << (ok ? "" : "FAILED, ") << QString::number(elapsed / 1000.0, 'f', 3) << " s, peak RSS "
        << QString::number((peak - before) / 1024.0, 'f', 1) << " MB over the loaded list, file "
        << QString::number(QFileInfo(path).size() / 1048576.0, 'f', 1) << " MB" << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 100'000;
    QTextStream out(stdout);
    QTemporaryDir dir;

    AccountNames names;
    const QList<AccountEnrollment> accounts = [&] {
        const SimulatedOrganization organization = SimulatedOrganization::generate(count, 7);
        return loadedList(organization, names);
    }();
    // The generator's memory goes back to the system, so the baseline is the loaded list alone and
    // the writers cannot hide in heap it left behind.
    malloc_trim(0);
    out << "== " << count << " accounts with names; RSS with the list loaded: "
        << QString::number(statusKb("VmRSS:") / 1024.0, 'f', 1) << " MB ==" << Qt::endl;

    ExportLoad load;
    load.profile = QStringLiteral("benchmark");
    load.region = QStringLiteral("us-east-1");
    load.loadedAtUtc = QDateTime::currentDateTimeUtc();
    load.applicationVersion = QStringLiteral(ENROLLMENT_DESK_VERSION);

    measure(out, QStringLiteral("XLSX"), dir.filePath(QStringLiteral("accounts.xlsx")), [&](QIODevice *device) {
        XlsxWorkbookWriter writer(device);
        return writer.write(accounts, &names, load);
    });
    measure(out, QStringLiteral("CSV "), dir.filePath(QStringLiteral("accounts.csv")), [&](QIODevice *device) {
        EnrollmentCsvWriter writer(device, &names);
        return writer.writeHeader() && writer.writeAccounts(accounts);
    });
    measure(out, QStringLiteral("JSON"), dir.filePath(QStringLiteral("accounts.json")), [&](QIODevice *device) {
        JsonExportWriter writer(device, &names);
        return writer.write(accounts);
    });
    out << "targets for XLSX at 100,000: <= 1 s, <= 30 MB over the loaded list" << Qt::endl;
    return 0;
}
