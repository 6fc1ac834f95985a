#include "sts/stsresponse.h"

#include <QXmlStreamReader>

namespace {

// The text of every element whose path (from the root, joined with '/') is wanted.
QHash<QString, QString> elementTexts(const QByteArray &xml, const QStringList &wanted, QString *error)
{
    QHash<QString, QString> found;
    QXmlStreamReader reader(xml);
    QStringList path;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            path.append(reader.name().toString());
            const QString joined = path.join(u'/');
            if (wanted.contains(joined)) {
                found.insert(joined, reader.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
                path.removeLast();
            }
            break;
        }
        case QXmlStreamReader::EndElement:
            if (!path.isEmpty())
                path.removeLast();
            break;
        default:
            break;
        }
    }
    if (reader.hasError() && error)
        *error = reader.errorString();
    return found;
}

} // namespace

Expected<AwsCredentials> parseAssumeRoleResponse(const QByteArray &xml)
{
    const QString prefix = QStringLiteral("AssumeRoleResponse/AssumeRoleResult/Credentials/");
    const QString keyId = prefix + QStringLiteral("AccessKeyId");
    const QString secret = prefix + QStringLiteral("SecretAccessKey");
    const QString token = prefix + QStringLiteral("SessionToken");
    const QString expiration = prefix + QStringLiteral("Expiration");
    QString xmlError;
    const QHash<QString, QString> texts = elementTexts(xml, {keyId, secret, token, expiration}, &xmlError);
    if (!xmlError.isEmpty())
        return Unexpected{QStringLiteral("the answer is not well-formed XML (%1)").arg(xmlError)};

    AwsCredentials credentials;
    credentials.accessKeyId = texts.value(keyId);
    credentials.secretAccessKey = texts.value(secret);
    credentials.sessionToken = texts.value(token);
    if (!credentials.isComplete() || credentials.sessionToken.isEmpty())
        return Unexpected{QStringLiteral("the answer holds no AccessKeyId, SecretAccessKey and SessionToken")};
    const QDateTime when = QDateTime::fromString(texts.value(expiration), Qt::ISODateWithMs);
    if (!when.isValid())
        return Unexpected{QStringLiteral("the answer's Expiration is not an ISO 8601 time")};
    credentials.expiration = when.toUTC();
    return credentials;
}

StsError parseStsError(int httpStatus, const QByteArray &xml)
{
    const QString code = QStringLiteral("ErrorResponse/Error/Code");
    const QString message = QStringLiteral("ErrorResponse/Error/Message");
    const QString requestId = QStringLiteral("ErrorResponse/RequestId");
    const QHash<QString, QString> texts = elementTexts(xml, {code, message, requestId}, nullptr);
    return StsError{httpStatus, texts.value(code), texts.value(message), texts.value(requestId)};
}
