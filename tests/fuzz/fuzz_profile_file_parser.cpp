// ~/.aws/config and ~/.aws/credentials, then the credential chain and the settings read from them.
#include "fuzzcheck.h"

#include "profiles/configuredendpoint.h"
#include "profiles/credentialproviderchain.h"
#include "profiles/profilefile.h"
#include "profiles/profilefilereader.h"
#include "profiles/retrysettings.h"

namespace {

// A message may name a profile or a file; it must never quote a secret. The check only holds
// when the secret appears once in the input, so no name or other value can carry it legitimately.
void checkNoSecretIn(const QString &message, const QString &inputText, const ProfileSection &profile)
{
    for (const QString &key : {QStringLiteral("aws_secret_access_key"), QStringLiteral("aws_session_token")}) {
        const QString secret = profile.value(key);
        if (secret.size() < 12 || inputText.count(secret) != 1)
            continue;
        fuzzCheck(!message.contains(secret), "no message quotes a secret", message);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The config file, a NUL, then the credentials file.
    const QByteArray input = fuzzBytes(data, size);
    const qsizetype split = input.indexOf('\0');
    const QString configText = QString::fromUtf8(split < 0 ? input : input.left(split));
    const QString credentialsText = split < 0 ? QString() : QString::fromUtf8(input.mid(split + 1));
    const QString inputText = configText + u'\n' + credentialsText;

    const auto config = parseProfileFile(configText, ProfileFileKind::Config, QStringLiteral("config"));
    const auto credentials =
        parseProfileFile(credentialsText, ProfileFileKind::Credentials, QStringLiteral("credentials"));
    const auto merged = parseProfileFiles(configText, credentialsText);
    fuzzCheck(merged.hasValue() == (config.hasValue() && credentials.hasValue()),
              "the merged files parse exactly when both files parse");
    if (!merged) {
        fuzzCheck(!merged.error().isEmpty(), "a rejected file says why");
        return 0;
    }

    LoadedProfileFiles files;
    files.location = {QStringLiteral("/home/user/.aws/config"), QStringLiteral("/home/user/.aws/credentials")};
    files.config = config.value();
    files.credentials = credentials.value();
    files.merged = merged.value();

    for (const ProfileSection &profile : std::as_const(files.merged.profiles)) {
        for (const bool fromOption : {true, false}) {
            CredentialChainRequest request;
            request.profile = {profile.name, fromOption ? QStringLiteral("--profile") : QStringLiteral("AWS_PROFILE")};
            request.files = &files;
            const auto provider = chooseCredentialProvider(request);
            if (provider) {
                fuzzCheck(provider.value() != nullptr, "a chosen provider exists");
                checkNoSecretIn(provider.value()->sourceDescription(), inputText, profile);
            } else {
                checkNoSecretIn(provider.error(), inputText, profile);
            }
        }
        const auto retry = resolveRetrySettings(QProcessEnvironment(), profile);
        if (retry)
            fuzzCheck(retry->maxAttempts >= 1, "at least one attempt", QString::number(retry->maxAttempts));
        const auto endpoint = resolveConfiguredEndpoint(
            {QString(), QProcessEnvironment(), &profile, &files.merged.services, QStringLiteral("COMPUTE_OPTIMIZER"),
             QStringLiteral("compute_optimizer")});
        if (endpoint && !endpoint->isEmpty())
            fuzzCheck(endpoint->scheme() == u"http" || endpoint->scheme() == u"https",
                      "only an http(s) endpoint is accepted", endpoint->toString());
    }
    return 0;
}
