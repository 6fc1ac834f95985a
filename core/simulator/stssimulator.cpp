#include "simulator/stssimulator.h"

#include "signing/sigv4verifier.h"

#include <QRandomGenerator>
#include <QUuid>

namespace {

QString xmlEscaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QByteArray requestId()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QString randomText(int length)
{
    static const QString alphabet = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    QString text;
    for (int i = 0; i < length; ++i)
        text += alphabet.at(int(QRandomGenerator::global()->bounded(quint32(alphabet.size()))));
    return text;
}

QMap<QString, QString> formParameters(const QByteArray &body)
{
    QMap<QString, QString> parameters;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        QByteArray name = equals < 0 ? pair : pair.left(equals);
        QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        parameters.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                          QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return parameters;
}

// The signature check speaks AWS JSON; STS speaks its own codes in XML.
QString stsCodeFor(const QByteArray &jsonCode)
{
    if (jsonCode == "UnrecognizedClientException")
        return QStringLiteral("InvalidClientTokenId");
    if (jsonCode == "InvalidSignatureException")
        return QStringLiteral("SignatureDoesNotMatch");
    if (jsonCode == "IncompleteSignatureException")
        return QStringLiteral("IncompleteSignature");
    return QString::fromLatin1(jsonCode);
}

} // namespace

StsSimulator::StsSimulator(QObject *parent)
    : LoopbackHttpServer(parent)
{
}

void StsSimulator::addSourceCredentials(const QString &accessKeyId, const QString &secretAccessKey,
                                        const QString &sessionToken)
{
    m_authenticator.addCredentials(accessKeyId, secretAccessKey, sessionToken);
}

void StsSimulator::addRole(const QString &roleArn, RoleRules rules)
{
    m_roles.insert(roleArn, std::move(rules));
}

void StsSimulator::setRegion(const QString &region)
{
    m_authenticator.setRegion(region);
}

void StsSimulator::setCredentialLifetimeSeconds(int seconds)
{
    m_lifetimeSeconds = seconds;
}

void StsSimulator::addFault(FaultRule rule)
{
    m_faults.add(std::move(rule));
}

void StsSimulator::clearFaults()
{
    m_faults.clear();
}

void StsSimulator::expireIssuedCredentials()
{
    for (const AwsCredentials &credentials : std::as_const(m_issued))
        m_expiredKeys.insert(credentials.accessKeyId);
}

HttpResponse StsSimulator::error(int status, const QString &code, const QString &message)
{
    HttpResponse response;
    response.status = status;
    response.setHeader("Content-Type", "text/xml");
    response.setHeader("x-amzn-RequestId", requestId());
    const QString type = status >= 500 ? QStringLiteral("Receiver") : QStringLiteral("Sender");
    response.body = QStringLiteral("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
                                   "  <Error>\n    <Type>%1</Type>\n    <Code>%2</Code>\n    <Message>%3</Message>\n"
                                   "  </Error>\n  <RequestId>%4</RequestId>\n</ErrorResponse>\n")
                        .arg(type, code, xmlEscaped(message), QString::fromLatin1(requestId()))
                        .toUtf8();
    return response;
}

HttpResponse StsSimulator::answer(const ReceivedHttpRequest &request)
{
    if (request.method != "POST" || request.path != "/")
        return error(404, QStringLiteral("InvalidAction"), QStringLiteral("This endpoint answers POST / only."));
    if (!request.header("Content-Type").startsWith("application/x-www-form-urlencoded"))
        return error(400, QStringLiteral("InvalidParameterValue"),
                     QStringLiteral("The Content-Type must be application/x-www-form-urlencoded."));
    const QMap<QString, QString> parameters = formParameters(request.body);

    const SignableRequest signable{request.method, request.path, request.query, request.headers, request.body};
    const SigV4Verification verification = verifySigV4(signable, [](const QString &) { return std::nullopt; });
    m_received.append(ReceivedAssumeRole{verification.accessKeyId, parameters});

    const std::optional<SimulatorFault> fault = m_faults.faultFor("AssumeRole", int(m_received.size()));
    if (fault) {
        if (auto instead = faultAnswer(*fault))
            return *instead;
    }

    if (const auto refused = m_authenticator.check(signable, serverNowUtc(), QStringLiteral("sts")))
        return error(refused->httpStatus == 400 ? 403 : refused->httpStatus, stsCodeFor(refused->code), refused->message);
    if (m_expiredKeys.contains(verification.accessKeyId))
        return error(400, QStringLiteral("ExpiredToken"), QStringLiteral("The security token included in the request is expired"));
    if (parameters.value(QStringLiteral("Action")) != u"AssumeRole")
        return error(400, QStringLiteral("InvalidAction"),
                     QStringLiteral("Could not find operation %1 for version %2")
                         .arg(parameters.value(QStringLiteral("Action")), parameters.value(QStringLiteral("Version"))));
    if (parameters.value(QStringLiteral("Version")) != u"2011-06-15")
        return error(400, QStringLiteral("InvalidAction"), QStringLiteral("The Version must be 2011-06-15."));
    HttpResponse response = assumeRole(parameters);
    if (fault == SimulatorFault::TruncatedBody)
        response.delivery = HttpResponse::Delivery::CutOff;
    return response;
}

// STS's own words for the faults that replace its answer; none for those that spoil it.
std::optional<HttpResponse> StsSimulator::faultAnswer(SimulatorFault fault)
{
    const QString expired = QStringLiteral("The security token included in the request is expired");
    switch (fault) {
    case SimulatorFault::Throttling400:
        return error(400, QStringLiteral("Throttling"), QStringLiteral("Rate exceeded"));
    case SimulatorFault::Throttling429:
        return error(429, QStringLiteral("Throttling"), QStringLiteral("Rate exceeded"));
    case SimulatorFault::InternalError500:
        return error(500, QStringLiteral("InternalFailure"), QStringLiteral("An internal error occurred."));
    case SimulatorFault::Unavailable503:
        return error(503, QStringLiteral("ServiceUnavailable"), QStringLiteral("Service is unavailable."));
    case SimulatorFault::ExpiredToken:
        return error(400, QStringLiteral("ExpiredToken"), expired);
    case SimulatorFault::AccessDenied:
        return error(403, QStringLiteral("AccessDenied"), QStringLiteral("Not authorized to perform sts:AssumeRole"));
    case SimulatorFault::InvalidParameter:
        return error(400, QStringLiteral("ValidationError"), QStringLiteral("1 validation error detected."));
    case SimulatorFault::InvalidJson200: {
        HttpResponse notXml;
        notXml.setHeader("Content-Type", "text/xml");
        notXml.body = "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIA";
        return notXml;
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

HttpResponse StsSimulator::assumeRole(const QMap<QString, QString> &parameters)
{
    const QString roleArn = parameters.value(QStringLiteral("RoleArn"));
    const QString sessionName = parameters.value(QStringLiteral("RoleSessionName"));
    if (sessionName.size() < 2 || sessionName.size() > 64)
        return error(400, QStringLiteral("ValidationError"),
                     QStringLiteral("1 validation error detected: Value at 'roleSessionName' failed to satisfy "
                                    "constraint: Member must have length between 2 and 64"));
    const auto role = m_roles.constFind(roleArn);
    const QString denied = QStringLiteral("User is not authorized to perform: sts:AssumeRole on resource: %1").arg(roleArn);
    if (role == m_roles.cend())
        return error(403, QStringLiteral("AccessDenied"), denied);
    if (!role->externalId.isEmpty() && parameters.value(QStringLiteral("ExternalId")) != role->externalId)
        return error(403, QStringLiteral("AccessDenied"), denied);
    if (!role->mfaSerial.isEmpty()) {
        if (parameters.value(QStringLiteral("SerialNumber")) != role->mfaSerial)
            return error(403, QStringLiteral("AccessDenied"), denied);
        if (parameters.value(QStringLiteral("TokenCode")) != role->mfaCode)
            return error(403, QStringLiteral("AccessDenied"),
                         QStringLiteral("MultiFactorAuthentication failed with invalid MFA one time pass code."));
    }

    bool hasDuration = false;
    const int duration = parameters.value(QStringLiteral("DurationSeconds")).toInt(&hasDuration);
    AwsCredentials issued;
    issued.accessKeyId = QStringLiteral("ASIA") + randomText(16).toUpper();
    issued.secretAccessKey = randomText(40);
    issued.sessionToken = QStringLiteral("FwoGZXIvYXdzE") + randomText(120);
    issued.expiration = serverNowUtc().addSecs(hasDuration ? duration : m_lifetimeSeconds);
    m_authenticator.addCredentials(issued.accessKeyId, issued.secretAccessKey, issued.sessionToken);
    m_issued.append(issued);
    Q_EMIT credentialsIssued(issued, roleArn);

    const QString roleName = roleArn.section(u'/', -1);
    HttpResponse response;
    response.setHeader("Content-Type", "text/xml");
    response.setHeader("x-amzn-RequestId", requestId());
    response.body =
        QStringLiteral("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
                       "  <AssumeRoleResult>\n"
                       "    <AssumedRoleUser>\n"
                       "      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:%1</AssumedRoleId>\n"
                       "      <Arn>arn:aws:sts::111122223333:assumed-role/%2/%1</Arn>\n"
                       "    </AssumedRoleUser>\n"
                       "    <Credentials>\n"
                       "      <AccessKeyId>%3</AccessKeyId>\n"
                       "      <SecretAccessKey>%4</SecretAccessKey>\n"
                       "      <SessionToken>%5</SessionToken>\n"
                       "      <Expiration>%6</Expiration>\n"
                       "    </Credentials>\n"
                       "    <PackedPolicySize>6</PackedPolicySize>\n"
                       "  </AssumeRoleResult>\n"
                       "  <ResponseMetadata>\n    <RequestId>%7</RequestId>\n  </ResponseMetadata>\n"
                       "</AssumeRoleResponse>\n")
            .arg(xmlEscaped(sessionName), xmlEscaped(roleName), issued.accessKeyId, issued.secretAccessKey,
                 issued.sessionToken, issued.expiration->toString(Qt::ISODate), QString::fromLatin1(requestId()))
            .toUtf8();
    return response;
}
