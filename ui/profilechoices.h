#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>

// One entry of the profile picker. An empty profile means "no --profile": the credentials in the
// environment, as the AWS CLI would use them.
struct ProfileChoice
{
    QString label;
    QString profile;

    friend bool operator==(const ProfileChoice &, const ProfileChoice &) = default;
};

// "Environment" first when AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set, then every profile
// in the config and credentials files; when there is nothing at all, one "default" entry without a
// profile name, so that Refresh can still explain where it looked.
QList<ProfileChoice> profileChoices(const QProcessEnvironment &environment, const QString &homeDirectory);
