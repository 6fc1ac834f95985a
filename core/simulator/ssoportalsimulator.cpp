#include "simulator/ssoportalsimulator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrlQuery>
#include <QUuid>

namespace {

QString randomText(int length)
{
    static const QString alphabet = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    QString text;
    for (int i = 0; i < length; ++i)
        text += alphabet.at(int(QRandomGenerator::global()->bounded(quint32(alphabet.size()))));
    return text;
}

} // namespace

SsoPortalSimulator::SsoPortalSimulator(QObject *parent)
    : LoopbackHttpServer(parent)
{
}

void SsoPortalSimulator::acceptAccessToken(const QString &accessToken)
{
    m_tokens.insert(accessToken);
}

void SsoPortalSimulator::revokeAccessToken(const QString &accessToken)
{
    m_tokens.remove(accessToken);
}

void SsoPortalSimulator::addRole(const QString &accountId, const QString &roleName)
{
    m_roles.insert(accountId + u'/' + roleName);
}

void SsoPortalSimulator::setCredentialLifetimeSeconds(int seconds)
{
    m_lifetimeSeconds = seconds;
}

HttpResponse SsoPortalSimulator::error(int status, const QByteArray &code, const QString &message)
{
    HttpResponse response;
    response.status = status;
    response.setHeader("Content-Type", "application/json");
    response.setHeader("x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/");
    response.setHeader("x-amzn-RequestId", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    response.body = QJsonDocument(QJsonObject{{QStringLiteral("message"), message}}).toJson(QJsonDocument::Compact);
    return response;
}

HttpResponse SsoPortalSimulator::answer(const ReceivedHttpRequest &request)
{
    if (request.method != "GET" || request.path != "/federation/credentials")
        return error(404, "ResourceNotFoundException", QStringLiteral("This portal answers GET /federation/credentials."));
    const QUrlQuery query(QString::fromUtf8(request.query));
    ReceivedRequest received;
    received.accessToken = QString::fromUtf8(request.header("x-amz-sso_bearer_token"));
    received.accountId = query.queryItemValue(QStringLiteral("account_id"), QUrl::FullyDecoded);
    received.roleName = query.queryItemValue(QStringLiteral("role_name"), QUrl::FullyDecoded);
    received.signedWithSigV4 = request.hasHeader("Authorization");
    m_received.append(received);

    if (received.accessToken.isEmpty() || !m_tokens.contains(received.accessToken))
        return error(401, "UnauthorizedException", QStringLiteral("Session token not found or invalid"));
    if (received.accountId.isEmpty() || received.roleName.isEmpty())
        return error(400, "InvalidRequestException", QStringLiteral("role_name and account_id are required"));
    if (!m_roles.contains(received.accountId + u'/' + received.roleName))
        return error(403, "ForbiddenException", QStringLiteral("No access"));

    AwsCredentials issued;
    issued.accessKeyId = QStringLiteral("ASIA") + randomText(16).toUpper();
    issued.secretAccessKey = randomText(40);
    issued.sessionToken = QStringLiteral("IQoJb3JpZ2luX2Vj") + randomText(120);
    issued.expiration = serverNowUtc().addSecs(m_lifetimeSeconds);
    m_issued.append(issued);
    Q_EMIT credentialsIssued(issued);

    HttpResponse response;
    response.setHeader("Content-Type", "application/json");
    response.setHeader("x-amzn-RequestId", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    const QJsonObject role{
        {QStringLiteral("accessKeyId"), issued.accessKeyId},
        {QStringLiteral("secretAccessKey"), issued.secretAccessKey},
        {QStringLiteral("sessionToken"), issued.sessionToken},
        {QStringLiteral("expiration"), double(issued.expiration->toMSecsSinceEpoch())},
    };
    response.body = QJsonDocument(QJsonObject{{QStringLiteral("roleCredentials"), role}}).toJson(QJsonDocument::Compact);
    return response;
}
