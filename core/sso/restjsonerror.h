#pragma once

#include "http/httpexchange.h"

#include <QString>

// An error from a REST-JSON service (the SSO portal, SSO OIDC): the code from x-amzn-ErrorType or
// the body's "__type"/"error", the text from "message" or "error_description".
struct RestJsonError
{
    int httpStatus = 0;
    QString code;
    QString message;
};

RestJsonError parseRestJsonError(const HttpAnswer &answer);
