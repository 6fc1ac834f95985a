#pragma once

#include "simulator/serviceerror.h"

#include "signing/signablerequest.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

// Decides whether a request is signed by a registered key for this region and service, at a time
// close enough to the server's clock, answering with the error AWS would send when it is not.
class RequestAuthenticator
{
public:
    void addCredentials(const QString &accessKeyId, const QString &secretAccessKey, const QString &sessionToken);
    void setRegion(const QString &region);
    QString region() const;

    // expectedService: the SigV4 signing name the request must be scoped to.
    std::optional<ServiceError> check(const SignableRequest &request, const QDateTime &serverNowUtc,
                                      const QString &expectedService = service) const;

    static constexpr qint64 allowedSkewSeconds = 5 * 60;
    static inline const QString service = QStringLiteral("compute-optimizer");

private:
    struct Secret
    {
        QString secretAccessKey;
        QString sessionToken;
    };
    QHash<QString, Secret> m_credentials;
    QString m_region = QStringLiteral("us-east-1");
};
