#pragma once

#include "simulator/loopbackhttpserver.h"

#include <QList>
#include <QMap>
#include <QSet>

// A loopback stand-in for IAM Identity Center's OIDC service: CreateToken (POST /token) with
// grantType refresh_token, checking the client registration and the refresh token, handing out
// a new access token and a new refresh token (the old one stops working, as in the service).
class SsoOidcSimulator : public LoopbackHttpServer
{
    Q_OBJECT

public:
    explicit SsoOidcSimulator(QObject *parent = nullptr);

    void registerClient(const QString &clientId, const QString &clientSecret);
    void acceptRefreshToken(const QString &refreshToken);
    void setAccessTokenLifetimeSeconds(int seconds); // default 3600
    void setRotateRefreshTokens(bool rotate);        // default true

    int tokenRequestCount() const { return m_tokenRequests; }

Q_SIGNALS:
    void accessTokenIssued(const QString &accessToken);

protected:
    HttpResponse answer(const ReceivedHttpRequest &request) override;

private:
    static HttpResponse error(int status, const QByteArray &code, const QString &description);

    QMap<QString, QString> m_clients;
    QSet<QString> m_refreshTokens;
    int m_lifetimeSeconds = 3600;
    bool m_rotate = true;
    int m_tokenRequests = 0;
    int m_issued = 0;
};
