#pragma once

#include "profiles/credentialchainplan.h"
#include "profiles/refreshingcredentialprovider.h"
#include "sts/stsclient.h"

class MfaCodePrompt;

// role_arn: AssumeRole at STS, signed with the credentials of the source (another profile, or
// the environment), with the profile's role_session_name, external_id, duration_seconds and,
// for mfa_serial, a code asked for through the MfaCodePrompt.
class AssumeRoleCredentialProvider final : public RefreshingCredentialProvider
{
public:
    AssumeRoleCredentialProvider(AssumeRoleLink role, std::shared_ptr<CredentialProvider> source, StsConnection sts,
                                 std::shared_ptr<MfaCodePrompt> mfaPrompt, std::shared_ptr<const Clock> clock);

    QString sourceDescription() const override;

    const AssumeRoleLink &role() const { return m_role; }
    const std::shared_ptr<CredentialProvider> &source() const { return m_source; }
    const StsConnection &sts() const { return m_sts; }

protected:
    void fetchCredentials(AwsClient &client, CredentialRenewal renewal, CredentialsReady done) override;

private:
    void withMfaCode(AwsClient *client, std::function<void(const Expected<QString> &)> next);
    void callSts(const AwsCredentials &source, const QString &mfaCode, bool sourceRenewed, AwsClient *client,
                 CredentialsReady done);
    QString explain(const StsFailure &failure, bool usedMfa) const;

    AssumeRoleLink m_role;
    std::shared_ptr<CredentialProvider> m_source;
    StsConnection m_sts;
    std::shared_ptr<MfaCodePrompt> m_mfaPrompt;
};
