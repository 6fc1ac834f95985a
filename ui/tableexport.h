#pragma once

#include "common/expected.h"
#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"
#include "enrollment/organizationtree.h"
#include "export/exportformat.h"
#include "export/exportload.h"

#include <QList>
#include <QString>

// A file to export to and how to write it.
struct ExportTarget
{
    QString path;
    ExportFormat format = ExportFormat::Xlsx;
    bool byteOrderMark = false; // CSV only: Excel then reads UTF-8
};

// Writes the accounts as the headless export does (the same writers: CSV, XLSX or JSON), through a
// QSaveFile, so the file is either whole or untouched. Returns the number of accounts written.
// With names, the file has the Account Name, Email, OU Path (from tree), Account State and Joined
// columns. load goes to the workbook's Summary.
Expected<int> exportAccounts(const ExportTarget &target, const QList<AccountEnrollment> &accounts,
                             const AccountNames *names = nullptr, const ExportLoad &load = {},
                             const OrganizationTree *tree = nullptr);

inline Expected<int> exportAccountsAsCsv(const QString &path, const QList<AccountEnrollment> &accounts,
                                         const AccountNames *names = nullptr)
{
    return exportAccounts(ExportTarget{path, ExportFormat::Csv, false}, accounts, names);
}
