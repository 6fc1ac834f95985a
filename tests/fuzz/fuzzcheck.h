#pragma once

#include <QByteArray>
#include <QString>

#include <cstdio>
#include <cstdlib>

// A broken promise is a crash, so libFuzzer keeps the input that broke it.
inline void fuzzCheck(bool holds, const char *promise, const QString &detail = {})
{
    if (holds)
        return;
    std::fprintf(stderr, "Broken promise: %s\n%s\n", promise, detail.toUtf8().constData());
    std::abort();
}

inline QByteArray fuzzBytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}
