#include "simulator/loopbackhttpserver.h"

#include "simulator/responsewriter.h"

#include "signing/clock.h"

#include <QHostAddress>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

LoopbackHttpServer::LoopbackHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_clock(std::make_shared<SystemClock>())
{
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &LoopbackHttpServer::acceptConnections);
}

LoopbackHttpServer::~LoopbackHttpServer() = default;

void LoopbackHttpServer::useTls(const QSslCertificate &certificate, const QSslKey &key)
{
    auto *server = new QSslServer(this);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients need no certificate
    server->setSslConfiguration(configuration);
    delete m_server;
    m_server = server;
    m_tls = true;
    // A TLS connection is pending only once its handshake is done, which newConnection precedes.
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &LoopbackHttpServer::acceptConnections);
}

bool LoopbackHttpServer::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

QUrl LoopbackHttpServer::url() const
{
    if (!m_server->isListening())
        return {};
    return QUrl(QStringLiteral("%1://127.0.0.1:%2")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                    .arg(m_server->serverPort()));
}

QString LoopbackHttpServer::errorString() const
{
    return m_server->errorString();
}

void LoopbackHttpServer::setClock(std::shared_ptr<const Clock> clock)
{
    m_clock = std::move(clock);
}

void LoopbackHttpServer::setClockOffsetSeconds(qint64 offset)
{
    m_clockOffsetSeconds = offset;
}

QDateTime LoopbackHttpServer::serverNowUtc() const
{
    return m_clock->nowUtc().addSecs(m_clockOffsetSeconds);
}

void LoopbackHttpServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        // Without TCP_NODELAY, Nagle and delayed ACKs add about 40 ms to every answer.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_readers.insert(socket, HttpRequestReader{});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_readers.remove(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            serve(socket);
    }
}

void LoopbackHttpServer::serve(QTcpSocket *socket)
{
    const auto reader = m_readers.find(socket);
    if (reader == m_readers.end())
        return;
    reader->append(socket->readAll());
    for (;;) {
        HttpReadResult result = m_readers[socket].takeRequest();
        if (result.kind == HttpReadResult::Kind::NeedMoreData)
            return;
        if (result.kind == HttpReadResult::Kind::Malformed) {
            HttpResponse refusal;
            refusal.status = result.errorStatus;
            refusal.setHeader("Content-Type", "text/plain");
            refusal.body = result.errorMessage;
            socket->write(refusal.toWire(serverNowUtc(), false));
            socket->disconnectFromHost();
            return;
        }
        const bool keepAlive = result.request.keepAlive();
        ++m_requestCount;
        const HttpResponse response = answer(result.request);
        Q_EMIT requestServed(m_requestCount);
        if (!m_readers.contains(socket))
            return;
        if (!writeResponse(socket, response, serverNowUtc(), keepAlive)) {
            // Whatever else arrives on this connection goes unanswered.
            m_readers.remove(socket);
            return;
        }
    }
}
