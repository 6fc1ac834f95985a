#include "simulator/enrollmentsimulator.h"

#include "simulator/responsewriter.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

namespace {

constexpr QByteArrayView targetPrefix = "ComputeOptimizerService.";
constexpr QByteArrayView pageOperation = "GetEnrollmentStatusesForOrganization";
constexpr QByteArrayView statusOperation = "GetEnrollmentStatus";
constexpr QByteArrayView jsonContentType = "application/x-amz-json-1.0";

SignableRequest signable(const ReceivedHttpRequest &request)
{
    return SignableRequest{request.method, request.path, request.query, request.headers, request.body};
}

bool isJsonContentType(const QByteArray &value)
{
    const qsizetype semicolon = value.indexOf(';');
    const QByteArray mediaType = (semicolon < 0 ? value : value.left(semicolon)).trimmed();
    return mediaType.compare(jsonContentType, Qt::CaseInsensitive) == 0;
}

} // namespace

EnrollmentSimulator::EnrollmentSimulator(SimulatedOrganization organization, QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_organization(organization)
    , m_pagesSalt(QRandomGenerator::global()->generate64())
    , m_pages(organization, m_pagesSalt)
    , m_organizations(organization, QRandomGenerator::global()->generate64())
    , m_faults(pageOperation.toByteArray())
{
    connect(m_server, &QTcpServer::newConnection, this, &EnrollmentSimulator::acceptConnections);
    m_uptime.start();
}

bool EnrollmentSimulator::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

QUrl EnrollmentSimulator::endpointUrl() const
{
    if (!m_server->isListening())
        return {};
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()));
}

QString EnrollmentSimulator::errorString() const
{
    return m_server->errorString();
}

void EnrollmentSimulator::addCredentials(const QString &accessKeyId, const QString &secretAccessKey,
                                         const QString &sessionToken)
{
    m_authenticator.addCredentials(accessKeyId, secretAccessKey, sessionToken);
}

void EnrollmentSimulator::expireSessionToken(const QString &sessionToken)
{
    m_expiredSessionTokens.insert(sessionToken);
}

void EnrollmentSimulator::setRegion(const QString &region)
{
    m_authenticator.setRegion(region);
}

void EnrollmentSimulator::setClockOffsetSeconds(qint64 offset)
{
    m_clockOffsetSeconds = offset;
}

QDateTime EnrollmentSimulator::serverNowUtc() const
{
    return QDateTime::currentDateTimeUtc().addSecs(m_clockOffsetSeconds);
}

void EnrollmentSimulator::setPageLatencyMs(int ms)
{
    m_pageLatencyMs = qMax(0, ms);
}

void EnrollmentSimulator::setResponseLatencyMs(int ms)
{
    m_responseLatencyMs = qMax(0, ms);
}

void EnrollmentSimulator::setRateLimit(SimulatedService service, double requestsPerSecond)
{
    (service == SimulatedService::Organizations ? m_organizationsLimit : m_computeOptimizerLimit)
        .setRequestsPerSecond(requestsPerSecond);
}

int EnrollmentSimulator::rateLimitedCount() const
{
    return m_rateLimitedCount;
}

bool EnrollmentSimulator::overRateLimit(SimulatedService service)
{
    RequestRateLimit &limit = service == SimulatedService::Organizations ? m_organizationsLimit : m_computeOptimizerLimit;
    if (limit.admit(m_uptime.elapsed()))
        return false;
    ++m_rateLimitedCount;
    return true;
}

void EnrollmentSimulator::setRandomThrottling(double probability, quint32 seed)
{
    m_throttleProbability = probability;
    m_throttleRandom.seed(seed);
}

void EnrollmentSimulator::addFault(FaultRule rule)
{
    m_faults.add(std::move(rule));
}

void EnrollmentSimulator::clearFaults()
{
    m_faults.clear();
}

void EnrollmentSimulator::setRequireSignature(bool required)
{
    m_requireSignature = required;
}

int EnrollmentSimulator::pageRequestCount() const
{
    return m_pageRequestCount;
}

QList<QByteArray> EnrollmentSimulator::receivedNextTokens() const
{
    return m_receivedNextTokens;
}

void EnrollmentSimulator::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        // Without TCP_NODELAY, Nagle and delayed ACKs add about 40 ms to every answer.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_connections.insert(socket, Connection{});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            const auto found = m_connections.find(socket);
            if (found == m_connections.end())
                return;
            found->reader.append(socket->readAll());
            serveBufferedRequests(socket);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
    }
}

void EnrollmentSimulator::serveBufferedRequests(QTcpSocket *socket)
{
    for (;;) {
        auto connection = m_connections.find(socket);
        if (connection == m_connections.end() || connection->busy)
            return;
        HttpReadResult result = connection->reader.takeRequest();
        switch (result.kind) {
        case HttpReadResult::Kind::NeedMoreData:
            return;
        case HttpReadResult::Kind::Malformed: {
            ServiceError error = ServiceErrors::serialization(QString::fromLatin1(result.errorMessage));
            error.httpStatus = result.errorStatus;
            deliver(socket, errorReply(error), false);
            return;
        }
        case HttpReadResult::Kind::Request:
            break;
        }

        const bool keepAlive = result.request.keepAlive();
        Reply reply = handle(result.request);
        reply.delayMs += m_responseLatencyMs;
        // handle() emits a signal; whatever ran in between may have closed the socket.
        connection = m_connections.find(socket);
        if (connection == m_connections.end())
            return;
        if (reply.response.delivery == HttpResponse::Delivery::Never) {
            connection->busy = true;
            return;
        }
        if (reply.delayMs > 0) {
            connection->busy = true;
            QTimer::singleShot(reply.delayMs, this, [this, guard = QPointer<QTcpSocket>(socket), reply, keepAlive] {
                if (!guard || !deliver(guard, reply, keepAlive))
                    return;
                const auto waiting = m_connections.find(guard);
                if (waiting == m_connections.end())
                    return;
                waiting->busy = false;
                serveBufferedRequests(guard);
            });
            return;
        }
        if (!deliver(socket, reply, keepAlive))
            return;
    }
}

bool EnrollmentSimulator::deliver(QTcpSocket *socket, const Reply &reply, bool keepAlive)
{
    return writeResponse(socket, reply.response, serverNowUtc(), keepAlive);
}

EnrollmentSimulator::Reply EnrollmentSimulator::errorReply(const ServiceError &error)
{
    Reply reply;
    reply.response = error.toResponse();
    return reply;
}

EnrollmentSimulator::Reply EnrollmentSimulator::jsonReply(QByteArray body)
{
    Reply reply;
    reply.response.setHeader("Content-Type", jsonContentType.toByteArray());
    reply.response.setHeader("x-amzn-RequestId", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    reply.response.body = std::move(body);
    return reply;
}

EnrollmentSimulator::Reply EnrollmentSimulator::handle(const ReceivedHttpRequest &request)
{
    if (request.method != "POST" || request.path != "/") {
        ServiceError error = ServiceErrors::unknownOperation(
            QStringLiteral("This endpoint only answers POST / with an X-Amz-Target header."));
        error.httpStatus = 404;
        return errorReply(error);
    }
    const QByteArray target = request.header("X-Amz-Target");
    advanceOptIn();
    if (auto answered = handleOptInOperations(target, request))
        return *answered;
    if (target == targetPrefix.toByteArray() + pageOperation.toByteArray())
        return handlePageRequest(request);
    if (target == targetPrefix.toByteArray() + statusOperation.toByteArray())
        return handleEnrollmentStatus(request);
    if (target.startsWith("AWSOrganizationsV20161128.")
        && OrganizationsService::serves(QByteArrayView(target).sliced(26)))
        return handleOrganizations(request, QByteArrayView(target).sliced(26));
    if (target.isEmpty())
        return errorReply(ServiceErrors::unknownOperation(QStringLiteral(
            "The request has no X-Amz-Target header. Set it to ComputeOptimizerService.<operation>.")));
    return errorReply(ServiceErrors::unknownOperation(
        QStringLiteral("The operation '%1' is not served here. Use ComputeOptimizerService.%2 or "
                       "ComputeOptimizerService.%3.")
            .arg(QString::fromUtf8(target), QLatin1String(pageOperation), QLatin1String(statusOperation))));
}

std::optional<ServiceError> EnrollmentSimulator::checkContentTypeAndSignature(const ReceivedHttpRequest &request) const
{
    // Coral picks its protocol by Content-Type; with any other type it cannot find the operation.
    if (!isJsonContentType(request.header("Content-Type")))
        return ServiceErrors::unknownOperation(
            QStringLiteral("The Content-Type must be application/x-amz-json-1.0 for the AWS JSON 1.0 protocol."));
    if (m_requireSignature) {
        if (auto refused = m_authenticator.check(signable(request), serverNowUtc()))
            return refused;
    }
    // Only a correctly signed request learns that its token has expired.
    if (m_expiredSessionTokens.contains(QString::fromUtf8(request.header("X-Amz-Security-Token"))))
        return ServiceErrors::expiredToken();
    return std::nullopt;
}

std::optional<SimulatorFault> EnrollmentSimulator::faultFor(QByteArrayView operation, int number)
{
    if (auto fault = m_faults.faultFor(operation, number))
        return fault;
    if (operation == pageOperation && m_throttleProbability > 0.0
        && m_throttleRandom.generateDouble() < m_throttleProbability)
        return SimulatorFault::Throttling400;
    return std::nullopt;
}

// The token handed out before the one the client just presented: A, B, then A again. With only
// one handed out, that one again; before any, a token leading back to the first page.
QByteArray EnrollmentSimulator::repeatedToken() const
{
    if (m_handedOutTokens.size() >= 2)
        return m_handedOutTokens.at(m_handedOutTokens.size() - 2);
    if (m_handedOutTokens.size() == 1)
        return m_handedOutTokens.first();
    return m_pages.tokenForOffset(0);
}

EnrollmentSimulator::Reply EnrollmentSimulator::handlePageRequest(const ReceivedHttpRequest &request)
{
    const int number = ++m_pageRequestCount;
    m_receivedNextTokens.append(OrganizationPages::nextTokenIn(request.body));
    Q_EMIT pageRequestReceived(number);

    Reply reply = [&]() -> Reply {
        if (const auto refused = checkContentTypeAndSignature(request))
            return errorReply(*refused);
        if (overRateLimit(SimulatedService::ComputeOptimizer))
            return errorReply(ServiceErrors::throttling(400));

        const std::optional<SimulatorFault> fault = faultFor(pageOperation, number);
        if (fault) {
            if (auto instead = faultReply(*fault, pageOperation))
                return *instead;
        }

        auto pageRequest = m_pages.parseRequest(request.body);
        if (!pageRequest)
            return errorReply(pageRequest.error());
        QByteArray nextToken = fault == SimulatorFault::RepeatedToken ? repeatedToken()
                                                                      : m_pages.nextTokenAfter(*pageRequest);
        if (!nextToken.isEmpty())
            m_handedOutTokens.append(nextToken);
        Reply page = jsonReply(m_pages.pageJson(*pageRequest, nextToken));
        if (fault == SimulatorFault::TruncatedBody)
            page.response.delivery = HttpResponse::Delivery::CutOff;
        return page;
    }();
    reply.delayMs = m_pageLatencyMs;
    return reply;
}

int EnrollmentSimulator::enrollmentStatusRequestCount() const
{
    return m_enrollmentStatusRequestCount;
}

EnrollmentSimulator::Reply EnrollmentSimulator::handleEnrollmentStatus(const ReceivedHttpRequest &request)
{
    const int number = ++m_enrollmentStatusRequestCount;
    if (const auto refused = checkContentTypeAndSignature(request))
        return errorReply(*refused);
    if (overRateLimit(SimulatedService::ComputeOptimizer))
        return errorReply(ServiceErrors::throttling(400));
    const std::optional<SimulatorFault> fault = faultFor(statusOperation, number);
    if (fault) {
        if (auto instead = faultReply(*fault, statusOperation))
            return *instead;
    }
    if (!request.body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        if (!QJsonDocument::fromJson(request.body, &parseError).isObject())
            return errorReply(ServiceErrors::serialization(QStringLiteral("The request body must be a JSON object.")));
    }
    Reply reply = jsonReply(m_optIn.ownEnrollmentJson(m_organization));
    if (fault == SimulatorFault::TruncatedBody)
        reply.response.delivery = HttpResponse::Delivery::CutOff;
    return reply;
}
