#pragma once

#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"
#include "enrollment/organizationtree.h"
#include "export/exportload.h"

#include <QIODevice>

// Writes the accounts as an XLSX workbook to any device: sheet "Accounts" with the CSV's columns
// (IDs as text, Last Updated as a date-time in UTC, header frozen, filter over the table) and
// sheet "Summary" (where the list came from and the accounts per status). The caller chooses
// the device, so a QSaveFile makes the file appear whole or not at all.
class XlsxWorkbookWriter
{
public:
    explicit XlsxWorkbookWriter(QIODevice *device);

    // With names, the CSV's Organizations columns follow "Account ID", as in the CSV; with a tree
    // too, the Summary counts each status per top-level OU.
    bool write(const QList<AccountEnrollment> &accounts, const AccountNames *names, const ExportLoad &load,
               const OrganizationTree *tree = nullptr);

    QString errorString() const { return m_error; }

private:
    bool copyToDevice(const QString &path);

    QIODevice *m_device;
    QString m_error;
};
