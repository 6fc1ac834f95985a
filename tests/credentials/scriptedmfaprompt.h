#pragma once

#include "profiles/mfacodeprompt.h"

#include <QThread>
#include <QTimer>

// An MFA prompt that answers as a test tells it: a code or a refusal, later on this thread or
// from a thread of its own (as the GUI's dialog answers from the GUI thread).
class ScriptedMfaPrompt final : public MfaCodePrompt
{
public:
    void requestCode(const MfaCodeRequest &request, QObject *, MfaCodeReady done) override
    {
        requests.append(request);
        const Expected<QString> code = answer;
        if (fromAnotherThread) {
            QThread *thread = QThread::create([done, code] { done(code); });
            QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
            thread->start();
            return;
        }
        QTimer::singleShot(0, [done, code] { done(code); });
    }

    Expected<QString> answer = QStringLiteral("123456");
    bool fromAnotherThread = false;
    QList<MfaCodeRequest> requests;
};
