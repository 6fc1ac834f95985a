#pragma once

#include "common/expected.h"
#include "enrollment/accountname.h"

#include <QByteArray>

struct AccountNamesPage
{
    AccountNames names;
    QString nextToken;
};

// One Organizations ListAccounts response (AWS JSON 1.1). Accounts without an Id are an error;
// a missing Name or Email is kept as empty.
Expected<AccountNamesPage> parseListAccountsPage(const QByteArray &body);
