// STS answers in XML: AssumeRole's credentials, or an ErrorResponse.
#include "fuzzcheck.h"

#include "sts/stsresponse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray xml = fuzzBytes(data, size);
    const Expected<AwsCredentials> credentials = parseAssumeRoleResponse(xml);
    if (credentials)
        fuzzCheck(credentials->isComplete(), "accepted credentials have a key and a secret");
    else
        fuzzCheck(!credentials.error().isEmpty(), "a rejected answer is explained");
    const StsError error = parseStsError(403, xml);
    fuzzCheck(error.httpStatus == 403, "the status is kept");
    return 0;
}
