#pragma once

#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"
#include "enrollment/organizationtree.h"

#include <QList>
#include <QString>

// The accounts as tab-separated lines under a header row, for pasting into a spreadsheet. Tabs and
// line breaks inside a value become spaces so every account stays on one row, and text a
// spreadsheet would run as a formula is made inert, as in the CSV export.
// With names, the Account Name and Email columns follow the account ID, as in the CSV.
QString accountsAsTabSeparatedText(const QList<AccountEnrollment> &accounts, const AccountNames *names = nullptr,
                                   const OrganizationTree *tree = nullptr);
