// What the window offers when credentials need a person: the command that signs in again, and a
// dialog for an MFA code asked for from the worker thread.
#include "emptystatepanel.h"
#include "mainwindow.h"
#include "mfacodedialog.h"
#include "client/credentialprovider.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QInputDialog>
#include <QPushButton>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

namespace {

class ExpiredSsoSession final : public CredentialProvider
{
public:
    void requestCredentials(AwsClient &, CredentialRenewal, CredentialsReady done) override
    {
        done(CredentialResult(Unexpected{CredentialError(
            QStringLiteral("The IAM Identity Center session for profile 'dev' has expired."),
            QStringLiteral("aws sso login --profile dev"))}));
    }
    QString sourceDescription() const override { return QStringLiteral("IAM Identity Center"); }
};

QInputDialog *openMfaDialog()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (widget->objectName() == u"mfaCodeDialog" && widget->isVisible())
            return qobject_cast<QInputDialog *>(widget);
    }
    return nullptr;
}

} // namespace

class CredentialPromptsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void shouldOfferToCopyTheSignInCommand();
    void shouldAskForTheMfaCodeFromAWorkerThread();
    void shouldRefuseACancelledOrMalformedMfaCode_data();
    void shouldRefuseACancelledOrMalformedMfaCode();

private:
    // Asks from a worker thread as a credential source does; answer plays the person.
    void askFromWorker(const std::function<void(QInputDialog *)> &answer, std::optional<Expected<QString>> &result);
};

void CredentialPromptsTest::shouldOfferToCopyTheSignInCommand()
{
    QTemporaryDir dir;
    WindowSetup setup;
    setup.queryFactory = [](const QString &, const QString &) -> Expected<EnrollmentQuery> {
        EnrollmentQuery query;
        query.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9"));
        query.signingRegion = QStringLiteral("us-east-1");
        query.credentials = std::make_shared<ExpiredSsoSession>();
        return query;
    };
    MainWindow window(std::move(setup), WindowSettings(dir.filePath(QStringLiteral("settings.ini"))));
    window.show();
    window.findChild<QAction *>(QStringLiteral("refreshAction"))->trigger();
    auto *empty = window.findChild<EmptyStatePanel *>(QStringLiteral("emptyState"));
    QTRY_COMPARE(empty->offeredCommand(), QStringLiteral("aws sso login --profile dev"));
    QVERIFY(empty->detail().contains(QStringLiteral("has expired")));
    QPushButton *copy = empty->copyCommandButton();
    QVERIFY(copy->isVisible());
    QVERIFY(!copy->accessibleName().isEmpty());
    QGuiApplication::clipboard()->clear();
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("aws sso login --profile dev"));
}

void CredentialPromptsTest::askFromWorker(const std::function<void(QInputDialog *)> &answer,
                                          std::optional<Expected<QString>> &result)
{
    QThread worker;
    worker.start();
    QObject context;
    context.moveToThread(&worker);
    MfaCodeDialogPrompt prompt;
    auto stop = qScopeGuard([&] {
        worker.quit();
        worker.wait();
    });
    QMetaObject::invokeMethod(&context, [&] {
        prompt.requestCode(MfaCodeRequest{QStringLiteral("admin"), QStringLiteral("arn:aws:iam::111122223333:mfa/me"),
                                          QStringLiteral("arn:aws:iam::111122223333:role/Audit")},
                           &context, [&](const Expected<QString> &code) {
                               QMetaObject::invokeMethod(this, [&result, code] { result = code; });
                           });
    });
    QInputDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = openMfaDialog()) != nullptr, 5000);
    if (dialog) {
        QVERIFY2(dialog->labelText().contains(QStringLiteral("arn:aws:iam::111122223333:mfa/me")),
                 qPrintable(dialog->labelText()));
        answer(dialog);
    }
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
}

void CredentialPromptsTest::shouldAskForTheMfaCodeFromAWorkerThread()
{
    std::optional<Expected<QString>> code;
    askFromWorker([](QInputDialog *dialog) {
        dialog->setTextValue(QStringLiteral(" 123456 "));
        dialog->accept();
    }, code);
    QVERIFY(code.has_value() && code->hasValue());
    QCOMPARE(code->value(), QStringLiteral("123456"));
}

void CredentialPromptsTest::shouldRefuseACancelledOrMalformedMfaCode_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("cancel");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("cancelled") << QString() << true << QStringLiteral("No MFA code was given");
    QTest::newRow("letters") << QStringLiteral("12ab56") << false << QStringLiteral("6 digits");
    QTest::newRow("too short") << QStringLiteral("123") << false << QStringLiteral("6 digits");
}

void CredentialPromptsTest::shouldRefuseACancelledOrMalformedMfaCode()
{
    QFETCH(QString, typed);
    QFETCH(bool, cancel);
    QFETCH(QString, mentions);
    std::optional<Expected<QString>> code;
    askFromWorker([&](QInputDialog *dialog) {
        dialog->setTextValue(typed);
        if (cancel)
            dialog->reject();
        else
            dialog->accept();
    }, code);
    QVERIFY(code.has_value() && !code->hasValue());
    QVERIFY2(code->error().contains(mentions), qPrintable(code->error()));
}

QTEST_MAIN(CredentialPromptsTest)
#include "test_ui_credential_prompts.moc"
