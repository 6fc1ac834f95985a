// The loopback simulator (behind --demo and every integration test) reads requests from a socket
// in arbitrary pieces and checks their SigV4 signatures: neither may crash on any bytes.
#include "fuzzcheck.h"

#include "signing/sigv4verifier.h"
#include "simulator/httprequestreader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzzBytes(data, size);
    // The first byte picks how the stream is cut into reads, as TCP would.
    const qsizetype piece = input.isEmpty() ? 1 : 1 + quint8(input.at(0)) % 64;
    HttpRequestReader reader;
    for (qsizetype offset = 1; offset < input.size(); offset += piece) {
        reader.append(input.mid(offset, piece));
        for (;;) {
            HttpReadResult result = reader.takeRequest();
            if (result.kind == HttpReadResult::Kind::NeedMoreData)
                break;
            if (result.kind == HttpReadResult::Kind::Malformed) {
                fuzzCheck(result.errorStatus >= 400 && result.errorStatus < 600, "a malformed request gets a 4xx/5xx");
                return 0;
            }
            const ReceivedHttpRequest &request = result.request;
            fuzzCheck(request.body.size() <= HttpRequestReader::maxBodyBytes, "the body limit holds");
            const SignableRequest signable{request.method, request.path, request.query, request.headers, request.body};
            const auto anyKey = [](const QString &) { return std::optional<QString>(QStringLiteral("secret")); };
            (void)verifySigV4(signable, anyKey);
        }
    }
    return 0;
}
