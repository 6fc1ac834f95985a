#include "simulatorclient.h"

#include "simulator/enrollmentsimulator.h"
#include "simulator/httprequestreader.h"
#include "simulator/httpresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

namespace {

const AwsCredentials credentials{QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                                 {}, std::nullopt};

struct RawResponse
{
    QByteArray head;
    QByteArray body;
    int status = 0;

    QByteArray header(QByteArrayView name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

// Reads one complete response (headers plus Content-Length bytes) from the front of buffer.
std::optional<RawResponse> takeResponse(QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    RawResponse response;
    response.head = buffer.left(end);
    const qsizetype length = response.header("Content-Length").toLongLong();
    if (buffer.size() < end + 4 + length)
        return std::nullopt;
    response.body = buffer.mid(end + 4, length);
    response.status = response.head.split(' ').value(1).toInt();
    buffer.remove(0, end + 4 + length);
    return response;
}

QList<RawResponse> readResponses(QTcpSocket &socket, int count)
{
    // The server runs on this thread, so wait with the event loop running, never with waitForReadyRead().
    QList<RawResponse> responses;
    QByteArray buffer;
    const bool complete = QTest::qWaitFor(
        [&] {
            buffer += socket.readAll();
            while (auto response = takeResponse(buffer))
                responses.append(*response);
            return responses.size() >= count;
        },
        5000);
    Q_UNUSED(complete) // the caller compares the count
    return responses;
}

} // namespace

class TestSimulatorHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_simulator = new EnrollmentSimulator(SimulatedOrganization::generate(250), this);
        m_simulator->addCredentials(credentials.accessKeyId, credentials.secretAccessKey);
        QVERIFY(m_simulator->listen());
    }

    void cleanup() { delete m_simulator; }

    void shouldListenOnLoopbackOnly()
    {
        const QUrl url = m_simulator->endpointUrl();
        QCOMPARE(url.scheme(), QStringLiteral("http"));
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(url.port() > 0);
    }

    void shouldReadOneRequestSplitIntoSingleBytes()
    {
        const QByteArray wire = SimulatorClient::signedRequestBytes(m_simulator->endpointUrl(), credentials, "{}");
        HttpRequestReader reader;
        for (qsizetype i = 0; i < wire.size() - 1; ++i) {
            reader.append(wire.mid(i, 1));
            QCOMPARE(reader.takeRequest().kind, HttpReadResult::Kind::NeedMoreData);
        }
        reader.append(wire.right(1));
        const HttpReadResult result = reader.takeRequest();
        QCOMPARE(result.kind, HttpReadResult::Kind::Request);
        QCOMPARE(result.request.method, QByteArray("POST"));
        QCOMPARE(result.request.path, QByteArray("/"));
        QCOMPARE(result.request.body, QByteArray("{}"));
        QCOMPARE(result.request.header("x-amz-target"), pageTarget);
    }

    void shouldReadSeveralRequestsArrivingInOneRead()
    {
        HttpRequestReader reader;
        reader.append("POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}POST /?a=b HTTP/1.1\r\nContent-Length: 3\r\n\r\n{ }"
                      "GET / HTTP/1.1\r\n\r\n");
        HttpReadResult first = reader.takeRequest();
        HttpReadResult second = reader.takeRequest();
        HttpReadResult third = reader.takeRequest();
        QCOMPARE(first.kind, HttpReadResult::Kind::Request);
        QCOMPARE(first.request.body, QByteArray("{}"));
        QCOMPARE(second.kind, HttpReadResult::Kind::Request);
        QCOMPARE(second.request.query, QByteArray("a=b"));
        QCOMPARE(second.request.body, QByteArray("{ }"));
        QCOMPARE(third.kind, HttpReadResult::Kind::Request);
        QCOMPARE(third.request.method, QByteArray("GET"));
        QCOMPARE(reader.takeRequest().kind, HttpReadResult::Kind::NeedMoreData);
    }

    void shouldRefuseMalformedRequests_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");
        QTest::newRow("request line without version") << QByteArray("POST /\r\n\r\n") << 400;
        QTest::newRow("header without colon") << QByteArray("POST / HTTP/1.1\r\nHost\r\n\r\n") << 400;
        QTest::newRow("negative content length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("conflicting content lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400;
        QTest::newRow("chunked body") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") << 501;
        QTest::newRow("body over 1 MiB") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 9999999\r\n\r\n") << 413;
        QTest::newRow("headers over 64 KiB")
            << QByteArray("POST / HTTP/1.1\r\nX-Big: " + QByteArray(70000, 'a')) << 431;
    }

    void shouldRefuseMalformedRequests()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        HttpRequestReader reader;
        reader.append(wire);
        const HttpReadResult result = reader.takeRequest();
        QCOMPARE(result.kind, HttpReadResult::Kind::Malformed);
        QCOMPARE(result.errorStatus, status);
    }

    void shouldAnswerSeveralRequestsOnOneConnection()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_simulator->endpointUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        for (int i = 0; i < 3; ++i) {
            socket.write(SimulatorClient::signedRequestBytes(m_simulator->endpointUrl(), credentials, "{\"maxResults\":5}"));
            const QList<RawResponse> responses = readResponses(socket, 1);
            QCOMPARE(responses.size(), 1);
            QCOMPARE(responses[0].status, 200);
            QVERIFY(responses[0].header("Connection").isEmpty());
        }
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(m_simulator->pageRequestCount(), 3);
    }

    void shouldAnswerRequestsSentInOneWriteInOrder()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_simulator->endpointUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        const QUrl url = m_simulator->endpointUrl();
        socket.write(SimulatorClient::signedRequestBytes(url, credentials, "{\"maxResults\":1}")
                     + SimulatorClient::signedRequestBytes(url, credentials, "{}", statusTarget)
                     + SimulatorClient::signedRequestBytes(url, credentials, "{\"maxResults\":2}"));
        const QList<RawResponse> responses = readResponses(socket, 3);
        QCOMPARE(responses.size(), 3);
        QVERIFY(responses[0].body.startsWith("{\"accountEnrollmentStatuses\":[{"));
        QVERIFY(responses[1].body.startsWith("{\"status\":\"Active\""));
        QCOMPARE(QJsonDocument::fromJson(responses[2].body)
                     .object()
                     .value(QLatin1String("accountEnrollmentStatuses"))
                     .toArray()
                     .size(),
                 2);
    }

    void shouldAnswerARequestThatArrivesInPieces()
    {
        m_simulator->setPageLatencyMs(0);
        QTcpSocket socket;
        socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_simulator->endpointUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray wire = SimulatorClient::signedRequestBytes(m_simulator->endpointUrl(), credentials, "{}");
        for (qsizetype offset = 0; offset < wire.size(); offset += 37) {
            socket.write(wire.mid(offset, 37));
            QVERIFY(socket.waitForBytesWritten(5000));
            QCoreApplication::processEvents(); // lets the server read this piece on its own
        }
        const QList<RawResponse> responses = readResponses(socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 200);
    }

    void shouldCloseWhenTheClientAsksTo()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_simulator->endpointUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        QByteArray wire = SimulatorClient::signedRequestBytes(m_simulator->endpointUrl(), credentials, "{}");
        wire.insert(wire.indexOf("\r\n") + 2, "Connection: close\r\n");
        socket.write(wire);
        const QList<RawResponse> responses = readResponses(socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].header("Connection"), QByteArray("close"));
        QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    }

    void shouldAnswerMalformedRequestsAndClose()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_simulator->endpointUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        const QList<RawResponse> responses = readResponses(socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 501);
        QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    }

    void shouldOnlyServePostToTheRoot_data()
    {
        QTest::addColumn<QByteArray>("requestLine");
        QTest::newRow("GET") << QByteArray("GET / HTTP/1.1");
        QTest::newRow("POST elsewhere") << QByteArray("POST /other HTTP/1.1");
    }

    void shouldOnlyServePostToTheRoot()
    {
        QFETCH(QByteArray, requestLine);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_simulator->endpointUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(requestLine + "\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
        const QList<RawResponse> responses = readResponses(socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 404);
        QVERIFY(responses[0].body.contains("UnknownOperationException"));
    }

    void shouldWriteDatesInImfFixdateForm_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("RFC 7231 example") << QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC)
                                          << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT");
        QTest::newRow("new year") << QDateTime(QDate(2024, 1, 1), QTime(0, 0, 0), Qt::UTC)
                                  << QByteArray("Mon, 01 Jan 2024 00:00:00 GMT");
        QTest::newRow("local time converted to GMT")
            << QDateTime(QDate(2024, 7, 31), QTime(23, 30, 5), Qt::OffsetFromUTC, -3600)
            << QByteArray("Thu, 01 Aug 2024 00:30:05 GMT");
    }

    void shouldWriteDatesInImfFixdateForm()
    {
        QFETCH(QDateTime, time);
        QFETCH(QByteArray, expected);
        QCOMPARE(httpDate(time), expected);
    }

private:
    EnrollmentSimulator *m_simulator = nullptr;
};

QTEST_GUILESS_MAIN(TestSimulatorHttp)
#include "test_simulator_http.moc"
