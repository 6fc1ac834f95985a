#pragma once

#include <QList>
#include <QObject>
#include <QTimer>

// After an opt-in: asks for a re-read on a growing interval, and stops when no account is on its
// way any more, when nothing has moved for several re-reads, or after a bounded number of them.
class OptInPoll : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        int firstDelayMs = 3000;
        double backoff = 1.6;
        int longestDelayMs = 60000;
        int quietRounds = 4; // re-reads in a row with nothing moved
        int maxRounds = 25;
    };
    enum class StopReason { Settled, NothingMoved, TooManyRounds, Stopped };
    Q_ENUM(StopReason)

    explicit OptInPoll(QObject *parent = nullptr);

    void setSettings(Settings settings) { m_settings = settings; }
    const Settings &settings() const { return m_settings; }
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    int round() const { return m_round; }
    int nextDelayMs() const { return m_delayMs; }
    qint64 quietForMs() const { return m_quietMs; }

    // A re-read is in: a fingerprint of what it showed (counts by status, say) and how many
    // accounts are still on their way (Pending). Schedules the next re-read or stops.
    void observe(const QList<int> &fingerprint, int stillMoving);
    // A re-read failed; counts as a round in which nothing moved.
    void observeFailure();

Q_SIGNALS:
    void rereadDue(int round);
    void stopped(StopReason reason);

private:
    void scheduleNext(bool moved);
    void finish(StopReason reason);

    Settings m_settings;
    QTimer m_timer;
    bool m_running = false;
    int m_round = 0;
    int m_quietRounds = 0;
    qint64 m_quietMs = 0;
    int m_delayMs = 0;
    QList<int> m_last;
};
