#include "profiles/assumerolecredentialprovider.h"

#include "profiles/mfacodeprompt.h"
#include "client/awsclient.h"
#include "signing/clock.h"

#include <QObject>
#include <QPointer>

namespace {

bool isExpiredToken(const StsFailure &failure)
{
    return failure.kind == StsFailure::Kind::Service
           && (failure.error.code == u"ExpiredToken" || failure.error.code == u"ExpiredTokenException");
}

QString awsSaid(const StsFailure &failure)
{
    return failure.message.isEmpty() ? QString() : QStringLiteral(" (AWS said: %1)").arg(failure.message);
}

} // namespace

AssumeRoleCredentialProvider::AssumeRoleCredentialProvider(AssumeRoleLink role,
                                                           std::shared_ptr<CredentialProvider> source,
                                                           StsConnection sts, std::shared_ptr<MfaCodePrompt> mfaPrompt,
                                                           std::shared_ptr<const Clock> clock)
    : RefreshingCredentialProvider(std::move(clock))
    , m_role(std::move(role))
    , m_source(std::move(source))
    , m_sts(std::move(sts))
    , m_mfaPrompt(std::move(mfaPrompt))
{
}

QString AssumeRoleCredentialProvider::sourceDescription() const
{
    return QStringLiteral("role %1 of profile '%2', assumed with %3")
        .arg(m_role.roleArn, m_role.profileName, m_source->sourceDescription());
}

void AssumeRoleCredentialProvider::fetchCredentials(AwsClient &sharedClient, CredentialRenewal renewal, CredentialsReady done)
{
    AwsClient *client = &sharedClient;
    std::weak_ptr<RefreshingCredentialProvider> weakSelf = weak_from_this();
    m_source->requestCredentials(*client, renewal, [this, weakSelf, client, renewal, done](const CredentialResult &source) {
        const auto self = weakSelf.lock();
        if (!self)
            return;
        if (!source) {
            done(source);
            return;
        }
        const AwsCredentials sourceCredentials = source.value();
        withMfaCode(client, [this, weakSelf, sourceCredentials, client, renewal, done](const Expected<QString> &code) {
            const auto alive = weakSelf.lock();
            if (!alive)
                return;
            if (!code) {
                done(Unexpected{code.error()});
                return;
            }
            callSts(sourceCredentials, code.value(), renewal == CredentialRenewal::Force, client, done);
        });
    });
}

void AssumeRoleCredentialProvider::withMfaCode(AwsClient *client, std::function<void(const Expected<QString> &)> next)
{
    if (m_role.mfaSerial.isEmpty()) {
        next(QString());
        return;
    }
    if (!m_mfaPrompt) {
        next(Unexpected{QStringLiteral("Profile '%1' needs a code from the MFA device %2 (mfa_serial), and nothing can "
                                       "ask for one here. Run Enrollment Desk from a terminal or its window, or use a "
                                       "profile without mfa_serial.")
                            .arg(m_role.profileName, m_role.mfaSerial)});
        return;
    }
    // The prompt may answer on another thread (the GUI's); the rest happens on client's.
    QPointer<QObject> guard(client);
    const QString profileName = m_role.profileName;
    m_mfaPrompt->requestCode(MfaCodeRequest{m_role.profileName, m_role.mfaSerial, m_role.roleArn}, client,
                             [guard, next, profileName](const Expected<QString> &code) {
                                 if (!guard)
                                     return;
                                 Expected<QString> checked = code;
                                 if (code && code.value().trimmed().isEmpty())
                                     checked = Unexpected{QStringLiteral("No MFA code was entered for profile '%1', so "
                                                                         "the load stopped. Load again to enter one.")
                                                              .arg(profileName)};
                                 else if (code)
                                     checked = code.value().trimmed();
                                 QMetaObject::invokeMethod(guard.data(), [next, checked] { next(checked); });
                             });
}

void AssumeRoleCredentialProvider::callSts(const AwsCredentials &source, const QString &mfaCode, bool sourceRenewed,
                                           AwsClient *client, CredentialsReady done)
{
    AssumeRoleParameters parameters;
    parameters.roleArn = m_role.roleArn;
    parameters.roleSessionName = m_role.roleSessionName.isEmpty()
                                     ? QStringLiteral("enrollment-desk-%1").arg(clock().nowUtc().toSecsSinceEpoch())
                                     : m_role.roleSessionName;
    parameters.externalId = m_role.externalId;
    parameters.durationSeconds = m_role.durationSeconds;
    if (!m_role.mfaSerial.isEmpty()) {
        parameters.serialNumber = m_role.mfaSerial;
        parameters.tokenCode = mfaCode;
    }
    std::weak_ptr<RefreshingCredentialProvider> weakSelf = weak_from_this();
    assumeRole(
        *client, m_sts, parameters, source,
        [this, weakSelf, mfaCode, sourceRenewed, client, done](const AssumeRoleResult &result) {
            const auto self = weakSelf.lock();
            if (!self)
                return;
            if (result) {
                done(result.value());
                return;
            }
            // The source's credentials were stale: renew them once and try again, keeping the
            // MFA code (STS refuses it before using it, so it is still unused).
            if (isExpiredToken(result.error()) && !sourceRenewed) {
                m_source->requestCredentials(*client, CredentialRenewal::Force,
                                             [this, weakSelf, mfaCode, client, done](const CredentialResult &renewed) {
                                                 const auto alive = weakSelf.lock();
                                                 if (!alive)
                                                     return;
                                                 if (!renewed) {
                                                     done(renewed);
                                                     return;
                                                 }
                                                 callSts(renewed.value(), mfaCode, true, client, done);
                                             });
                return;
            }
            done(Unexpected{explain(result.error(), !mfaCode.isEmpty())});
        });
}

QString AssumeRoleCredentialProvider::explain(const StsFailure &failure, bool usedMfa) const
{
    if (failure.kind != StsFailure::Kind::Service)
        return failure.message;
    const QString &code = failure.error.code;
    const QString role = m_role.roleArn;
    const QString profile = m_role.profileName;
    if (code == u"AccessDenied" && usedMfa && failure.message.contains(QStringLiteral("MultiFactorAuthentication"))) {
        return QStringLiteral("AWS STS did not accept the MFA code for role %1 of profile '%2'%3. Load again and enter "
                              "the current code from %4.")
            .arg(role, profile, awsSaid(failure), m_role.mfaSerial);
    }
    if (code == u"AccessDenied") {
        return QStringLiteral("AWS STS refused to let %1 assume role %2 for profile '%3'%4. Check the role's trust "
                              "policy, external_id and mfa_serial, and that the source credentials are the ones you "
                              "expect.")
            .arg(m_source->sourceDescription(), role, profile, awsSaid(failure));
    }
    if (isExpiredToken(failure)) {
        return QStringLiteral("The credentials from %1 have expired, so role %2 of profile '%3' cannot be assumed%4. "
                              "Renew them and load again.")
            .arg(m_source->sourceDescription(), role, profile, awsSaid(failure));
    }
    if (code == u"InvalidClientTokenId" || code == u"SignatureDoesNotMatch") {
        return QStringLiteral("AWS STS does not accept the keys of %1, so role %2 of profile '%3' cannot be "
                              "assumed%4. Check those keys.")
            .arg(m_source->sourceDescription(), role, profile, awsSaid(failure));
    }
    if (code == u"RegionDisabledException") {
        return QStringLiteral("AWS STS is not activated in region %1 for your account%2. Activate it in the IAM "
                              "console's account settings, or choose another region.")
            .arg(m_sts.scope.region, awsSaid(failure));
    }
    if (code == u"ValidationError") {
        return QStringLiteral("AWS STS refused the settings of profile '%1'%2. Check role_arn, role_session_name, "
                              "external_id, mfa_serial and duration_seconds.")
            .arg(profile, awsSaid(failure));
    }
    return QStringLiteral("AWS STS refused AssumeRole of %1 for profile '%2' (%3)%4. Try again later.")
        .arg(role, profile,
             code.isEmpty() ? QStringLiteral("HTTP %1").arg(failure.error.httpStatus) : code, awsSaid(failure));
}
