#pragma once

#include "common/expected.h"
#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"

#include <QList>
#include <QString>

// Writes the accounts as the headless export does (EnrollmentCsvWriter), through a QSaveFile, so
// the file is either whole or untouched. Returns the number of accounts written.
// With names, the file has the Account Name and Email columns, as the headless export does.
Expected<int> exportAccountsAsCsv(const QString &path, const QList<AccountEnrollment> &accounts,
                                  const AccountNames *names = nullptr);
