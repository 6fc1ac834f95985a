#include "profilechoices.h"

#include "profiles/profilelist.h"

#include <QCoreApplication>

QList<ProfileChoice> profileChoices(const QProcessEnvironment &environment, const QString &homeDirectory)
{
    QList<ProfileChoice> choices;
    const bool environmentCredentials = !environment.value(QStringLiteral("AWS_ACCESS_KEY_ID")).isEmpty()
        && !environment.value(QStringLiteral("AWS_SECRET_ACCESS_KEY")).isEmpty();
    if (environmentCredentials)
        choices.append({QCoreApplication::translate("ProfileChoice", "Environment"), QString()});
    const QStringList names = listProfiles(environment, homeDirectory);
    for (const QString &name : names)
        choices.append({name, name});
    // Nothing configured: ask as the AWS CLI would without --profile, so the error lists every place it looked.
    if (choices.isEmpty())
        choices.append({QStringLiteral("default"), QString()});
    return choices;
}
