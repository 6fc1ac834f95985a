#pragma once

#include "signing/signablerequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// The pieces of a SigV4 signature that the signer and the verifier must compute identically.
namespace SigV4 {

inline constexpr QByteArrayView algorithm = "AWS4-HMAC-SHA256";
inline constexpr QByteArrayView scopeTerminator = "aws4_request";

QByteArray canonicalUri(QByteArrayView rawPath, bool normalizePath, bool doubleEncodePath);
QByteArray canonicalQuery(QByteArrayView rawQuery);
QByteArray canonicalHeaderValue(QByteArrayView rawValue);

// lowercaseNames gives the headers to sign, in the order they are to appear.
QByteArray canonicalRequest(const SignableRequest &request, const QList<QByteArray> &lowercaseNames,
                            bool normalizePath, bool doubleEncodePath);

QByteArray credentialScope(QByteArrayView date, QByteArrayView region, QByteArrayView service);
QByteArray stringToSign(QByteArrayView amzDate, QByteArrayView scope, QByteArrayView canonicalRequest);
QByteArray signingKey(QByteArrayView secretAccessKey, QByteArrayView date, QByteArrayView region,
                      QByteArrayView service);

} // namespace SigV4
