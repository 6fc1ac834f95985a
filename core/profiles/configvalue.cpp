#include "configvalue.h"

ConfigValue findConfigValue(const QProcessEnvironment &environment,
                            const QStringList &environmentNames, const ProfileSection &profile,
                            const QString &profileKey)
{
    for (const QString &name : environmentNames) {
        const QString text = environment.value(name);
        if (!text.isEmpty())
            return {text, name};
    }
    if (!profileKey.isEmpty() && profile.contains(profileKey))
        return {profile.value(profileKey), profileKeyOrigin(profileKey, profile.name)};
    return {};
}

QString profileKeyOrigin(const QString &key, const QString &profileName)
{
    return QStringLiteral("%1 in profile '%2'").arg(key, profileName);
}

bool isTrueFlag(const QString &text)
{
    return text.compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0;
}
