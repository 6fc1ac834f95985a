#include "headlessexport.h"

#include "enrollment/accountcounttext.h"
#include "enrollment/notlisted.h"
#include "export/enrollmentcsvwriter.h"
#include "export/jsonexportwriter.h"
#include "export/xlsxworkbookwriter.h"
#include "network/loadsession.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QSet>

#include <cstdio>

#include <unistd.h>

HeadlessExport::HeadlessExport(CommandLineOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_stderr(stderr)
{
}

HeadlessExport::~HeadlessExport() = default;

QString HeadlessExport::destinationName() const
{
    return m_options.exportPath == u"-" ? QStringLiteral("stdout") : m_options.exportPath;
}

bool HeadlessExport::streamsRows() const
{
    return m_options.exportFormat == ExportFormat::Csv && !m_includeNames;
}

bool HeadlessExport::openOutput()
{
    if (m_options.exportPath == u"-") {
        if (m_options.exportFormat == ExportFormat::Xlsx && ::isatty(STDOUT_FILENO)) {
            finish(ExitBadInput, tr("XLSX is binary and stdout is a terminal: redirect it (--export - > "
                                    "accounts.xlsx) or give a file name."));
            return false;
        }
        // Held back until the last page: a reader of stdout must never see part of the list.
        m_stdoutBuffer = std::make_unique<QBuffer>();
        m_stdoutBuffer->open(QIODevice::WriteOnly);
        m_device = m_stdoutBuffer.get();
    } else {
        const QFileInfo info(m_options.exportPath);
        if (info.isDir()) {
            finish(ExitBadInput, tr("%1 is a folder. Give a file name, for example %1/accounts.%2.")
                                     .arg(m_options.exportPath, exportFormatName(m_options.exportFormat)));
            return false;
        }
        m_file = std::make_unique<QSaveFile>(m_options.exportPath);
        if (!m_file->open(QIODevice::WriteOnly)) {
            finish(ExitBadInput, tr("Cannot write %1: %2. Choose a folder you can write to.")
                                     .arg(m_options.exportPath, m_file->errorString()));
            return false;
        }
        m_device = m_file.get();
    }
    // With names, the CSV waits for the OU tree too; it is opened at the end (openCsvWithNames).
    if (!streamsRows())
        return true;
    m_csv = std::make_unique<EnrollmentCsvWriter>(m_device, nullptr);
    if ((m_options.csvByteOrderMark && !m_csv->writeByteOrderMark()) || !m_csv->writeHeader()) {
        finish(ExitFailure, tr("Cannot write %1: %2.").arg(destinationName(), m_csv->errorString()));
        return false;
    }
    return true;
}

bool HeadlessExport::openCsvWithNames()
{
    m_csv = std::make_unique<EnrollmentCsvWriter>(m_device, &m_names, &m_tree);
    if ((m_options.csvByteOrderMark && !m_csv->writeByteOrderMark()) || !m_csv->writeHeader()) {
        reportWriteFailure(m_csv->errorString());
        return false;
    }
    return true;
}

ExportLoad HeadlessExport::describeLoad(const EnrollmentQuery &query) const
{
    ExportLoad load;
    if (m_options.demo)
        load.profile = tr("none (the built-in demo organization)");
    else if (!m_options.profile.isEmpty())
        load.profile = m_options.profile;
    else
        load.profile = qEnvironmentVariable("AWS_PROFILE", QStringLiteral("default"));
    load.region = query.signingRegion;
    load.statusFilter = m_options.statuses;
    load.loadedAtUtc = QDateTime::currentDateTimeUtc();
    load.complete = true; // headless, nothing is written unless every page arrived
    load.applicationName = QStringLiteral("Enrollment Desk");
    load.applicationVersion = QCoreApplication::applicationVersion();
    return load;
}

bool HeadlessExport::start(const EnrollmentQuery &query)
{
    m_includeNames = query.includeAccountNames && query.organizations.isValid() && !m_options.noNames;
    if (!openOutput())
        return false;

    m_load = describeLoad(query);
    EnrollmentQuery effective = query;
    effective.includeAccountNames = m_includeNames;
    effective.statuses = m_options.statuses;
    effective.maxResults = m_options.maxResults;
    effective.client.network.timeoutMs = m_options.readTimeoutSeconds * 1000;

    m_session = new LoadSession(this);
    connect(m_session, &LoadSession::pageReceived, this, &HeadlessExport::onPage);
    connect(m_session, &LoadSession::progressChanged, this, &HeadlessExport::onProgress);
    connect(m_session, &LoadSession::accountNamesReceived, this,
            [this](const AccountNames &names) { m_names.insert(names); });
    connect(m_session, &LoadSession::organizationTreeReceived, this,
            [this](const OrganizationTree &tree) { m_tree = tree; });
    connect(m_session, &LoadSession::organizationTreeUnavailable, this,
            [this](const QString &reason) { m_treeWarning = reason; });
    connect(m_session, &LoadSession::ended, this, &HeadlessExport::onEnded);
    m_session->start(effective);
    return true;
}

void HeadlessExport::interrupt()
{
    if (m_session)
        m_session->cancel();
    finish(ExitInterrupted,
           tr("Interrupted after %1; no file was written.")
               .arg(accountCountText(m_accountsWritten + int(m_loaded.size()))));
}

void HeadlessExport::onPage(const QList<AccountEnrollment> &accounts)
{
    if (m_done)
        return;
    if (streamsRows())
        writeCsvRows(accounts);
    else
        m_loaded.append(accounts);
}

void HeadlessExport::reportWriteFailure(const QString &reason)
{
    if (m_session)
        m_session->cancel();
    finish(ExitFailure, tr("Writing %1 failed: %2. No file was written; free some space or choose another folder.")
                            .arg(destinationName(), reason));
}

bool HeadlessExport::writeCsvRows(const QList<AccountEnrollment> &accounts)
{
    if (!m_csv->writeAccounts(accounts)) {
        reportWriteFailure(m_csv->errorString());
        return false;
    }
    m_accountsWritten += int(accounts.size());
    return true;
}

bool HeadlessExport::writeLoadedList()
{
    const QList<AccountEnrollment> accounts = std::exchange(m_loaded, {});
    const AccountNames *names = m_includeNames ? &m_names : nullptr;
    const OrganizationTree *tree = m_includeNames ? &m_tree : nullptr;
    switch (m_options.exportFormat) {
    case ExportFormat::Csv:
        if (!m_csv && !openCsvWithNames())
            return false;
        return writeCsvRows(accounts);
    case ExportFormat::Xlsx: {
        XlsxWorkbookWriter writer(m_device);
        if (!writer.write(accounts, names, m_load, tree)) {
            reportWriteFailure(writer.errorString());
            return false;
        }
        break;
    }
    case ExportFormat::Json: {
        JsonExportWriter writer(m_device, names, tree);
        if (!writer.write(accounts)) {
            reportWriteFailure(writer.errorString());
            return false;
        }
        break;
    }
    }
    m_accountsWritten += int(accounts.size());
    return true;
}

bool HeadlessExport::completeRows(const LoadOutcome &outcome)
{
    // Only a list of every status, with the names complete, says which accounts it left out.
    if (m_includeNames && outcome.namesWarning.isEmpty() && m_options.statuses.isEmpty() && !streamsRows()) {
        QSet<QString> listed;
        listed.reserve(m_loaded.size());
        for (const AccountEnrollment &account : std::as_const(m_loaded))
            listed.insert(account.accountId);
        m_loaded += notListedAccounts(m_names, [&listed](const QString &id) { return listed.contains(id); });
    }
    if (m_options.ou.isEmpty())
        return true;
    if (!outcome.namesWarning.isEmpty() || m_tree.isEmpty()) {
        const QString why = !outcome.namesWarning.isEmpty() ? outcome.namesWarning : m_treeWarning;
        finish(ExitFailure, tr("--ou needs the organization's OUs, which could not be listed: %1 No file was written.")
                                .arg(why.isEmpty() ? tr("AWS Organizations sent none.") : why));
        return false;
    }
    const int unit = m_tree.find(m_options.ou);
    if (unit < 0) {
        QStringList topLevel;
        for (const int root : m_tree.roots()) {
            for (const int child : m_tree.node(root).children)
                topLevel.append(m_tree.pathText(child));
        }
        finish(ExitBadInput, tr("No OU '%1' in this organization, so no file was written. Give an OU ID (ou-...) or a "
                                "path as the OU Path column shows it, for example: %2.")
                                 .arg(m_options.ou.left(200), topLevel.mid(0, 5).join(QStringLiteral("; "))));
        return false;
    }
    QList<AccountEnrollment> inside;
    for (const AccountEnrollment &account : std::as_const(m_loaded)) {
        if (m_tree.contains(unit, m_tree.indexOf(m_names.value(account.accountId).parentId)))
            inside.append(account);
    }
    m_loaded = inside;
    return true;
}

void HeadlessExport::onProgress(const FetchProgress &progress)
{
    if (m_options.quiet || m_done)
        return;
    const QLocale locale;
    QString line = tr("Page %1: %2").arg(locale.toString(progress.pages), accountCountText(progress.accounts));
    if (progress.retries > 0)
        line += progress.retries == 1 ? tr(", 1 retry") : tr(", %1 retries").arg(progress.retries);
    if (progress.retryDelayMs > 0)
        line += tr(" (%1; retrying in %2 s)")
                    .arg(progress.throttled ? tr("throttled") : progress.retryReason)
                    .arg(locale.toString(progress.retryDelayMs / 1000.0, 'f', 1));
    m_stderr << line << Qt::endl;
}

void HeadlessExport::onEnded(const LoadOutcome &outcome)
{
    if (m_done)
        return;
    if (outcome.state == LoadOutcome::State::Cancelled)
        return; // interrupt() or a failed write has already said why
    if (!outcome.isComplete()) {
        finish(ExitFailure, tr("%1 The list is incomplete (%2 loaded), so no file was written.")
                                .arg(outcome.failure.message, accountCountText(outcome.accounts)));
        return;
    }
    if (!outcome.namesWarning.isEmpty())
        m_stderr << tr("enrollment-desk: warning: account names are left empty: %1").arg(outcome.namesWarning)
                 << Qt::endl;
    else if (!m_treeWarning.isEmpty() && m_options.ou.isEmpty())
        m_stderr << tr("enrollment-desk: warning: the OU Path column is left empty: %1").arg(m_treeWarning)
                 << Qt::endl;
    if (!completeRows(outcome))
        return;
    if (!writeLoadedList())
        return;
    commit();
}

void HeadlessExport::commit()
{
    if (m_file) {
        if (!m_file->commit()) {
            finish(ExitFailure, tr("Saving %1 failed: %2. No file was written.")
                                    .arg(m_options.exportPath, m_file->errorString()));
            return;
        }
    } else if (m_stdoutBuffer) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(m_stdoutBuffer->data()) != m_stdoutBuffer->size()
            || !out.flush()) {
            finish(ExitFailure, tr("Writing to stdout failed: %1.").arg(out.errorString()));
            return;
        }
    }
    const QString summary = tr("Wrote %1 to %2.").arg(accountCountText(m_accountsWritten), destinationName());
    finish(ExitSuccess, m_options.quiet ? QString() : summary);
}

void HeadlessExport::finish(int exitCode, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    if (m_file && exitCode != ExitSuccess)
        m_file->cancelWriting();
    m_file.reset();
    if (!message.isEmpty()) {
        if (exitCode == ExitSuccess)
            m_stderr << message << Qt::endl;
        else
            m_stderr << "enrollment-desk: error: " << message << Qt::endl;
    }
    Q_EMIT done(exitCode);
}
