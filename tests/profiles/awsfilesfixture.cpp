#include "awsfilesfixture.h"

#include <QDir>
#include <QFile>

namespace {

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(text.toUtf8()) == text.toUtf8().size();
}

} // namespace

AwsFilesFixture::AwsFilesFixture()
{
    QDir(m_home.path()).mkdir(QStringLiteral(".aws"));
}

QString AwsFilesFixture::configPath() const
{
    return m_home.filePath(QStringLiteral(".aws/config"));
}

QString AwsFilesFixture::credentialsPath() const
{
    return m_home.filePath(QStringLiteral(".aws/credentials"));
}

bool AwsFilesFixture::writeConfig(const QString &text) const
{
    return writeFile(configPath(), text);
}

bool AwsFilesFixture::writeCredentials(const QString &text) const
{
    return writeFile(credentialsPath(), text);
}

QProcessEnvironment AwsFilesFixture::environment(const QStringList &assignments) const
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), home());
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(u'=');
        environment.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    return environment;
}
