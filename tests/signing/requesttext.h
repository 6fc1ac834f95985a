#pragma once

#include "signing/signablerequest.h"

#include <QByteArray>

// Reads the suite's request.txt form: request line, headers (continuation lines start with
// whitespace and are kept verbatim), a blank line, then the body as raw bytes.
SignableRequest parseRequestText(const QByteArray &text);

QByteArray headerNamed(const SignableRequest &request, QByteArrayView lowercaseName);
