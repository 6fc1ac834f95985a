// One GetEnrollmentStatusesForOrganization response body, as the server sends it.
#include "fuzzcheck.h"

#include "enrollment/enrollmentpageparser.h"
#include "export/enrollmentcsvwriter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzzBytes(data, size);
    const Expected<EnrollmentPage> page = parseEnrollmentPage(body);
    if (!page) {
        fuzzCheck(!page.error().isEmpty(), "a rejected page says why");
        return 0;
    }
    for (const AccountEnrollment &account : page->accounts) {
        fuzzCheck(!account.accountId.isEmpty(), "every account has an ID");
        fuzzCheck(account.accountId.isValidUtf16(), "an account ID is text the export can write",
                  account.accountId);
        fuzzCheck(account.statusText.isValidUtf16(), "a status is text the export can write");
        fuzzCheck(account.statusReason.value_or(QString()).isValidUtf16(),
                  "a reason is text the export can write");
        // The export shows every timestamp the parser accepted: none may turn into an empty cell.
        if (account.lastUpdatedMsecs)
            fuzzCheck(!exportTimestamp(account).isEmpty(), "an accepted timestamp can be exported",
                      QString::number(*account.lastUpdatedMsecs));
    }
    fuzzCheck(page->nextToken.isValidUtf16(), "a nextToken can be sent back as JSON");
    return 0;
}
