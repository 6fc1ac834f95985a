#include "mfacodedialog.h"

#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QRegularExpression>

void MfaCodeDialogPrompt::requestCode(const MfaCodeRequest &request, QObject *, MfaCodeReady done)
{
    QMetaObject::invokeMethod(qApp, [request, done = std::move(done)] {
        auto *dialog = new QInputDialog(QApplication::activeWindow());
        dialog->setObjectName(QStringLiteral("mfaCodeDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(QCoreApplication::translate("MfaCodeDialog", "MFA code"));
        dialog->setLabelText(QCoreApplication::translate("MfaCodeDialog",
                                                         "Profile '%1' assumes %2.\nEnter the current code of the MFA "
                                                         "device %3:")
                                 .arg(request.profileName, request.roleArn, request.mfaSerial));
        dialog->setInputMode(QInputDialog::TextInput);
        dialog->setTextEchoMode(QLineEdit::Normal);
        dialog->setOkButtonText(QCoreApplication::translate("MfaCodeDialog", "Continue"));
        auto answered = std::make_shared<bool>(false);
        QObject::connect(dialog, &QInputDialog::textValueSelected, dialog, [done, answered](const QString &text) {
            *answered = true;
            const QString code = text.trimmed();
            if (!QRegularExpression(QStringLiteral("^[0-9]{6}$")).match(code).hasMatch())
                done(Unexpected{QCoreApplication::translate("MfaCodeDialog",
                                                            "The MFA code must be the 6 digits the device shows. "
                                                            "Refresh to try again.")});
            else
                done(code);
        });
        QObject::connect(dialog, &QDialog::finished, dialog, [done, answered, profile = request.profileName](int) {
            if (!*answered)
                done(Unexpected{QCoreApplication::translate("MfaCodeDialog",
                                                            "No MFA code was given for profile '%1', so the role "
                                                            "was not assumed. Refresh to try again.")
                                    .arg(profile)});
        });
        dialog->open();
    }, Qt::QueuedConnection);
}
