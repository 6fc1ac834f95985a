#include "staticcredentialprovider.h"

StaticCredentialProvider::StaticCredentialProvider(AwsCredentials credentials,
                                                   QString sourceDescription)
    : m_credentials(std::move(credentials)), m_sourceDescription(std::move(sourceDescription))
{
}

Expected<AwsCredentials> StaticCredentialProvider::credentials()
{
    return m_credentials;
}

QString StaticCredentialProvider::sourceDescription() const
{
    return m_sourceDescription;
}
