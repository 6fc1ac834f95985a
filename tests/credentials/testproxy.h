#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

// A forward proxy on 127.0.0.1, as a corporate network has one: CONNECT tunnels for https://,
// absolute-form requests ("POST http://host/ HTTP/1.1") passed on for http://. It notes the
// request line of everything that went through it.
class TestProxy : public QObject
{
    Q_OBJECT

public:
    explicit TestProxy(QObject *parent = nullptr);

    bool listen();
    QUrl url() const; // "http://127.0.0.1:PORT"
    QStringList requestLines() const { return m_requestLines; }

private:
    struct Connection
    {
        QByteArray head;
        QTcpSocket *upstream = nullptr;
    };

    void accept();
    void readClient(QTcpSocket *client);
    void open(QTcpSocket *client, const QString &host, quint16 port, QByteArray firstBytes, bool tunnel);

    QTcpServer *m_server;
    QHash<QTcpSocket *, Connection> m_connections;
    QStringList m_requestLines;
};
