#pragma once

#include "profilefile.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// A setting's text and where it came from, so an error can name the place to fix.
struct ConfigValue
{
    QString text;
    QString origin; // "AWS_MAX_ATTEMPTS", "max_attempts in profile 'audit'", ...

    bool isSet() const { return !origin.isEmpty(); }
};

// The first non-empty environment variable of environmentNames, else the profile's key.
// An empty environment variable counts as unset.
ConfigValue findConfigValue(const QProcessEnvironment &environment,
                            const QStringList &environmentNames, const ProfileSection &profile,
                            const QString &profileKey);

QString profileKeyOrigin(const QString &key, const QString &profileName);

// botocore's reading of a flag: "true" in any case is true, everything else false.
bool isTrueFlag(const QString &text);
