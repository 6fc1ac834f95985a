#include "client/awserror.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString firstString(const QJsonObject &object, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString() && !value.toString().isEmpty())
            return value.toString();
    }
    return {};
}

} // namespace

QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString bareErrorCode(QString code)
{
    const qsizetype colon = code.indexOf(u':');
    if (colon >= 0)
        code.truncate(colon);
    // A shape ID has one '#', between namespace and name; the name is what follows the last.
    const qsizetype hash = code.lastIndexOf(u'#');
    if (hash >= 0)
        code.remove(0, hash + 1);
    return code.trimmed();
}

AwsError parseAwsJsonError(int httpStatus, const HttpHeaders &headers, const QByteArray &body)
{
    AwsError error;
    error.httpStatus = httpStatus;
    error.requestId = QString::fromLatin1(headerValue(headers, "x-amzn-RequestId"));

    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QString code = QString::fromUtf8(headerValue(headers, "X-Amzn-Errortype"));
    if (code.isEmpty())
        code = object.value(QLatin1String("code")).toString();
    if (code.isEmpty())
        code = object.value(QLatin1String("__type")).toString();
    error.code = bareErrorCode(code);

    QJsonValue message = object.value(QLatin1String("message"));
    if (!message.isString())
        message = object.value(QLatin1String("Message"));
    error.message = message.toString();
    return error;
}

AwsError parseRestJsonError(int httpStatus, const HttpHeaders &headers, const QByteArray &body)
{
    AwsError error;
    error.httpStatus = httpStatus;
    error.requestId = QString::fromLatin1(headerValue(headers, "x-amzn-RequestId"));
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QString code = QString::fromUtf8(headerValue(headers, "x-amzn-ErrorType"));
    if (code.isEmpty())
        code = firstString(object, {"__type", "code", "error"});
    error.code = bareErrorCode(code);
    error.message = firstString(object, {"message", "Message", "error_description"});
    return error;
}

QString awsSaidSuffix(const AwsError &error)
{
    return error.message.isEmpty() ? QString() : QStringLiteral(" (AWS said: ") + error.message + u')';
}
