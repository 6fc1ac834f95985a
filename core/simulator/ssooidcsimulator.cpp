#include "simulator/ssooidcsimulator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

SsoOidcSimulator::SsoOidcSimulator(QObject *parent)
    : LoopbackHttpServer(parent)
{
}

void SsoOidcSimulator::registerClient(const QString &clientId, const QString &clientSecret)
{
    m_clients.insert(clientId, clientSecret);
}

void SsoOidcSimulator::acceptRefreshToken(const QString &refreshToken)
{
    m_refreshTokens.insert(refreshToken);
}

void SsoOidcSimulator::setAccessTokenLifetimeSeconds(int seconds)
{
    m_lifetimeSeconds = seconds;
}

void SsoOidcSimulator::setRotateRefreshTokens(bool rotate)
{
    m_rotate = rotate;
}

HttpResponse SsoOidcSimulator::error(int status, const QByteArray &code, const QString &description)
{
    HttpResponse response;
    response.status = status;
    response.setHeader("Content-Type", "application/json");
    response.setHeader("x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/com.amazonaws.swbup/");
    response.setHeader("x-amzn-RequestId", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    QString oauthCode = QString::fromLatin1(code);
    oauthCode.remove(QStringLiteral("Exception"));
    // "InvalidGrant" -> "invalid_grant", as the service writes the OAuth error.
    QString snake;
    for (const QChar c : std::as_const(oauthCode)) {
        if (c.isUpper() && !snake.isEmpty())
            snake += u'_';
        snake += c.toLower();
    }
    response.body = QJsonDocument(QJsonObject{{QStringLiteral("error"), snake},
                                              {QStringLiteral("error_description"), description}})
                        .toJson(QJsonDocument::Compact);
    return response;
}

HttpResponse SsoOidcSimulator::answer(const ReceivedHttpRequest &request)
{
    if (request.method != "POST" || request.path != "/token")
        return error(404, "ResourceNotFoundException", QStringLiteral("This service answers POST /token."));
    ++m_tokenRequests;
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString clientId = body.value(QLatin1String("clientId")).toString();
    const QString clientSecret = body.value(QLatin1String("clientSecret")).toString();
    const QString grantType = body.value(QLatin1String("grantType")).toString();
    const QString refreshToken = body.value(QLatin1String("refreshToken")).toString();

    if (!m_clients.contains(clientId) || m_clients.value(clientId) != clientSecret)
        return error(401, "InvalidClientException", QStringLiteral("Invalid client"));
    if (grantType != u"refresh_token")
        return error(400, "UnsupportedGrantTypeException", QStringLiteral("Unsupported grant type"));
    if (!m_refreshTokens.contains(refreshToken))
        return error(400, "InvalidGrantException", QStringLiteral("Invalid refresh token provided"));

    ++m_issued;
    const QString accessToken = QStringLiteral("aoa-simulated-access-%1-%2")
                                    .arg(m_issued)
                                    .arg(QUuid::createUuid().toString(QUuid::Id128));
    QJsonObject answer{{QStringLiteral("accessToken"), accessToken},
                       {QStringLiteral("tokenType"), QStringLiteral("Bearer")},
                       {QStringLiteral("expiresIn"), m_lifetimeSeconds}};
    if (m_rotate) {
        m_refreshTokens.remove(refreshToken);
        const QString next = QStringLiteral("aor-simulated-refresh-%1").arg(m_issued);
        m_refreshTokens.insert(next);
        answer.insert(QStringLiteral("refreshToken"), next);
    }
    Q_EMIT accessTokenIssued(accessToken);

    HttpResponse response;
    response.setHeader("Content-Type", "application/json");
    response.body = QJsonDocument(answer).toJson(QJsonDocument::Compact);
    return response;
}
