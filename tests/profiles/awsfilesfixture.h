#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A throwaway home directory with .aws/config and .aws/credentials, so tests never read the
// real ~/.aws.
class AwsFilesFixture
{
public:
    AwsFilesFixture();

    bool isValid() const { return m_home.isValid(); }
    QString home() const { return m_home.path(); }
    QString configPath() const;
    QString credentialsPath() const;

    bool writeConfig(const QString &text) const;
    bool writeCredentials(const QString &text) const;

    // HOME points at the fixture; assignments are "NAME=value".
    QProcessEnvironment environment(const QStringList &assignments = {}) const;

private:
    QTemporaryDir m_home;
};
