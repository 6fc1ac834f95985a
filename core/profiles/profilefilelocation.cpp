#include "profilefilelocation.h"

namespace {

QChar separatorFor(HostPlatform platform)
{
    return platform == HostPlatform::Windows ? u'\\' : u'/';
}

bool isSeparator(QChar c, HostPlatform platform)
{
    return c == u'/' || (platform == HostPlatform::Windows && c == u'\\');
}

QString joinPath(const QString &directory, const QString &relative, HostPlatform platform)
{
    if (directory.isEmpty())
        return QString();
    if (isSeparator(directory.back(), platform))
        return directory + relative;
    return directory + separatorFor(platform) + relative;
}

QString expandHome(const QString &path, const QString &home, HostPlatform platform)
{
    const bool startsWithHome =
        path == QStringLiteral("~") || (path.startsWith(u'~') && isSeparator(path.at(1), platform));
    if (!startsWithHome || home.isEmpty())
        return path;
    return home + path.mid(1);
}

QString fileFromEnvironmentOrHome(const QProcessEnvironment &environment, const QString &variable,
                                  const QString &home, const QString &defaultName,
                                  HostPlatform platform)
{
    const QString overridden = environment.value(variable);
    if (!overridden.isEmpty())
        return expandHome(overridden, home, platform);
    return joinPath(home, QStringLiteral(".aws") + separatorFor(platform) + defaultName, platform);
}

} // namespace

HostPlatform currentHostPlatform()
{
#ifdef Q_OS_WIN
    return HostPlatform::Windows;
#else
    return HostPlatform::Posix;
#endif
}

QString userHomeDirectory(const QProcessEnvironment &environment, const QString &fallbackHome,
                          HostPlatform platform)
{
    const QString home = environment.value(QStringLiteral("HOME"));
    if (!home.isEmpty())
        return home;
    if (platform == HostPlatform::Windows) {
        const QString userProfile = environment.value(QStringLiteral("USERPROFILE"));
        if (!userProfile.isEmpty())
            return userProfile;
        const QString drive = environment.value(QStringLiteral("HOMEDRIVE"));
        const QString path = environment.value(QStringLiteral("HOMEPATH"));
        if (!drive.isEmpty() && !path.isEmpty())
            return drive + path;
    }
    return fallbackHome;
}

ProfileFileLocation locateProfileFiles(const QProcessEnvironment &environment,
                                       const QString &homeDirectory)
{
    return locateProfileFiles(environment, homeDirectory, currentHostPlatform());
}

ProfileFileLocation locateProfileFiles(const QProcessEnvironment &environment,
                                       const QString &homeDirectory, HostPlatform platform)
{
    const QString home = userHomeDirectory(environment, homeDirectory, platform);
    return {fileFromEnvironmentOrHome(environment, QStringLiteral("AWS_CONFIG_FILE"), home,
                                      QStringLiteral("config"), platform),
            fileFromEnvironmentOrHome(environment, QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
                                      home, QStringLiteral("credentials"), platform)};
}
