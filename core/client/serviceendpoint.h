#pragma once

#include <QString>
#include <QUrl>

// Where a service answers and how requests to it are signed.
struct ServiceEndpoint
{
    QUrl url;
    QString signingRegion;
    QString signingName;

    bool isValid() const { return url.isValid() && !url.isEmpty(); }
};
