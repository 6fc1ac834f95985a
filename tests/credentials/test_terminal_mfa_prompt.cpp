// The headless run's MFA prompt: it asks on the terminal and reads the code typed there (a
// pseudo-terminal stands in for the person), and without a terminal it fails at once, clearly.
#include "terminalmfaprompt.h"

#include <QSocketNotifier>
#include <QTest>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

namespace {

const MfaCodeRequest Request{QStringLiteral("audit"), QStringLiteral("arn:aws:iam::111122223333:mfa/jane"),
                             QStringLiteral("arn:aws:iam::111122223333:role/Audit")};

// The person's side of a pseudo-terminal; the prompt opens the other side by its path.
class PseudoTerminal
{
public:
    PseudoTerminal()
    {
        m_master = posix_openpt(O_RDWR | O_NOCTTY);
        if (m_master >= 0 && grantpt(m_master) == 0 && unlockpt(m_master) == 0)
            m_path = QString::fromLocal8Bit(ptsname(m_master));
    }
    ~PseudoTerminal()
    {
        if (m_master >= 0)
            ::close(m_master);
    }
    bool isValid() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }
    bool type(const QByteArray &text) const { return ::write(m_master, text.constData(), size_t(text.size())) == text.size(); }
    void hangUp()
    {
        ::close(m_master);
        m_master = -1;
    }
    // What the prompt wrote, as far as it has arrived.
    QByteArray screen() const
    {
        QByteArray shown;
        const int flags = fcntl(m_master, F_GETFL);
        fcntl(m_master, F_SETFL, flags | O_NONBLOCK);
        char buffer[512];
        ssize_t count = 0;
        while ((count = ::read(m_master, buffer, sizeof buffer)) > 0)
            shown.append(buffer, count);
        fcntl(m_master, F_SETFL, flags);
        return shown;
    }

private:
    int m_master = -1;
    QString m_path;
};

} // namespace

class TerminalMfaPromptTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldAskOnTheTerminalAndReadTheCode();
    void shouldFailClearlyWithoutATerminal();
    void shouldFailWhenTheTerminalCloses();
};

void TerminalMfaPromptTest::shouldAskOnTheTerminalAndReadTheCode()
{
    PseudoTerminal terminal;
    QVERIFY(terminal.isValid());
    TerminalMfaPrompt prompt(terminal.path());
    std::optional<Expected<QString>> code;
    QObject context; // the reader dies with it, before code does
    prompt.requestCode(Request, &context, [&code](const Expected<QString> &answer) { code = answer; });

    QByteArray screen; // what the person sees, as it arrives
    QTRY_VERIFY((screen += terminal.screen()).contains("Enter MFA code for arn:aws:iam::111122223333:mfa/jane: "));
    QVERIFY(!code);
    QVERIFY(terminal.type("123456\n"));
    QTRY_VERIFY(code.has_value());
    QVERIFY2(*code, *code ? "" : qPrintable(code->error()));
    QCOMPARE(code->value(), QStringLiteral("123456"));
}

void TerminalMfaPromptTest::shouldFailClearlyWithoutATerminal()
{
    TerminalMfaPrompt prompt(QStringLiteral("/nonexistent/tty"));
    std::optional<Expected<QString>> code;
    QObject context; // the reader dies with it, before code does
    prompt.requestCode(Request, &context, [&code](const Expected<QString> &answer) { code = answer; });
    QVERIFY(code.has_value()); // at once: there is nothing to wait for
    QVERIFY(!*code);
    QCOMPARE(code->error(),
             QStringLiteral("Profile 'audit' needs a code from the MFA device arn:aws:iam::111122223333:mfa/jane "
                            "(mfa_serial), and there is no terminal to ask for it (No such file or directory). Run the "
                            "export from a terminal, or choose a profile without mfa_serial."));
}

void TerminalMfaPromptTest::shouldFailWhenTheTerminalCloses()
{
    PseudoTerminal terminal;
    QVERIFY(terminal.isValid());
    TerminalMfaPrompt prompt(terminal.path());
    std::optional<Expected<QString>> code;
    QObject context; // the reader dies with it, before code does
    prompt.requestCode(Request, &context, [&code](const Expected<QString> &answer) { code = answer; });
    QByteArray screen;
    QTRY_VERIFY((screen += terminal.screen()).contains("Enter MFA code"));
    terminal.hangUp();
    QTRY_VERIFY(code.has_value());
    QVERIFY(!*code);
    QCOMPARE(code->error(), QStringLiteral("The terminal closed before an MFA code for profile 'audit' was entered."));
}

QTEST_GUILESS_MAIN(TerminalMfaPromptTest)
#include "test_terminal_mfa_prompt.moc"
