#pragma once

#include <QHash>
#include <QString>

// What AWS Organizations knows of an account beyond its ID: the name admins know it by.
struct AccountName
{
    QString name;
    QString email;
};

// Keyed by account ID.
using AccountNames = QHash<QString, AccountName>;
