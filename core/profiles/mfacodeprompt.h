#pragma once

#include "common/expected.h"

#include <QString>

#include <functional>

class QObject;

struct MfaCodeRequest
{
    QString profileName; // the profile with mfa_serial
    QString mfaSerial;   // the device: arn:aws:iam::123456789012:mfa/name, or a hardware serial
    QString roleArn;     // the role the code unlocks
};

using MfaCodeReady = std::function<void(const Expected<QString> &code)>;

// Asks the person at the machine for the current code of an MFA device, for a profile with
// mfa_serial. The GUI shows a dialog; a headless run reads the terminal.
class MfaCodePrompt
{
public:
    virtual ~MfaCodePrompt() = default;

    // Called on the thread that fetches credentials (context's thread; never the GUI thread):
    // an implementation that needs another thread posts there. done may be called from any
    // thread, once; an error (the person cancelled, there is no terminal) ends the load with
    // that sentence. Objects the prompt creates here may be children of context.
    virtual void requestCode(const MfaCodeRequest &request, QObject *context, MfaCodeReady done) = 0;
};
