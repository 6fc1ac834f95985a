#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// SIGV4_SUITE_DIR points at another copy of the suite, e.g. ../shared/testdata/sigv4.
QString sigv4SuiteDir();
QStringList sigv4SuiteCases();
QByteArray readSuiteFile(const QString &caseName, const QString &fileName);
