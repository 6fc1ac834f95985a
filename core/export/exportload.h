#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// What the load behind an export was, for the reader of the file: the workbook's Summary sheet and
// its properties say where the list came from and whether it is all of it.
struct ExportLoad
{
    QString profile;          // the AWS profile as the user knows it
    QString region;
    QStringList statusFilter; // the statuses AWS was asked for; empty = every status
    QString rowSelection;     // e.g. "Visible rows only"; empty = every account loaded
    QDateTime loadedAtUtc;    // when the load started
    bool complete = true;     // every page arrived
    QString incompleteReason; // why not, when not complete
    QString applicationName = QStringLiteral("Enrollment Desk");
    QString applicationVersion;
};
