#include "sigv4suite.h"

#include <QDir>
#include <QFile>

QString sigv4SuiteDir()
{
    return qEnvironmentVariable("SIGV4_SUITE_DIR", QStringLiteral(TEST_DATA_DIR "/sigv4"));
}

QStringList sigv4SuiteCases()
{
    return QDir(sigv4SuiteDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

QByteArray readSuiteFile(const QString &caseName, const QString &fileName)
{
    QFile file(sigv4SuiteDir() + u'/' + caseName + u'/' + fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}
