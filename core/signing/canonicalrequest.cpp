#include "signing/canonicalrequest.h"

#include "signing/sha256.h"

#include <algorithm>
#include <utility>

namespace {

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

bool isEscapeAt(QByteArrayView text, qsizetype i)
{
    return text.at(i) == '%' && i + 2 < text.size() && isHexDigit(text.at(i + 1))
        && isHexDigit(text.at(i + 2));
}

enum class Escapes { Encode, Keep };

QByteArray uriEncode(QByteArrayView text, bool keepSlash, Escapes escapes = Escapes::Encode)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray encoded;
    encoded.reserve(text.size() * 3);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (isUnreserved(c) || (keepSlash && c == '/') || (escapes == Escapes::Keep && isEscapeAt(text, i))) {
            encoded.append(c);
            continue;
        }
        const auto byte = static_cast<unsigned char>(c);
        encoded.append('%');
        encoded.append(hex[byte >> 4]);
        encoded.append(hex[byte & 0x0F]);
    }
    return encoded;
}

QByteArray percentDecode(QByteArrayView text)
{
    QByteArray decoded;
    decoded.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isEscapeAt(text, i)) {
            decoded.append(QByteArray::fromHex(text.sliced(i + 1, 2).toByteArray()));
            i += 2;
        } else {
            decoded.append(text.at(i));
        }
    }
    return decoded;
}

// RFC 3986 dot-segment removal, plus dropping empty segments as AWS does for duplicate slashes.
QByteArray normalizedPath(QByteArrayView path)
{
    const QList<QByteArray> segments = path.toByteArray().split('/');
    QList<QByteArray> kept;
    for (const QByteArray &segment : segments) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
            continue;
        }
        kept.append(segment);
    }
    const QByteArray &last = segments.constLast();
    const bool endsAsDirectory = last.isEmpty() || last == "." || last == "..";
    QByteArray result = '/' + kept.join('/');
    if (endsAsDirectory && !kept.isEmpty())
        result.append('/');
    return result;
}

} // namespace

namespace SigV4 {

QByteArray canonicalUri(QByteArrayView rawPath, bool normalizePath, bool doubleEncodePath)
{
    const QByteArray path = rawPath.isEmpty() ? QByteArray("/")
        : normalizePath                       ? normalizedPath(rawPath)
                                              : rawPath.toByteArray();
    // The wire path is already encoded once; non-S3 services expect the signer to encode it again.
    return uriEncode(path, true, doubleEncodePath ? Escapes::Encode : Escapes::Keep);
}

QByteArray canonicalQuery(QByteArrayView rawQuery)
{
    QList<std::pair<QByteArray, QByteArray>> parameters;
    for (const QByteArray &parameter : rawQuery.toByteArray().split('&')) {
        if (parameter.isEmpty())
            continue;
        const qsizetype equals = parameter.indexOf('=');
        const QByteArray key = equals < 0 ? parameter : parameter.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : parameter.mid(equals + 1);
        parameters.append({uriEncode(percentDecode(key), false), uriEncode(percentDecode(value), false)});
    }
    std::sort(parameters.begin(), parameters.end());
    QByteArray query;
    for (const auto &[key, value] : std::as_const(parameters)) {
        if (!query.isEmpty())
            query.append('&');
        query += key + '=' + value;
    }
    return query;
}

QByteArray canonicalHeaderValue(QByteArrayView rawValue)
{
    // Folds continuation lines and runs of spaces alike, as the suite's multi-line and trim cases require.
    return rawValue.toByteArray().simplified();
}

QByteArray canonicalRequest(const SignableRequest &request, const QList<QByteArray> &lowercaseNames,
                            bool normalizePath, bool doubleEncodePath)
{
    QByteArray headerBlock;
    for (const QByteArray &name : lowercaseNames) {
        QByteArray joined;
        bool first = true;
        for (const auto &[rawName, rawValue] : request.headers) {
            if (rawName.trimmed().toLower() != name)
                continue;
            if (!first)
                joined.append(',');
            joined.append(canonicalHeaderValue(rawValue));
            first = false;
        }
        headerBlock.append(name + ':' + joined + '\n');
    }
    return request.method + '\n' + canonicalUri(request.path, normalizePath, doubleEncodePath) + '\n'
        + canonicalQuery(request.query) + '\n' + headerBlock + '\n' + lowercaseNames.join(';') + '\n'
        + sha256Hex(request.body);
}

QByteArray credentialScope(QByteArrayView date, QByteArrayView region, QByteArrayView service)
{
    return date.toByteArray() + '/' + region.toByteArray() + '/' + service.toByteArray() + '/'
        + scopeTerminator.toByteArray();
}

QByteArray stringToSign(QByteArrayView amzDate, QByteArrayView scope, QByteArrayView canonicalRequest)
{
    return algorithm.toByteArray() + '\n' + amzDate.toByteArray() + '\n' + scope.toByteArray() + '\n'
        + sha256Hex(canonicalRequest);
}

QByteArray signingKey(QByteArrayView secretAccessKey, QByteArrayView date, QByteArrayView region,
                      QByteArrayView service)
{
    const QByteArray dateKey = hmacSha256(QByteArray("AWS4" + secretAccessKey.toByteArray()), date);
    const QByteArray regionKey = hmacSha256(dateKey, region);
    const QByteArray serviceKey = hmacSha256(regionKey, service);
    return hmacSha256(serviceKey, scopeTerminator);
}

} // namespace SigV4
