#pragma once

#include <QProcessEnvironment>
#include <QString>

struct ProfileFileLocation
{
    QString configFile;
    QString credentialsFile;
};

// Windows looks for the home directory in more variables and joins paths with '\'.
enum class HostPlatform { Posix, Windows };

HostPlatform currentHostPlatform();

// HOME wins; on Windows USERPROFILE, then HOMEDRIVE + HOMEPATH; then fallbackHome.
QString userHomeDirectory(const QProcessEnvironment &environment, const QString &fallbackHome,
                          HostPlatform platform);

// AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE override ~/.aws/config and ~/.aws/credentials;
// a leading '~' in them is the user's home. homeDirectory is used when the environment names none.
ProfileFileLocation locateProfileFiles(const QProcessEnvironment &environment,
                                       const QString &homeDirectory);
ProfileFileLocation locateProfileFiles(const QProcessEnvironment &environment,
                                       const QString &homeDirectory, HostPlatform platform);
