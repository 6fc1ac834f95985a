#pragma once

#include "client/awsclient.h"

#include <memory>

// Sends request and reads a 2xx answer with read, which returns the value or a sentence saying why
// the body does not hold one (retried like a body cut short, then the call's failure). done runs
// once on client's thread with the value or the client's failure. The call can be aborted like send's.
template<typename Value>
AwsCall *sendParsed(AwsClient &client, AwsRequest request,
                std::function<Expected<Value>(const QByteArray &body)> read,
                std::function<void(const Expected<Value, AwsFailure> &)> done)
{
    auto value = std::make_shared<Value>();
    request.readBody = [value, read = std::move(read)](const QByteArray &body) {
        Expected<Value> parsed = read(body);
        if (!parsed)
            return parsed.error();
        *value = std::move(parsed.value());
        return QString();
    };
    return client.send(std::move(request), [value, done = std::move(done)](const AwsResult &result) {
        if (result)
            done(*value);
        else
            done(Unexpected{result.error()});
    });
}
