#pragma once

#include "common/expected.h"

#include <QList>
#include <QString>

// The literal reading of a profile file: sections as written, before names are checked,
// prefixes removed or sections merged.
struct RawProperty
{
    QString key;
    QString value;
    bool startsSubProperties = false; // "s3 =" with no value: indented lines are sub-properties
};

struct RawSection
{
    QString header; // text between the brackets
    QList<RawProperty> properties;
};

Expected<QList<RawSection>> parseRawProfileFile(const QString &text, const QString &fileName);
