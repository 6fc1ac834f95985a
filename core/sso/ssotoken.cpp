#include "sso/ssotoken.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace {

// As Python's json.dumps writes a string: ASCII only, with \uXXXX for everything else.
void appendJsonString(QByteArray &out, const QString &text)
{
    out += '"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += "\\\"";
            break;
        case u'\\':
            out += "\\\\";
            break;
        case u'\n':
            out += "\\n";
            break;
        case u'\r':
            out += "\\r";
            break;
        case u'\t':
            out += "\\t";
            break;
        case u'\b':
            out += "\\b";
            break;
        case u'\f':
            out += "\\f";
            break;
        default:
            if (u < 0x20 || u > 0x7e)
                out += "\\u" + QByteArray::number(u, 16).rightJustified(4, '0');
            else
                out += char(u);
        }
    }
    out += '"';
}

void appendField(QByteArray &out, const char *key, const QString &value)
{
    if (out.size() > 1)
        out += ", ";
    appendJsonString(out, QString::fromLatin1(key));
    out += ": ";
    appendJsonString(out, value);
}

} // namespace

bool SsoToken::canRefresh(const QDateTime &nowUtc) const
{
    if (refreshToken.isEmpty() || clientId.isEmpty() || clientSecret.isEmpty() || registrationExpiresAt.isEmpty())
        return false;
    const QDateTime registrationEnds = parseSsoTime(registrationExpiresAt);
    return registrationEnds.isValid() && nowUtc < registrationEnds;
}

QDateTime parseSsoTime(const QString &text)
{
    QString iso = text.trimmed();
    if (iso.endsWith(QStringLiteral("UTC")))
        iso = iso.left(iso.size() - 3) + u'Z';
    const QDateTime when = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return when.isValid() ? when.toUTC() : QDateTime();
}

QString formatSsoTime(const QDateTime &utc)
{
    return utc.toTimeZone(QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

Expected<SsoToken> parseSsoToken(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return Unexpected{QStringLiteral("it is not a JSON object")};
    const QJsonObject object = document.object();
    const auto text = [&](const char *key) { return object.value(QLatin1String(key)).toString(); };

    SsoToken token;
    token.startUrl = text("startUrl");
    token.region = text("region");
    token.accessToken = text("accessToken");
    token.expiresAt = parseSsoTime(text("expiresAt"));
    token.clientId = text("clientId");
    token.clientSecret = text("clientSecret");
    token.registrationExpiresAt = text("registrationExpiresAt");
    token.refreshToken = text("refreshToken");
    if (token.accessToken.isEmpty())
        return Unexpected{QStringLiteral("it has no accessToken")};
    if (!token.expiresAt.isValid())
        return Unexpected{QStringLiteral("its expiresAt is not a time")};
    return token;
}

QByteArray ssoTokenJson(const SsoToken &token)
{
    QByteArray out = "{";
    appendField(out, "startUrl", token.startUrl);
    appendField(out, "region", token.region);
    appendField(out, "accessToken", token.accessToken);
    appendField(out, "expiresAt", formatSsoTime(token.expiresAt));
    if (!token.clientId.isEmpty()) {
        appendField(out, "clientId", token.clientId);
        appendField(out, "clientSecret", token.clientSecret);
        appendField(out, "registrationExpiresAt", token.registrationExpiresAt);
    }
    if (!token.refreshToken.isEmpty())
        appendField(out, "refreshToken", token.refreshToken);
    out += '}';
    return out;
}
