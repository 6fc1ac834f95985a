// A file in ~/.aws/sso/cache: read, written back as AWS CLI writes it, and read again unchanged.
#include "fuzzcheck.h"

#include "sso/ssotoken.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Expected<SsoToken> token = parseSsoToken(fuzzBytes(data, size));
    if (!token)
        return 0;
    fuzzCheck(!token->accessToken.isEmpty(), "an accepted token has an access token");
    const Expected<SsoToken> again = parseSsoToken(ssoTokenJson(token.value()));
    fuzzCheck(again.hasValue(), "a token written back can be read again", again ? QString() : again.error());
    fuzzCheck(again->accessToken == token->accessToken && again->refreshToken == token->refreshToken
                  && again->clientId == token->clientId && again->startUrl == token->startUrl
                  && again->region == token->region,
              "a token written back keeps its fields");
    // A client secret is only worth keeping with the client it belongs to.
    if (!token->clientId.isEmpty())
        fuzzCheck(again->clientSecret == token->clientSecret
                      && again->registrationExpiresAt == token->registrationExpiresAt,
                  "a token written back keeps its client registration");
    // The cache stores whole seconds: the expiry comes back without its milliseconds.
    const qint64 msecs = token->expiresAt.toMSecsSinceEpoch();
    const qint64 wholeSeconds = msecs - ((msecs % 1000) + 1000) % 1000;
    fuzzCheck(again->expiresAt.toMSecsSinceEpoch() == wholeSeconds, "a token written back keeps its expiry",
              formatSsoTime(token->expiresAt));
    return 0;
}
