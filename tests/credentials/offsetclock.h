#pragma once

#include "signing/clock.h"

#include <atomic>

// The system's time moved forward by an amount a test sets from its own thread while a worker
// thread reads it: how a test makes an hour-long load happen in a second.
class OffsetClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs.load()); }
    void advance(qint64 ms) { m_offsetMs += ms; }
    qint64 offsetMs() const { return m_offsetMs.load(); }

private:
    std::atomic<qint64> m_offsetMs{0};
};
