#pragma once

#include "simulator/httprequestreader.h"
#include "simulator/httpresponse.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

#include <memory>

class Clock;
class QTcpServer;
class QTcpSocket;

// HTTP/1.1 on 127.0.0.1, plain or TLS, for the simulated AWS services: cuts requests out of the
// byte stream with HttpRequestReader, answers each with the subclass's answer(), keeps
// connections alive as clients ask. It lives as long as its QObject parent.
class LoopbackHttpServer : public QObject
{
    Q_OBJECT

public:
    explicit LoopbackHttpServer(QObject *parent = nullptr);
    ~LoopbackHttpServer() override;

    // Serve https:// with this certificate; call before listen().
    void useTls(const QSslCertificate &certificate, const QSslKey &key);
    bool listen(quint16 port = 0); // 127.0.0.1 only; 0 picks a free port
    QUrl url() const;              // "http://127.0.0.1:PORT" or "https://..."
    QString errorString() const;

    // The server's time, for Date headers, signature checks and expirations. Default: the system's.
    void setClock(std::shared_ptr<const Clock> clock);
    void setClockOffsetSeconds(qint64 offset); // server clock = that clock + offset, for every use of it
    QDateTime serverNowUtc() const;

    int requestCount() const { return m_requestCount; }

Q_SIGNALS:
    void requestServed(int number);

protected:
    virtual HttpResponse answer(const ReceivedHttpRequest &request) = 0;

private:
    void acceptConnections();
    void serve(QTcpSocket *socket);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    QHash<QTcpSocket *, HttpRequestReader> m_readers;
    std::shared_ptr<const Clock> m_clock;
    qint64 m_clockOffsetSeconds = 0;
    int m_requestCount = 0;
};
