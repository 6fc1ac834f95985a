#pragma once

#include "profiles/credentialchainplan.h"
#include "profiles/refreshingcredentialprovider.h"
#include "sso/ssooidcclient.h"
#include "sso/ssoportalclient.h"

// IAM Identity Center: the token `aws sso login` cached, refreshed through SSO OIDC when it has
// less than 15 minutes left (and a refresh token), then role credentials from the SSO portal.
// The token file is read again for every fetch, so signing in again while the window is open
// is enough.
class SsoCredentialProvider final : public RefreshingCredentialProvider
{
public:
    static constexpr qint64 TokenRefreshWindowSeconds = 15 * 60;

    SsoCredentialProvider(SsoLink settings, QString cacheDirectory, SsoPortalConnection portal,
                          SsoOidcConnection oidc, std::shared_ptr<const Clock> clock);

    QString sourceDescription() const override;

    // "aws sso login --profile NAME": what an expired or missing sign-in needs.
    QString signInCommand() const;

protected:
    void fetchCredentials(AwsClient &client, CredentialRenewal renewal, CredentialsReady done) override;

private:
    QString cacheKey() const;
    void useToken(const SsoToken &token, AwsClient *client, const CredentialsReady &done);
    Unexpected<CredentialError> signInAgain(const QString &why) const;

    SsoLink m_settings;
    QString m_cacheDirectory;
    SsoPortalConnection m_portal;
    SsoOidcConnection m_oidc;
};
