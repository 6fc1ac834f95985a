#pragma once

#include <QLocale>
#include <QString>

// "1 account", "4,812 accounts": counts as people read them, in the user's locale.
inline QString accountCountText(qint64 count)
{
    const QString number = QLocale().toString(count);
    return count == 1 ? QStringLiteral("1 account") : number + QStringLiteral(" accounts");
}
