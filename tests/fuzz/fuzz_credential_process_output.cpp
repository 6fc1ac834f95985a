// What a credential_process program prints: JSON that holds secrets, or anything else.
#include "fuzzcheck.h"

#include "profiles/processcredentialprovider.h"

#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray output = fuzzBytes(data, size);
    const Expected<AwsCredentials> credentials = parseCredentialProcessOutput(output);
    if (credentials) {
        fuzzCheck(credentials->isComplete(), "accepted output has a key and a secret");
        return 0;
    }
    fuzzCheck(!credentials.error().isEmpty(), "rejected output is explained");
    // The error never quotes the output. Checked for values that occur once, so no key name or
    // other text can carry them into the message legitimately.
    // The parser's own words may contain a made-up secret ("SecretAccess" is in "no SecretAccessKey").
    static const QString ownWords = QStringLiteral(
        "its output is not a JSON object; its output has no Version, a Version that is not a number; only "
        "Version 1 is supported; its output has no AccessKeyId; its output has no SecretAccessKey; its "
        "Expiration is not an ISO 8601 time such as 2030-01-31T12:00:00Z");
    const QJsonObject object = QJsonDocument::fromJson(output).object();
    for (const QString &key : {QStringLiteral("SecretAccessKey"), QStringLiteral("SessionToken")}) {
        const QString secret = object.value(key).toString();
        if (secret.size() >= 12 && output.count(secret.toUtf8()) == 1 && !ownWords.contains(secret))
            fuzzCheck(!credentials.error().contains(secret), "no error quotes a secret", credentials.error());
    }
    return 0;
}
