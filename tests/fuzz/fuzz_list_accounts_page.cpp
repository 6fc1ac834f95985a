// One Organizations ListAccounts response body: the names and emails shown beside each account.
#include "fuzzcheck.h"

#include "network/listaccountsparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Expected<AccountNamesPage> page = parseListAccountsPage(fuzzBytes(data, size));
    if (!page) {
        fuzzCheck(!page.error().isEmpty(), "a rejected page says why");
        return 0;
    }
    fuzzCheck(page->nextToken.isValidUtf16(), "a nextToken can be sent back as JSON");
    for (auto account = page->names.cbegin(); account != page->names.cend(); ++account) {
        fuzzCheck(!account.key().isEmpty(), "every account has an ID");
        // The names go into the CSV, which is UTF-8: text it cannot hold would change on the way.
        fuzzCheck(account.key().isValidUtf16() && account->name.isValidUtf16() && account->email.isValidUtf16(),
                  "names are text the export can write", account->name);
    }
    return 0;
}
