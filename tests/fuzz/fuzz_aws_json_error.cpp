// An error answer: status, headers and body, as the awsJson1_0 protocol defines them, and the
// clock-skew check that reads the same answer's Date header.
#include "fuzzcheck.h"

#include "network/enrollmenterror.h"
#include "client/clockskew.h"

#include <QDateTime>

#include <cstdlib>

namespace {

// Two bytes of status, then "Name: value" lines up to a blank line, then the body.
struct ErrorAnswer
{
    int status = 400;
    HttpHeaders headers;
    QByteArray body;
};

ErrorAnswer readAnswer(const QByteArray &input)
{
    ErrorAnswer answer;
    if (input.size() < 2)
        return answer;
    answer.status = 100 + (quint8(input.at(0)) << 8 | quint8(input.at(1))) % 500;
    const QByteArray rest = input.mid(2);
    const qsizetype split = rest.indexOf("\n\n");
    const QByteArray head = split < 0 ? QByteArray() : rest.left(split);
    answer.body = split < 0 ? rest : rest.mid(split + 2);
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            answer.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    return answer;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ErrorAnswer answer = readAnswer(fuzzBytes(data, size));
    const AwsError error = parseAwsJsonError(answer.status, answer.headers, answer.body);
    fuzzCheck(error.httpStatus == answer.status, "the status is kept");
    fuzzCheck(!error.code.contains(u':'), "an error code carries no URI suffix", error.code);
    fuzzCheck(!explainEnrollmentError(error).isEmpty(), "every error is explained");

    const QDateTime now = QDateTime(QDate(2024, 4, 4), QTime(12, 0), Qt::UTC);
    for (const auto &[name, value] : answer.headers) {
        if (name.compare("Date", Qt::CaseInsensitive) != 0)
            continue;
        (void)parseHttpDate(value);
        if (const auto skew = clockSkewCorrectionMs(error, value, now))
            fuzzCheck(std::llabs(*skew) > ClockSkewThresholdMs, "only a real skew is corrected");
    }
    return 0;
}
