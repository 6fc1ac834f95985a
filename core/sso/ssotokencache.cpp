#include "sso/ssotokencache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>

SsoTokenCache::SsoTokenCache(QString directory)
    : m_directory(std::move(directory))
{
}

QString SsoTokenCache::directoryUnder(const QString &homeDirectory)
{
    return QDir(homeDirectory).filePath(QStringLiteral(".aws/sso/cache"));
}

QString SsoTokenCache::fileNameFor(const QString &cacheKey)
{
    const QByteArray digest = QCryptographicHash::hash(cacheKey.toUtf8(), QCryptographicHash::Sha1);
    return QString::fromLatin1(digest.toHex()) + QStringLiteral(".json");
}

QString SsoTokenCache::pathFor(const QString &cacheKey) const
{
    return QDir(m_directory).filePath(fileNameFor(cacheKey));
}

Expected<std::optional<SsoToken>> SsoTokenCache::read(const QString &cacheKey) const
{
    QFile file(pathFor(cacheKey));
    if (!file.exists())
        return std::optional<SsoToken>();
    if (!file.open(QIODevice::ReadOnly)) {
        return Unexpected{QStringLiteral("Could not read the IAM Identity Center token %1 (%2).")
                              .arg(file.fileName(), file.errorString())};
    }
    Expected<SsoToken> token = parseSsoToken(file.readAll());
    if (!token) {
        return Unexpected{QStringLiteral("The IAM Identity Center token %1 cannot be used: %2.")
                              .arg(file.fileName(), token.error())};
    }
    return std::optional<SsoToken>(std::move(token).value());
}

std::optional<QString> SsoTokenCache::write(const QString &cacheKey, const SsoToken &token) const
{
    if (!QDir().mkpath(m_directory))
        return QStringLiteral("Could not create the folder %1.").arg(m_directory);
    QSaveFile file(pathFor(cacheKey));
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("Could not write %1 (%2).").arg(file.fileName(), file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(ssoTokenJson(token));
    if (!file.commit())
        return QStringLiteral("Could not write %1 (%2).").arg(file.fileName(), file.errorString());
    return std::nullopt;
}
