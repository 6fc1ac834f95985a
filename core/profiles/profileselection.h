#pragma once

#include <QProcessEnvironment>
#include <QString>

// Which profile the user asked for, and how: an explicit --profile also turns off the
// environment's access keys, a profile named only by the environment does not.
struct ProfileSelection
{
    QString name;
    QString origin; // "--profile", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", or empty for "default"

    bool isRequested() const { return !origin.isEmpty(); }
    bool isFromOption() const { return origin == QStringLiteral("--profile"); }
};

// --profile, then AWS_PROFILE, then AWS_DEFAULT_PROFILE, then "default", as AWS CLI v2 does.
ProfileSelection selectProfile(const QString &profileOption, const QProcessEnvironment &environment);
