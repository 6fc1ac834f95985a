#include "sso/restjsonerror.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

// "UnauthorizedException:http://internal.amazon.com/..." or "aws.sso#UnauthorizedException" -> the code.
QString bareCode(QString code)
{
    const qsizetype colon = code.indexOf(u':');
    if (colon >= 0)
        code.truncate(colon);
    const qsizetype hash = code.lastIndexOf(u'#');
    if (hash >= 0)
        code.remove(0, hash + 1);
    return code.trimmed();
}

} // namespace

RestJsonError parseRestJsonError(const HttpAnswer &answer)
{
    RestJsonError error;
    error.httpStatus = answer.status;
    const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
    QString code = QString::fromUtf8(answer.header("x-amzn-ErrorType"));
    for (const char *key : {"__type", "code", "error"}) {
        if (!code.isEmpty())
            break;
        code = body.value(QLatin1String(key)).toString();
    }
    error.code = bareCode(code);
    for (const char *key : {"message", "Message", "error_description"}) {
        error.message = body.value(QLatin1String(key)).toString();
        if (!error.message.isEmpty())
            break;
    }
    return error;
}
