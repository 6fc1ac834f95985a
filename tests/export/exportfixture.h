#pragma once

// Rows, names and the load, carried exactly (NULs and half surrogate pairs included) from a test
// to xlsx_fixture_writer. The writer runs in its own process because QuaZip exports minizip's
// function names with its own meaning: in a process holding both, libxlsxwriter's zipOpen lands in
// QuaZip and crashes. The application never links QuaZip.

#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"
#include "export/exportload.h"

#include <QDataStream>

struct ExportFixture
{
    QList<AccountEnrollment> accounts;
    bool withNames = false;
    AccountNames names;
    ExportLoad load;
};

inline QDataStream &operator<<(QDataStream &out, const ExportFixture &fixture)
{
    out << qint32(fixture.accounts.size());
    for (const AccountEnrollment &a : fixture.accounts) {
        out << a.accountId << a.statusText << quint8(a.status) << a.statusReason.has_value()
            << a.statusReason.value_or(QString()) << a.lastUpdatedMsecs.has_value() << a.lastUpdatedMsecs.value_or(0)
            << a.lastUpdatedHasFraction;
    }
    out << fixture.withNames << qint32(fixture.names.size());
    for (auto it = fixture.names.cbegin(); it != fixture.names.cend(); ++it)
        out << it.key() << it->name << it->email;
    const ExportLoad &l = fixture.load;
    out << l.profile << l.region << l.statusFilter << l.rowSelection << l.loadedAtUtc << l.complete
        << l.incompleteReason << l.applicationName << l.applicationVersion;
    return out;
}

inline QDataStream &operator>>(QDataStream &in, ExportFixture &fixture)
{
    qint32 count = 0;
    in >> count;
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        AccountEnrollment a;
        quint8 status = 0;
        bool hasReason = false;
        QString reason;
        bool hasMsecs = false;
        qint64 msecs = 0;
        in >> a.accountId >> a.statusText >> status >> hasReason >> reason >> hasMsecs >> msecs
            >> a.lastUpdatedHasFraction;
        a.status = EnrollmentStatus(status);
        if (hasReason)
            a.statusReason = reason;
        if (hasMsecs)
            a.lastUpdatedMsecs = msecs;
        fixture.accounts.append(a);
    }
    in >> fixture.withNames >> count;
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QString id;
        AccountName name;
        in >> id >> name.name >> name.email;
        fixture.names.insert(id, name);
    }
    ExportLoad &l = fixture.load;
    in >> l.profile >> l.region >> l.statusFilter >> l.rowSelection >> l.loadedAtUtc >> l.complete
        >> l.incompleteReason >> l.applicationName >> l.applicationVersion;
    return in;
}
