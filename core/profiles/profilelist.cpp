#include "profilelist.h"

#include "profilefilereader.h"

#include <QSet>

#include <algorithm>

QStringList listProfiles(const QProcessEnvironment &environment, const QString &homeDirectory)
{
    const ProfileFileLocation location = locateProfileFiles(environment, homeDirectory);
    QSet<QString> names;
    const std::pair<QString, ProfileFileKind> files[] = {
        {location.configFile, ProfileFileKind::Config},
        {location.credentialsFile, ProfileFileKind::Credentials}};
    for (const auto &[path, kind] : files) {
        const Expected<ProfileSet> set = loadProfileFile(path, kind);
        if (set) {
            for (auto it = set->profiles.cbegin(); it != set->profiles.cend(); ++it)
                names.insert(it.key());
        }
    }

    QStringList sorted(names.cbegin(), names.cend());
    const QString defaultName = QStringLiteral("default");
    std::sort(sorted.begin(), sorted.end(), [&](const QString &left, const QString &right) {
        if ((left == defaultName) != (right == defaultName))
            return left == defaultName;
        const int folded = left.compare(right, Qt::CaseInsensitive);
        return folded != 0 ? folded < 0 : left < right;
    });
    return sorted;
}
