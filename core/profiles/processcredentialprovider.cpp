#include "profiles/processcredentialprovider.h"
#include "client/awsclient.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

namespace {

constexpr qsizetype MaxErrorTextLength = 2'000;

QString standardErrorText(QByteArray bytes)
{
    QString text = QString::fromUtf8(bytes).trimmed();
    if (text.size() > MaxErrorTextLength)
        text = text.left(MaxErrorTextLength) + QStringLiteral("...");
    return text;
}

QString describeVersion(const QJsonValue &version)
{
    if (version.isUndefined())
        return QStringLiteral("no Version");
    if (version.isDouble())
        return QStringLiteral("Version ") + QString::number(version.toDouble());
    if (version.isString())
        return QStringLiteral("Version \"%1\"").arg(version.toString());
    return QStringLiteral("a Version that is not a number");
}

} // namespace

Expected<AwsCredentials> parseCredentialProcessOutput(const QByteArray &output)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(output, &parseError);
    if (!document.isObject())
        return Unexpected{QStringLiteral("its output is not a JSON object")};
    const QJsonObject object = document.object();
    const QJsonValue version = object.value(QLatin1String("Version"));
    if (!version.isDouble() || version.toDouble() != 1.0)
        return Unexpected{QStringLiteral("its output has %1; only Version 1 is supported").arg(describeVersion(version))};
    AwsCredentials credentials;
    for (const auto &[key, target] : {std::pair{"AccessKeyId", &credentials.accessKeyId},
                                      std::pair{"SecretAccessKey", &credentials.secretAccessKey}}) {
        *target = object.value(QLatin1String(key)).toString();
        if (target->isEmpty())
            return Unexpected{QStringLiteral("its output has no %1").arg(QLatin1String(key))};
    }
    credentials.sessionToken = object.value(QLatin1String("SessionToken")).toString();
    const QJsonValue expiration = object.value(QLatin1String("Expiration"));
    if (!expiration.isUndefined() && !expiration.isNull()) {
        const QDateTime when = QDateTime::fromString(expiration.toString(), Qt::ISODateWithMs);
        if (!when.isValid())
            return Unexpected{QStringLiteral("its Expiration is not an ISO 8601 time such as 2030-01-31T12:00:00Z")};
        credentials.expiration = when.toUTC();
    }
    return credentials;
}

ProcessCredentialProvider::ProcessCredentialProvider(QString profileName, QStringList commandWords,
                                                     QProcessEnvironment environment,
                                                     std::shared_ptr<const Clock> clock, int timeLimitMs)
    : RefreshingCredentialProvider(std::move(clock))
    , m_profileName(std::move(profileName))
    , m_words(std::move(commandWords))
    , m_environment(std::move(environment))
    , m_timeLimitMs(timeLimitMs)
{
}

QString ProcessCredentialProvider::sourceDescription() const
{
    return QStringLiteral("credential_process of profile '%1'").arg(m_profileName);
}

void ProcessCredentialProvider::fetchCredentials(AwsClient &client, CredentialRenewal, CredentialsReady done)
{
    // Only the program's name goes into messages: arguments may carry secrets.
    const QString program = m_words.isEmpty() ? QString() : QFileInfo(m_words.first()).fileName();
    const QString subject = QStringLiteral("The credential_process '%1' of profile '%2'").arg(program, m_profileName);
    if (m_words.isEmpty()) {
        done(Unexpected{QStringLiteral("Profile '%1' has an empty credential_process. Set it to the command that "
                                       "prints your credentials, or remove it.")
                            .arg(m_profileName)});
        return;
    }

    auto *process = new QProcess(&client);
    auto *timer = new QTimer(process);
    auto answered = std::make_shared<bool>(false);
    auto finish = [process, answered, done](const CredentialResult &result) {
        if (std::exchange(*answered, true))
            return;
        process->deleteLater();
        done(result);
    };

    process->setProgram(m_words.first());
    process->setArguments(m_words.mid(1));
    process->setProcessEnvironment(m_environment);
    // As AWS CLI does, the helper may talk to the person on our terminal.
    process->setInputChannelMode(QProcess::ForwardedInputChannel);

    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, process, [process, finish, subject, limit = m_timeLimitMs] {
        process->kill();
        finish(Unexpected{QStringLiteral("%1 did not finish within %2 seconds and was stopped. Run it in a "
                                         "terminal to see where it waits.")
                              .arg(subject)
                              .arg(limit / 1000.0)});
    });
    QObject::connect(process, &QProcess::errorOccurred, process, [process, finish, subject](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        finish(Unexpected{QStringLiteral("%1 could not be started (%2). Check that the program exists and is "
                                         "executable, or correct credential_process.")
                              .arg(subject, process->errorString())});
    });
    QObject::connect(process, &QProcess::finished, process,
                     [process, finish, subject](int exitCode, QProcess::ExitStatus status) {
                         if (status != QProcess::NormalExit) {
                             finish(Unexpected{QStringLiteral("%1 crashed. Run it in a terminal to see why.").arg(subject)});
                             return;
                         }
                         if (exitCode != 0) {
                             const QString stderrText = standardErrorText(process->readAllStandardError());
                             finish(Unexpected{QStringLiteral("%1 failed with exit code %2%3")
                                                   .arg(subject)
                                                   .arg(exitCode)
                                                   .arg(stderrText.isEmpty() ? QStringLiteral(".")
                                                                             : QStringLiteral(": ") + stderrText)});
                             return;
                         }
                         const Expected<AwsCredentials> credentials =
                             parseCredentialProcessOutput(process->readAllStandardOutput());
                         if (!credentials) {
                             finish(Unexpected{QStringLiteral("%1 ran, but %2. It must print JSON with Version 1, "
                                                              "AccessKeyId and SecretAccessKey.")
                                                   .arg(subject, credentials.error())});
                             return;
                         }
                         finish(credentials.value());
                     });
    timer->start(m_timeLimitMs);
    process->start();
}
