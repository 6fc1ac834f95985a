#include "terminalmfaprompt.h"

#include <QFile>
#include <QObject>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {

constexpr qsizetype LongestLine = 256;

// Owns the terminal's file descriptor while one line is read from it.
class TerminalLineReader final : public QObject
{
public:
    TerminalLineReader(int fd, MfaCodeReady done, QString profileName, QObject *parent)
        : QObject(parent)
        , m_fd(fd)
        , m_done(std::move(done))
        , m_profileName(std::move(profileName))
        , m_notifier(new QSocketNotifier(fd, QSocketNotifier::Read, this))
    {
        connect(m_notifier, &QSocketNotifier::activated, this, [this] { readAvailable(); });
    }

    ~TerminalLineReader() override { ::close(m_fd); }

private:
    void readAvailable()
    {
        char buffer[64];
        const ssize_t count = ::read(m_fd, buffer, sizeof buffer);
        if (count < 0 && (errno == EINTR || errno == EAGAIN))
            return;
        if (count <= 0) {
            finish(Unexpected{QStringLiteral("The terminal closed before an MFA code for profile '%1' was entered.")
                                  .arg(m_profileName)});
            return;
        }
        m_line.append(buffer, count);
        const qsizetype newline = m_line.indexOf('\n');
        if (newline >= 0) {
            finish(QString::fromUtf8(m_line.left(newline)).trimmed());
            return;
        }
        if (m_line.size() > LongestLine)
            finish(Unexpected{QStringLiteral("That is not an MFA code. Load again and enter the six digits.")});
    }

    void finish(const Expected<QString> &code)
    {
        m_notifier->setEnabled(false);
        const MfaCodeReady done = std::move(m_done);
        deleteLater();
        done(code);
    }

    int m_fd;
    MfaCodeReady m_done;
    QString m_profileName;
    QSocketNotifier *m_notifier;
    QByteArray m_line;
};

} // namespace

TerminalMfaPrompt::TerminalMfaPrompt(QString terminalPath)
    : m_terminalPath(std::move(terminalPath))
{
}

void TerminalMfaPrompt::requestCode(const MfaCodeRequest &request, QObject *context, MfaCodeReady done)
{
    const int fd = ::open(QFile::encodeName(m_terminalPath).constData(), O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        done(Unexpected{QStringLiteral("Profile '%1' needs a code from the MFA device %2 (mfa_serial), and there is no "
                                       "terminal to ask for it (%3). Run the export from a terminal, or choose a "
                                       "profile without mfa_serial.")
                            .arg(request.profileName, request.mfaSerial, QString::fromLocal8Bit(std::strerror(errno)))});
        return;
    }
    const QByteArray prompt = QStringLiteral("Enter MFA code for %1: ").arg(request.mfaSerial).toUtf8();
    if (::write(fd, prompt.constData(), size_t(prompt.size())) < 0) {
        ::close(fd);
        done(Unexpected{QStringLiteral("Could not write to the terminal to ask for the MFA code of profile '%1'.")
                            .arg(request.profileName)});
        return;
    }
    new TerminalLineReader(fd, std::move(done), request.profileName, context);
}
