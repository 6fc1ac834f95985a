#pragma once

#include "http/networksettings.h"

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <utility>

class QObject;

using HttpHeaderList = QList<std::pair<QByteArray, QByteArray>>;

// One request as it goes out. Built again for every attempt, so that a retry is signed afresh.
struct HttpMessage
{
    QByteArray method = "GET";
    QUrl url;
    HttpHeaderList headers;
    QByteArray body;
};

struct HttpAnswer
{
    int status = 0; // 0 when no HTTP answer arrived
    HttpHeaderList headers;
    QByteArray body;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;
    QStringList tlsErrors;  // why the server's certificate was refused, when it was
    QString settingsError;  // the request never left: a CA bundle that cannot be read

    QByteArray header(QByteArrayView name) const;
    bool isTlsFailure() const;
    bool isTimeout() const { return networkError == QNetworkReply::OperationCanceledError; }
};

struct HttpRetry
{
    int maxAttempts = 3;
    // Which answers are worth another attempt; by default no answer at all (but not a TLS
    // refusal), 429 and 5xx.
    std::function<bool(const HttpAnswer &)> isTransient;
};

using HttpMessageBuilder = std::function<HttpMessage()>;
using HttpAnswerReady = std::function<void(const HttpAnswer &)>;

// Sends a request through a QNetworkAccessManager of its own, made in context's thread with
// the proxies and CA bundle of network, retrying transient failures. Calls done once, on
// context's thread, unless context is destroyed first (which abandons the request).
void sendHttpRequest(const NetworkSettings &network, HttpMessageBuilder build, HttpRetry retry, QObject *context,
                     HttpAnswerReady done);

bool isTransientByDefault(const HttpAnswer &answer);

// "host" or "host:port" exactly as the HTTP stack sends it, so that a signed Host header matches.
QByteArray hostHeaderOf(const QUrl &url);

QByteArray httpUserAgent();

// A sentence for an answer that is not HTTP at all: a refused certificate, a timeout, a
// connection that failed. service names who was called ("AWS STS").
QString describeConnectionFailure(const HttpAnswer &answer, const QUrl &url, const QString &service);
