#include "tableexport.h"

#include "export/enrollmentcsvwriter.h"
#include "export/jsonexportwriter.h"
#include "export/xlsxworkbookwriter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TableExport", text);
}

// Writes every row to file; the reason when it could not.
QString writeRows(QSaveFile &file, const ExportTarget &target, const QList<AccountEnrollment> &accounts,
                  const AccountNames *names, const ExportLoad &load, const OrganizationTree *tree)
{
    switch (target.format) {
    case ExportFormat::Xlsx: {
        XlsxWorkbookWriter writer(&file);
        return writer.write(accounts, names, load, tree) ? QString() : writer.errorString();
    }
    case ExportFormat::Json: {
        JsonExportWriter writer(&file, names, tree);
        return writer.write(accounts) ? QString() : writer.errorString();
    }
    case ExportFormat::Csv: {
        EnrollmentCsvWriter writer(&file, names, tree);
        if ((target.byteOrderMark && !writer.writeByteOrderMark()) || !writer.writeHeader()
            || !writer.writeAccounts(accounts))
            return writer.errorString();
        return {};
    }
    }
    return {};
}

} // namespace

Expected<int> exportAccounts(const ExportTarget &target, const QList<AccountEnrollment> &accounts,
                             const AccountNames *names, const ExportLoad &load, const OrganizationTree *tree)
{
    const QString &path = target.path;
    if (QFileInfo(path).isDir())
        return Unexpected{tr("%1 is a folder. Choose a file name, for example accounts.%2.")
                              .arg(path, exportFormatName(target.format))};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Unexpected{tr("Cannot write %1: %2. Choose a folder you can write to.").arg(path, file.errorString())};
    const QString reason = writeRows(file, target, accounts, names, load, tree);
    if (!reason.isEmpty()) {
        file.cancelWriting();
        return Unexpected{tr("Writing %1 failed: %2. The file was not changed; free some space or choose "
                             "another folder.")
                              .arg(path, reason)};
    }
    if (!file.commit())
        return Unexpected{tr("Saving %1 failed: %2. The file was not changed.").arg(path, file.errorString())};
    return int(accounts.size());
}
