#include "profilefile.h"

#include "profilefileparser.h"

namespace {

const QString DefaultProfile = QStringLiteral("default");
const QString ProfilePrefix = QStringLiteral("profile");
const QString SsoSessionPrefix = QStringLiteral("sso-session");
const QString ServicesPrefix = QStringLiteral("services");

bool isIdentifier(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool alphanumeric = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
                                  || (u >= u'0' && u <= u'9');
        if (!alphanumeric && !QStringView(u"_-/.%@:+").contains(c))
            return false;
    }
    return true;
}

// "[profile foo]" has the prefix "profile" and the name "foo"; "[default]" has no prefix.
struct SectionKey
{
    QString prefix;
    QString name;

    static SectionKey fromHeader(const QString &header)
    {
        const QString trimmed = header.trimmed();
        qsizetype split = -1;
        for (qsizetype i = 0; i < trimmed.size() && split < 0; ++i) {
            if (trimmed.at(i) == u' ' || trimmed.at(i) == u'\t')
                split = i;
        }
        if (split < 0)
            return {QString(), trimmed};
        return {trimmed.left(split).trimmed(), trimmed.mid(split + 1).trimmed()};
    }

    bool isUnprefixedDefault() const { return prefix.isEmpty() && name == DefaultProfile; }
    bool isPrefixedDefault() const { return prefix == ProfilePrefix && name == DefaultProfile; }

    // The config file wants [profile x] (only [default] may go without); the credentials file
    // wants plain [x] and holds nothing but profiles. Anything else is skipped, as the CLI does.
    bool isValidIn(ProfileFileKind kind) const
    {
        if (kind == ProfileFileKind::Credentials)
            return prefix.isEmpty() && isIdentifier(name);
        if (prefix.isEmpty())
            return isUnprefixedDefault();
        return isIdentifier(name);
    }
};

QMap<QString, QString> parseSubProperties(const QString &rawValue)
{
    QMap<QString, QString> result;
    const QStringList lines = rawValue.split(u'\n');
    for (const QString &line : lines) {
        const qsizetype equals = line.indexOf(u'=');
        if (line.trimmed().isEmpty() || equals < 0)
            continue;
        result.insert(line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }
    return result;
}

void setProperty(ProfileSection &section, const QString &key, const QString &value)
{
    section.properties.insert(key, value);
    if (value.startsWith(u'\n'))
        section.subProperties.insert(key, parseSubProperties(value));
    else
        section.subProperties.remove(key);
}

void addProperties(ProfileSection &section, const QList<RawProperty> &properties)
{
    for (const RawProperty &property : properties) {
        if (isIdentifier(property.key))
            setProperty(section, property.key.toLower(), property.value);
    }
}

ProfileSection &sectionIn(QMap<QString, ProfileSection> &sections, const QString &name)
{
    auto it = sections.find(name);
    if (it == sections.end())
        it = sections.insert(name, ProfileSection{name, {}, {}});
    return it.value();
}

QMap<QString, ProfileSection> *sectionsFor(ProfileSet &set, const SectionKey &key)
{
    if (key.prefix.isEmpty() || key.prefix == ProfilePrefix)
        return &set.profiles;
    if (key.prefix == SsoSessionPrefix)
        return &set.ssoSessions;
    if (key.prefix == ServicesPrefix)
        return &set.services;
    return nullptr;
}

void mergeSections(QMap<QString, ProfileSection> &base,
                   const QMap<QString, ProfileSection> &overlay)
{
    for (const ProfileSection &section : overlay) {
        ProfileSection &target = sectionIn(base, section.name);
        for (auto it = section.properties.cbegin(); it != section.properties.cend(); ++it)
            setProperty(target, it.key(), it.value());
    }
}

} // namespace

Expected<ProfileSet> parseProfileFile(const QString &text, ProfileFileKind kind,
                                      const QString &fileName)
{
    Expected<QList<RawSection>> raw = parseRawProfileFile(text, fileName);
    if (!raw)
        return Unexpected{raw.error()};

    QList<std::pair<SectionKey, const RawSection *>> validSections;
    bool hasPrefixedDefault = false;
    for (const RawSection &section : raw.value()) {
        SectionKey key = SectionKey::fromHeader(section.header);
        if (!key.isValidIn(kind))
            continue;
        hasPrefixedDefault = hasPrefixedDefault || key.isPrefixedDefault();
        validSections.append({key, &section});
    }

    ProfileSet result;
    for (const auto &[key, section] : validSections) {
        // [profile default] wins outright over [default] in the same config file.
        if (hasPrefixedDefault && key.isUnprefixedDefault())
            continue;
        if (QMap<QString, ProfileSection> *sections = sectionsFor(result, key))
            addProperties(sectionIn(*sections, key.name), section->properties);
    }
    return result;
}

void mergeProfileSet(ProfileSet &base, const ProfileSet &overlay)
{
    mergeSections(base.profiles, overlay.profiles);
    mergeSections(base.ssoSessions, overlay.ssoSessions);
    mergeSections(base.services, overlay.services);
}

Expected<ProfileSet> parseProfileFiles(const QString &configText, const QString &credentialsText)
{
    Expected<ProfileSet> config =
        parseProfileFile(configText, ProfileFileKind::Config, QStringLiteral("the config file"));
    if (!config)
        return config;
    const Expected<ProfileSet> credentials = parseProfileFile(
        credentialsText, ProfileFileKind::Credentials, QStringLiteral("the credentials file"));
    if (!credentials)
        return credentials;
    mergeProfileSet(config.value(), credentials.value());
    return config;
}
