#pragma once

#include "common/expected.h"

#include <QObject>

#include <functional>

class QSocketNotifier;

// One yes-or-no question on the controlling terminal (/dev/tty, so stdin and stdout may be
// redirected), answered by a line, read without blocking the event loop.
class TerminalQuestion : public QObject
{
    Q_OBJECT

public:
    explicit TerminalQuestion(QString terminalPath = QStringLiteral("/dev/tty"), QObject *parent = nullptr);
    ~TerminalQuestion() override;

    // Opens the terminal; empty, or why there is none.
    QString open();
    // Writes question and reads one line: done(true) for "y" or "yes", done(false) for anything else;
    // an error when the terminal closes first.
    void ask(const QString &question, std::function<void(const Expected<bool> &)> done);

private:
    void readAvailable();
    void finish(const Expected<bool> &answer);

    QString m_terminalPath;
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_line;
    std::function<void(const Expected<bool> &)> m_done;
};
