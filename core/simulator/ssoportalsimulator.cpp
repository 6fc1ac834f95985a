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

void SsoPortalSimulator::addFault(FaultRule rule)
{
    m_faults.add(std::move(rule));
}

void SsoPortalSimulator::clearFaults()
{
    m_faults.clear();
}

// The portal's own words for the faults that replace its answer; none for those that spoil it.
std::optional<HttpResponse> SsoPortalSimulator::faultAnswer(SimulatorFault fault)
{
    switch (fault) {
    case SimulatorFault::Throttling400:
        return error(400, "TooManyRequestsException", QStringLiteral("Rate exceeded"));
    case SimulatorFault::Throttling429:
        return error(429, "TooManyRequestsException", QStringLiteral("Rate exceeded"));
    case SimulatorFault::InternalError500:
        return error(500, "InternalServerException", QStringLiteral("An internal error occurred."));
    case SimulatorFault::Unavailable503:
        return error(503, "ServiceUnavailableException", QStringLiteral("Service unavailable."));
    case SimulatorFault::ExpiredToken:
        return error(401, "UnauthorizedException", QStringLiteral("Session token not found or invalid"));
    case SimulatorFault::AccessDenied:
        return error(403, "ForbiddenException", QStringLiteral("No access"));
    case SimulatorFault::InvalidParameter:
        return error(400, "InvalidRequestException", QStringLiteral("role_name and account_id are required"));
    case SimulatorFault::InvalidJson200: {
        HttpResponse notJson;
        notJson.setHeader("Content-Type", "application/json");
        notJson.body = "{\"roleCredentials\": {\"accessKeyId\": \"ASIA";
        return notJson;
    }
    case SimulatorFault::ConnectionReset:
    case SimulatorFault::Stall:
    case SimulatorFault::WrongContentType200:
        return networkFaultAnswer(fault);
    case SimulatorFault::TruncatedBody:
    case SimulatorFault::RepeatedToken:
        break;
    }
    return std::nullopt;
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

    const std::optional<SimulatorFault> fault = m_faults.faultFor("GetRoleCredentials", int(m_received.size()));
    if (fault) {
        if (auto instead = faultAnswer(*fault))
            return *instead;
    }

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
    if (fault == SimulatorFault::TruncatedBody)
        response.delivery = HttpResponse::Delivery::CutOff;
    return response;
}
