#pragma once

#include "common/expected.h"

#include <QMap>
#include <QString>

// One [profile x], [sso-session x] or [services x] section after both files are merged.
// Property keys are lower case, as botocore's INI reader makes them.
struct ProfileSection
{
    QString name;
    QMap<QString, QString> properties;
    // A property written as "s3 =" followed by indented "key = value" lines keeps its raw text in
    // properties and the parsed lines here.
    QMap<QString, QMap<QString, QString>> subProperties;

    bool contains(const QString &key) const { return properties.contains(key); }
    QString value(const QString &key) const { return properties.value(key); }
};

struct ProfileSet
{
    QMap<QString, ProfileSection> profiles;
    QMap<QString, ProfileSection> ssoSessions;
    QMap<QString, ProfileSection> services;
};

enum class ProfileFileKind { Config, Credentials };

// fileName only names the file in error messages.
Expected<ProfileSet> parseProfileFile(const QString &text, ProfileFileKind kind,
                                      const QString &fileName);

// Sections present in both are merged; a property in overlay replaces the one in base.
void mergeProfileSet(ProfileSet &base, const ProfileSet &overlay);

// The config file first, then the credentials file over it.
Expected<ProfileSet> parseProfileFiles(const QString &configText, const QString &credentialsText);
