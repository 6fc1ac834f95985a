#pragma once

// What the window tests share: finding the window's parts, comparing accounts and files.

#include "export/enrollmentcsvwriter.h"
#include "simulator/enrollmentsimulator.h"

#include <QBuffer>
#include <QCheckBox>
#include <QFile>
#include <QHeaderView>
#include <QSet>
#include <QTableView>
#include <QtTest>

#include <algorithm>

inline constexpr int LoadTimeoutMs = 30'000;

template <typename T>
T *child(QWidget *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

inline QSet<QString> idsOf(const QList<AccountEnrollment> &accounts)
{
    QSet<QString> ids;
    for (const AccountEnrollment &account : accounts)
        ids.insert(account.accountId);
    return ids;
}

inline QSet<QString> idsOf(const SimulatedOrganization &organization)
{
    QSet<QString> ids;
    for (const SimulatedAccount &account : organization.accounts)
        ids.insert(account.accountId);
    return ids;
}

inline int countWithStatus(const SimulatedOrganization &organization, const QString &status)
{
    return int(std::count_if(organization.accounts.cbegin(), organization.accounts.cend(),
                             [&](const SimulatedAccount &account) { return account.status == status; }));
}

// QVERIFY2 builds its message even when the check passes: ask for the error only when there is one.
template <typename T>
QByteArray errorOf(const Expected<T> &result)
{
    return result ? QByteArray() : result.error().toUtf8();
}

inline QByteArray csvOf(const QList<AccountEnrollment> &accounts)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    EnrollmentCsvWriter writer(&buffer);
    writer.writeHeader();
    writer.writeAccounts(accounts);
    return buffer.data();
}

inline QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline void clickHeader(QTableView *table, int column)
{
    QHeaderView *header = table->horizontalHeader();
    const QPoint centre(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                        header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, centre);
}

// The dialog of that name that is up now; open() shows it before the call that opens it returns.
template <typename T>
T *openDialog(QWidget *window, const char *name)
{
    const QList<T *> dialogs = window->findChildren<T *>(QString::fromLatin1(name));
    for (T *dialog : dialogs) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

inline void clickCheckBox(QCheckBox *box)
{
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(6, box->height() / 2));
}
