#include "profiles/ssocredentialprovider.h"

#include "client/awsclient.h"
#include "signing/clock.h"
#include "sso/ssotokencache.h"

SsoCredentialProvider::SsoCredentialProvider(SsoLink settings, QString cacheDirectory, SsoPortalConnection portal,
                                             SsoOidcConnection oidc, std::shared_ptr<const Clock> clock)
    : RefreshingCredentialProvider(std::move(clock))
    , m_settings(std::move(settings))
    , m_cacheDirectory(std::move(cacheDirectory))
    , m_portal(std::move(portal))
    , m_oidc(std::move(oidc))
{
}

QString SsoCredentialProvider::sourceDescription() const
{
    return QStringLiteral("IAM Identity Center (profile '%1', role %2 in account %3)")
        .arg(m_settings.profileName, m_settings.roleName, m_settings.accountId);
}

QString SsoCredentialProvider::signInCommand() const
{
    return QStringLiteral("aws sso login --profile ") + m_settings.profileName;
}

QString SsoCredentialProvider::cacheKey() const
{
    return m_settings.sessionName.isEmpty() ? m_settings.startUrl : m_settings.sessionName;
}

Unexpected<CredentialError> SsoCredentialProvider::signInAgain(const QString &why) const
{
    return Unexpected{
        CredentialError(QStringLiteral("%1 Run '%2', then load again.").arg(why, signInCommand()), signInCommand())};
}

void SsoCredentialProvider::fetchCredentials(AwsClient &sharedClient, CredentialRenewal, CredentialsReady done)
{
    AwsClient *client = &sharedClient;
    const SsoTokenCache cache(m_cacheDirectory);
    const QString key = cacheKey();
    const Expected<std::optional<SsoToken>> cached = cache.read(key);
    if (!cached) {
        done(signInAgain(cached.error()));
        return;
    }
    if (!cached->has_value()) {
        const QString which = m_settings.sessionName.isEmpty()
                                  ? QStringLiteral("start URL %1").arg(m_settings.startUrl)
                                  : QStringLiteral("sso-session '%1'").arg(m_settings.sessionName);
        done(signInAgain(QStringLiteral("Profile '%1' is not signed in to IAM Identity Center: there is no token for "
                                        "%2 in %3.")
                             .arg(m_settings.profileName, which, m_cacheDirectory)));
        return;
    }
    const SsoToken token = **cached;
    const QDateTime now = clock().nowUtc();
    if (now.secsTo(token.expiresAt) >= TokenRefreshWindowSeconds || !token.canRefresh(now)) {
        useToken(token, client, done);
        return;
    }

    std::weak_ptr<RefreshingCredentialProvider> weakSelf = weak_from_this();
    refreshSsoAccessToken(*client, m_oidc, token, [this, weakSelf, token, key, client, done](const SsoTokenRefreshResult &refresh) {
        const auto self = weakSelf.lock();
        if (!self)
            return;
        if (!refresh) {
            // As AWS CLI does: a failed refresh leaves the token as it was, good while it lasts.
            useToken(token, client, done);
            return;
        }
        const SsoToken renewed =
            refreshedSsoToken(token, refresh.value(), m_settings.startUrl, m_settings.region, clock().nowUtc());
        // Writing the cache only saves the next run a refresh; the new token works either way.
        SsoTokenCache(m_cacheDirectory).write(key, renewed);
        useToken(renewed, client, done);
    });
}

void SsoCredentialProvider::useToken(const SsoToken &token, AwsClient *client, const CredentialsReady &done)
{
    if (clock().nowUtc() >= token.expiresAt) {
        done(signInAgain(QStringLiteral("The IAM Identity Center sign-in of profile '%1' expired at %2.")
                             .arg(m_settings.profileName, formatSsoTime(token.expiresAt))));
        return;
    }
    std::weak_ptr<RefreshingCredentialProvider> weakSelf = weak_from_this();
    getRoleCredentials(
        *client, m_portal, token.accessToken, m_settings.accountId, m_settings.roleName,
        [this, weakSelf, done](const RoleCredentialsResult &result) {
            const auto self = weakSelf.lock();
            if (!self)
                return;
            if (result) {
                done(result.value());
                return;
            }
            const SsoPortalFailure &failure = result.error();
            if (failure.kind != SsoPortalFailure::Kind::Service) {
                done(Unexpected{CredentialError(failure.message)});
                return;
            }
            const QString said = failure.message.isEmpty() ? QString()
                                                           : QStringLiteral(" (AWS said: %1)").arg(failure.message);
            if (failure.error.httpStatus == 401 || failure.error.code == u"UnauthorizedException") {
                done(signInAgain(QStringLiteral("IAM Identity Center no longer accepts the sign-in of profile '%1'%2.")
                                     .arg(m_settings.profileName, said)));
                return;
            }
            if (failure.error.httpStatus == 403 || failure.error.httpStatus == 404) {
                done(Unexpected{QStringLiteral("IAM Identity Center gives your user no role '%1' in account %2%3. "
                                                    "Check sso_account_id and sso_role_name in profile '%4', or run "
                                                    "'aws configure sso --profile %4' to choose them again.")
                                         .arg(m_settings.roleName, m_settings.accountId, said, m_settings.profileName)});
                return;
            }
            done(Unexpected{QStringLiteral("IAM Identity Center refused role credentials for profile '%1' (%2%3). "
                                                "Try again later.")
                                     .arg(m_settings.profileName,
                                          failure.error.code.isEmpty() ? QStringLiteral("HTTP %1").arg(failure.error.httpStatus)
                                                                       : failure.error.code,
                                          said)});
        });
}
