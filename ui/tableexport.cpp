#include "tableexport.h"

#include "export/enrollmentcsvwriter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TableExport", text);
}

} // namespace

Expected<int> exportAccountsAsCsv(const QString &path, const QList<AccountEnrollment> &accounts,
                                  const AccountNames *names)
{
    if (QFileInfo(path).isDir())
        return Unexpected{tr("%1 is a folder. Choose a file name, for example accounts.csv.").arg(path)};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Unexpected{tr("Cannot write %1: %2. Choose a folder you can write to.").arg(path, file.errorString())};
    EnrollmentCsvWriter writer(&file, names);
    if (!writer.writeHeader() || !writer.writeAccounts(accounts)) {
        const QString reason = writer.errorString();
        file.cancelWriting();
        return Unexpected{tr("Writing %1 failed: %2. The file was not changed; free some space or choose "
                             "another folder.")
                              .arg(path, reason)};
    }
    if (!file.commit())
        return Unexpected{tr("Saving %1 failed: %2. The file was not changed.").arg(path, file.errorString())};
    return int(accounts.size());
}
