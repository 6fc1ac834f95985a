#pragma once

#include "common/expected.h"
#include "enrollment/accountenrollment.h"

#include <QList>
#include <QString>

// Writes the accounts as the headless export does (EnrollmentCsvWriter), through a QSaveFile, so
// the file is either whole or untouched. Returns the number of accounts written.
Expected<int> exportAccountsAsCsv(const QString &path, const QList<AccountEnrollment> &accounts);
