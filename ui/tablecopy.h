#pragma once

#include "enrollment/accountenrollment.h"

#include <QList>
#include <QString>

// The accounts as tab-separated lines under a header row, for pasting into a spreadsheet. Tabs and
// line breaks inside a value become spaces so every account stays on one row, and text a
// spreadsheet would run as a formula is made inert, as in the CSV export.
QString accountsAsTabSeparatedText(const QList<AccountEnrollment> &accounts);
