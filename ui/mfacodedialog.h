#pragma once

#include "profiles/mfacodeprompt.h"

// Asks for an MFA code in a dialog over the active window. The credential source calls it on its
// worker thread; the dialog opens on the GUI thread without blocking either of them.
class MfaCodeDialogPrompt final : public MfaCodePrompt
{
public:
    void requestCode(const MfaCodeRequest &request, QObject *context, MfaCodeReady done) override;
};
