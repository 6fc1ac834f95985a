#pragma once

#include <QLocale>
#include <QString>

// "1 account", "4,812 accounts": the number as the locale writes it, and the noun that goes with it.
inline QString countOf(int count, const QString &singular, const QString &plural)
{
    return QLocale().toString(count) + u' ' + (count == 1 ? singular : plural);
}
