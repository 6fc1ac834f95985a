#include "client/credentialprovider.h"

void CredentialProvider::requestCredentials(AwsClient &, CredentialRenewal, CredentialsReady done)
{
    const Expected<AwsCredentials> known = credentials();
    if (known)
        done(known.value());
    else
        done(Unexpected{known.error()});
}

Expected<AwsCredentials> CredentialProvider::credentials()
{
    return Unexpected{QStringLiteral("Credentials from %1 are fetched while loading, not read up front.")
                          .arg(sourceDescription())};
}
