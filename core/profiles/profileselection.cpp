#include "profileselection.h"

ProfileSelection selectProfile(const QString &profileOption, const QProcessEnvironment &environment)
{
    if (!profileOption.isEmpty())
        return {profileOption, QStringLiteral("--profile")};
    for (const QString &variable : {QStringLiteral("AWS_PROFILE"), QStringLiteral("AWS_DEFAULT_PROFILE")}) {
        const QString name = environment.value(variable);
        if (!name.isEmpty())
            return {name, variable};
    }
    return {QStringLiteral("default"), QString()};
}
