#include "export/xlsxworkbookwriter.h"

#include "export/spreadsheettext.h"
#include "export/xlsxsheets.h"

#include <QFile>
#include <QTemporaryDir>

#include <future>

namespace {

QByteArray propertyBytes(const QString &text)
{
    return withReplacedControlCharacters(text).toUtf8();
}

lxw_error setProperties(lxw_workbook *workbook, const ExportLoad &load)
{
    const QByteArray title = propertyBytes(QStringLiteral("AWS Compute Optimizer enrollment"));
    const QByteArray subject = propertyBytes(QStringLiteral("Profile %1, Region %2").arg(load.profile, load.region));
    const QByteArray comments = propertyBytes(QStringLiteral("Exported by %1 %2")
                                                  .arg(load.applicationName, load.applicationVersion)
                                                  .trimmed());
    lxw_doc_properties properties{};
    properties.title = const_cast<char *>(title.constData());
    properties.subject = const_cast<char *>(subject.constData());
    properties.comments = const_cast<char *>(comments.constData());
    const QDateTime created = load.loadedAtUtc.isValid() ? load.loadedAtUtc : QDateTime::currentDateTimeUtc();
    properties.created = time_t(created.toSecsSinceEpoch());
    if (const lxw_error error = workbook_set_properties(workbook, &properties))
        return error;
    // libxlsxwriter names itself "Microsoft Excel" in docProps/app.xml, so ours go here.
    const QByteArray name = propertyBytes(load.applicationName);
    const QByteArray version = propertyBytes(load.applicationVersion);
    if (const lxw_error error = workbook_set_custom_property_string(workbook, "Application", name.constData()))
        return error;
    return workbook_set_custom_property_string(workbook, "Application Version", version.constData());
}

} // namespace

XlsxWorkbookWriter::XlsxWorkbookWriter(QIODevice *device)
    : m_device(device)
{
}

bool XlsxWorkbookWriter::write(const QList<AccountEnrollment> &accounts, const AccountNames *names,
                               const ExportLoad &load, const OrganizationTree *tree)
{
    // libxlsxwriter writes to a named file only; the device gets it once it is whole.
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        m_error = QStringLiteral("no temporary folder for the workbook: %1").arg(scratch.errorString());
        return false;
    }
    const QString path = scratch.filePath(QStringLiteral("accounts.xlsx"));
    const QByteArray pathBytes = QFile::encodeName(path);
    QByteArray scratchBytes = QFile::encodeName(scratch.path());

    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = scratchBytes.data();
    lxw_workbook *workbook = workbook_new_opt(pathBytes.constData(), &options);
    if (!workbook) {
        m_error = QStringLiteral("the workbook could not be started");
        return false;
    }
    // Counted beside the Accounts sheet, which takes far longer.
    std::future<QList<StatusCount>> counts = std::async(std::launch::async, [&accounts] { return countByStatus(accounts); });
    std::future<QList<UnitStatusCounts>> unitCounts = std::async(
        std::launch::async, [&accounts, names, tree] { return countByTopLevelUnit(accounts, names, tree); });
    const XlsxFormats formats = addXlsxFormats(workbook);
    lxw_error error = setProperties(workbook, load);
    if (error == LXW_NO_ERROR)
        error = writeAccountsSheet(workbook, formats, accounts, names, tree);
    if (error == LXW_NO_ERROR)
        error = writeSummarySheet(workbook, formats, counts.get(), accounts.size(), load, unitCounts.get());
    const lxw_error closed = workbook_close(workbook); // frees it, whatever went before
    if (error == LXW_NO_ERROR)
        error = closed;
    if (error != LXW_NO_ERROR) {
        m_error = QString::fromUtf8(lxw_strerror(error));
        return false;
    }
    return copyToDevice(path);
}

bool XlsxWorkbookWriter::copyToDevice(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = file.errorString();
        return false;
    }
    constexpr qint64 ChunkBytes = 256 * 1024;
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(ChunkBytes);
        if (chunk.isEmpty() && file.error() != QFile::NoError) {
            m_error = file.errorString();
            return false;
        }
        if (m_device->write(chunk) != chunk.size()) {
            m_error = m_device->errorString();
            return false;
        }
    }
    return true;
}
