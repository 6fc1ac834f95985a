#pragma once

#include "profiles/mfacodeprompt.h"

// The MFA prompt of a headless run: asks on the controlling terminal (/dev/tty, so that stdout
// and stdin may be redirected) and reads one line, echoed as it is typed. Without a terminal it
// fails at once with a sentence saying so.
class TerminalMfaPrompt final : public MfaCodePrompt
{
public:
    explicit TerminalMfaPrompt(QString terminalPath = QStringLiteral("/dev/tty"));

    void requestCode(const MfaCodeRequest &request, QObject *context, MfaCodeReady done) override;

private:
    QString m_terminalPath;
};
