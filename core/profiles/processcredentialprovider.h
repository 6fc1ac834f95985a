#pragma once

#include "profiles/refreshingcredentialprovider.h"

#include <QProcessEnvironment>
#include <QStringList>

// credential_process: runs the program (no shell), reads {"Version": 1, "AccessKeyId": ...,
// "SecretAccessKey": ..., "SessionToken": ..., "Expiration": ...} from its standard output, and
// keeps the answer until shortly before Expiration (for ever without one).
class ProcessCredentialProvider final : public RefreshingCredentialProvider
{
public:
    static constexpr int DefaultTimeLimitMs = 60'000;

    ProcessCredentialProvider(QString profileName, QStringList commandWords, QProcessEnvironment environment,
                              std::shared_ptr<const Clock> clock, int timeLimitMs = DefaultTimeLimitMs);

    QString sourceDescription() const override;

protected:
    void fetchCredentials(AwsClient &client, CredentialRenewal renewal, CredentialsReady done) override;

private:
    QString m_profileName;
    QStringList m_words;
    QProcessEnvironment m_environment;
    int m_timeLimitMs;
};

// The program's standard output, read as AWS CLI reads it. Never quotes the output in errors:
// it holds secrets.
Expected<AwsCredentials> parseCredentialProcessOutput(const QByteArray &output);
