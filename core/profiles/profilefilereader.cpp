#include "profilefilereader.h"

#include <QFile>
#include <QFileInfo>

Expected<QString> readProfileFileText(const QString &path)
{
    if (path.isEmpty())
        return QString();
    const QFileInfo info(path);
    if (!info.exists())
        return QString();
    if (info.isDir()) {
        return Unexpected{QStringLiteral("%1 is a folder, not an AWS settings file. Point "
                                         "AWS_CONFIG_FILE or AWS_SHARED_CREDENTIALS_FILE at a "
                                         "file, or move the folder away.")
                              .arg(path)};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Unexpected{QStringLiteral("Could not read %1 (%2). Check that your user may read "
                                         "it.")
                              .arg(path, file.errorString())};
    }
    // AWS_CONFIG_FILE=/dev/zero or a disk image must not read until memory runs out.
    constexpr qint64 MaxProfileFileBytes = 16 * 1024 * 1024;
    const QByteArray bytes = file.read(MaxProfileFileBytes + 1);
    if (bytes.size() > MaxProfileFileBytes) {
        return Unexpected{QStringLiteral("%1 is larger than 16 MiB, so it is not an AWS settings file. Point "
                                         "AWS_CONFIG_FILE or AWS_SHARED_CREDENTIALS_FILE at the right file.")
                              .arg(path)};
    }
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text;
}

Expected<ProfileSet> loadProfileFile(const QString &path, ProfileFileKind kind)
{
    const Expected<QString> text = readProfileFileText(path);
    if (!text)
        return Unexpected{text.error()};
    return parseProfileFile(text.value(), kind, path);
}

Expected<LoadedProfileFiles> loadProfileFiles(const ProfileFileLocation &location)
{
    Expected<ProfileSet> config = loadProfileFile(location.configFile, ProfileFileKind::Config);
    if (!config)
        return Unexpected{config.error()};
    Expected<ProfileSet> credentials =
        loadProfileFile(location.credentialsFile, ProfileFileKind::Credentials);
    if (!credentials)
        return Unexpected{credentials.error()};
    LoadedProfileFiles files{location, std::move(config).value(), std::move(credentials).value(),
                             {}};
    files.merged = files.config;
    mergeProfileSet(files.merged, files.credentials);
    return files;
}
