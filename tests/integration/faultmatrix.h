#pragma once

#include "simulator/simulatorfault.h"

#include <QTest>

Q_DECLARE_METATYPE(SimulatorFault)

// The rows every call family runs through: transient faults a few retries get past, the same
// faults without end, the server's clock 15 minutes off either way, and credentials the service
// calls expired once or for good. A call may make three attempts.
namespace FaultMatrix {

inline constexpr int MaxAttempts = 3;
inline constexpr int Forever = 1000;

enum class Ending { Completes, ClearError };

inline void addColumns()
{
    QTest::addColumn<bool>("faulty");
    QTest::addColumn<SimulatorFault>("fault");
    QTest::addColumn<int>("times");
    QTest::addColumn<qint64>("clockOffsetSeconds");
    QTest::addColumn<int>("ending");
}

inline void addRow(const char *name, SimulatorFault fault, int times, Ending ending)
{
    QTest::newRow(name) << true << fault << times << qint64(0) << int(ending);
}

inline void addRows()
{
    addColumns();
    addRow("throttled twice (400)", SimulatorFault::Throttling400, 2, Ending::Completes);
    addRow("throttled twice (429)", SimulatorFault::Throttling429, 2, Ending::Completes);
    addRow("throttling storm", SimulatorFault::Throttling400, Forever, Ending::ClearError);
    addRow("500 twice", SimulatorFault::InternalError500, 2, Ending::Completes);
    addRow("503 twice", SimulatorFault::Unavailable503, 2, Ending::Completes);
    addRow("5xx without end", SimulatorFault::Unavailable503, Forever, Ending::ClearError);
    addRow("connection reset twice", SimulatorFault::ConnectionReset, 2, Ending::Completes);
    addRow("connection reset without end", SimulatorFault::ConnectionReset, Forever, Ending::ClearError);
    addRow("body cut off twice", SimulatorFault::TruncatedBody, 2, Ending::Completes);
    addRow("body cut off without end", SimulatorFault::TruncatedBody, Forever, Ending::ClearError);
    QTest::newRow("server clock 15 minutes ahead") << false << SimulatorFault::Throttling400 << 0 << qint64(900)
                                                   << int(Ending::Completes);
    QTest::newRow("server clock 15 minutes behind") << false << SimulatorFault::Throttling400 << 0 << qint64(-900)
                                                    << int(Ending::Completes);
    addRow("credentials expired once", SimulatorFault::ExpiredToken, 1, Ending::Completes);
    addRow("credentials expired for good", SimulatorFault::ExpiredToken, Forever, Ending::ClearError);
}

// The requests the server saw for the chosen one: each fault costs one more; a skewed clock
// costs one (the refusal whose Date teaches the offset), and only once.
inline int extraRequests(bool faulty, int times, qint64 clockOffsetSeconds)
{
    if (!faulty)
        return clockOffsetSeconds != 0 ? 1 : 0;
    return times;
}

// Words a person can act on, by fault: what happened, or what to do about it.
inline QStringList adviceFor(SimulatorFault fault)
{
    switch (fault) {
    case SimulatorFault::Throttling400:
    case SimulatorFault::Throttling429:
        return {QStringLiteral("throttl"), QStringLiteral("rate")};
    case SimulatorFault::InternalError500:
    case SimulatorFault::Unavailable503:
        return {QStringLiteral("unavailable"), QStringLiteral("internal error"), QStringLiteral("try again")};
    case SimulatorFault::ConnectionReset:
    case SimulatorFault::TruncatedBody:
        return {QStringLiteral("connection"), QStringLiteral("closed"), QStringLiteral("network")};
    case SimulatorFault::ExpiredToken:
        return {QStringLiteral("expired"), QStringLiteral("sign in"), QStringLiteral("sso login")};
    default:
        return {};
    }
}

inline bool mentionsAny(const QString &message, const QStringList &words)
{
    for (const QString &word : words) {
        if (message.contains(word, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// A clear error: it says what happened and what to do next, in one tidy sentence or two.
inline bool isClear(const QString &message, SimulatorFault fault)
{
    const QStringList actions{QStringLiteral("retry"), QStringLiteral("again"), QStringLiteral("check"),
                              QStringLiteral("wait"), QStringLiteral("renew"), QStringLiteral("run '")};
    return mentionsAny(message, adviceFor(fault)) && mentionsAny(message, actions) && !message.contains(u"..");
}

} // namespace FaultMatrix
