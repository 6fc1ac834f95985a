#pragma once

#include "client/credentialprovider.h"

// Keys known up front: from the environment or a profile's aws_access_key_id.
class StaticCredentialProvider final : public CredentialProvider
{
public:
    StaticCredentialProvider(AwsCredentials credentials, QString sourceDescription);

    Expected<AwsCredentials> credentials() override;
    QString sourceDescription() const override;

private:
    AwsCredentials m_credentials;
    QString m_sourceDescription;
};
