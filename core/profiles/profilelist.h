#pragma once

#include <QProcessEnvironment>
#include <QStringList>

// Every profile named in the config and credentials files, sorted, "default" first.
// A file that cannot be read or parsed contributes no names; the other still does.
QStringList listProfiles(const QProcessEnvironment &environment, const QString &homeDirectory);
