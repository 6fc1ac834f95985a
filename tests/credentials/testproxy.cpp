#include "testproxy.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

TestProxy::TestProxy(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &TestProxy::accept);
}

bool TestProxy::listen()
{
    return m_server->listen(QHostAddress::LocalHost);
}

QUrl TestProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()));
}

void TestProxy::accept()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        m_connections.insert(client, Connection{});
        connect(client, &QTcpSocket::readyRead, this, [this, client] { readClient(client); });
        connect(client, &QTcpSocket::disconnected, this, [this, client] {
            const Connection connection = m_connections.take(client);
            if (connection.upstream)
                connection.upstream->disconnectFromHost();
            client->deleteLater();
        });
    }
}

void TestProxy::readClient(QTcpSocket *client)
{
    Connection &connection = m_connections[client];
    if (connection.upstream) {
        // Until the upstream connection is up, bytes wait in the client's buffer.
        if (connection.upstream->state() == QAbstractSocket::ConnectedState)
            connection.upstream->write(client->readAll());
        return;
    }
    connection.head += client->readAll();
    const qsizetype end = connection.head.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QByteArray head = connection.head.left(end);
    const QByteArray rest = connection.head.mid(end + 4);
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    m_requestLines.append(QString::fromLatin1(lines.first().trimmed()));
    if (requestLine.size() != 3) {
        client->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        client->disconnectFromHost();
        return;
    }
    if (requestLine.at(0) == "CONNECT") {
        const QList<QByteArray> hostPort = requestLine.at(1).split(':');
        open(client, QString::fromLatin1(hostPort.value(0)), quint16(hostPort.value(1).toUInt()), rest, true);
        return;
    }
    // "POST http://127.0.0.1:1234/path HTTP/1.1" goes on as "POST /path HTTP/1.1", one request per
    // connection so that every request line passes through here.
    const QUrl target(QString::fromLatin1(requestLine.at(1)));
    QByteArray forwarded = requestLine.at(0) + ' '
                           + target.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority).prepend(
                               target.path().isEmpty() ? "/" : "")
                           + ' ' + requestLine.at(2) + "\r\n";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const QByteArray name = line.left(line.indexOf(':')).toLower();
        if (name == "connection" || name == "proxy-connection" || name == "keep-alive")
            continue;
        forwarded += line + "\r\n";
    }
    forwarded += "Connection: close\r\n\r\n" + rest;
    open(client, target.host(), quint16(target.port(80)), forwarded, false);
}

void TestProxy::open(QTcpSocket *client, const QString &host, quint16 port, QByteArray firstBytes, bool tunnel)
{
    auto *upstream = new QTcpSocket(client);
    m_connections[client].upstream = upstream;
    connect(upstream, &QTcpSocket::connected, this, [client, upstream, firstBytes, tunnel] {
        if (tunnel)
            client->write("HTTP/1.1 200 Connection established\r\n\r\n");
        upstream->write(firstBytes + client->readAll());
    });
    connect(upstream, &QTcpSocket::readyRead, this, [client, upstream] { client->write(upstream->readAll()); });
    connect(upstream, &QTcpSocket::disconnected, this, [client] { client->disconnectFromHost(); });
    connect(upstream, &QTcpSocket::errorOccurred, this, [client, upstream, tunnel](QAbstractSocket::SocketError) {
        if (upstream->state() != QAbstractSocket::ConnectedState && tunnel)
            client->write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        client->disconnectFromHost();
    });
    upstream->connectToHost(host, port);
}
