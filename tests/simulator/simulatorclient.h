#pragma once

#include "signing/awscredentials.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QString>
#include <QUrl>

#include <optional>

inline const QByteArray pageTarget = "ComputeOptimizerService.GetEnrollmentStatusesForOrganization";
inline const QByteArray statusTarget = "ComputeOptimizerService.GetEnrollmentStatus";

struct CallOptions
{
    QByteArray target = pageTarget;
    QByteArray contentType = "application/x-amz-json-1.0";
    bool sign = true;
    std::optional<AwsCredentials> credentials; // default: the client's
    QString region = QStringLiteral("us-east-1");
    QString service = QStringLiteral("compute-optimizer");
    qint64 signingClockOffsetSeconds = 0;
    bool changeBodyAfterSigning = false;
    int transferTimeoutMs = 0;
    int waitMs = 10000;
};

Q_DECLARE_METATYPE(CallOptions)

struct CallResult
{
    bool finished = false;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int httpStatus = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(QByteArrayView name) const;
    QJsonObject json() const;
    QString errorCode() const; // __type after '#'
    QString message() const;   // "message" or "Message"
};

// What an SDK does, reduced to what the simulator tests need: sign a JSON 1.0 POST with SigV4,
// send it with QNetworkAccessManager and wait for the reply.
class SimulatorClient
{
public:
    SimulatorClient(QUrl endpoint, AwsCredentials credentials);

    CallResult call(const QByteArray &body, const CallOptions &options = {});
    QNetworkReply *send(const QByteArray &body, const CallOptions &options = {}); // the caller owns the reply

    // Follows nextToken until a page has none; stops early on any error or after maxPages.
    struct Listing
    {
        QList<QJsonObject> accounts;
        int pages = 0;
        bool lastPageHadNoToken = false;
        CallResult failure; // set when a page failed
        bool failed = false;
    };
    Listing listAll(const QJsonObject &request = {}, int maxPages = 100000);

    static QByteArray signedRequestBytes(const QUrl &endpoint, const AwsCredentials &credentials,
                                         const QByteArray &body, const QByteArray &target = pageTarget);

private:
    QUrl m_endpoint;
    AwsCredentials m_credentials;
    QNetworkAccessManager m_network;
};

CallResult collect(QNetworkReply *reply, int waitMs);
