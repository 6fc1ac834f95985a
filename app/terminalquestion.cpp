#include "terminalquestion.h"

#include <QFile>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

TerminalQuestion::TerminalQuestion(QString terminalPath, QObject *parent)
    : QObject(parent)
    , m_terminalPath(std::move(terminalPath))
{
}

TerminalQuestion::~TerminalQuestion()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QString TerminalQuestion::open()
{
    if (m_fd >= 0)
        return {};
    m_fd = ::open(QFile::encodeName(m_terminalPath).constData(), O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (m_fd < 0)
        return QString::fromLocal8Bit(std::strerror(errno));
    return {};
}

void TerminalQuestion::ask(const QString &question, std::function<void(const Expected<bool> &)> done)
{
    m_done = std::move(done);
    const QByteArray prompt = (question + QStringLiteral(" [y/N] ")).toUtf8();
    if (m_fd < 0 || ::write(m_fd, prompt.constData(), size_t(prompt.size())) < 0) {
        finish(Unexpected{QStringLiteral("could not write the question to the terminal")});
        return;
    }
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TerminalQuestion::readAvailable);
}

void TerminalQuestion::readAvailable()
{
    char buffer[64];
    const ssize_t count = ::read(m_fd, buffer, sizeof buffer);
    if (count < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (count <= 0) {
        finish(Unexpected{QStringLiteral("the terminal closed before the question was answered")});
        return;
    }
    m_line.append(buffer, count);
    const qsizetype newline = m_line.indexOf('\n');
    if (newline < 0 && m_line.size() < 256)
        return;
    const QString answer = QString::fromUtf8(m_line.left(newline)).trimmed().toLower();
    finish(answer == QLatin1String("y") || answer == QLatin1String("yes"));
}

void TerminalQuestion::finish(const Expected<bool> &answer)
{
    if (m_notifier)
        m_notifier->setEnabled(false);
    if (auto done = std::exchange(m_done, nullptr))
        done(answer);
}
