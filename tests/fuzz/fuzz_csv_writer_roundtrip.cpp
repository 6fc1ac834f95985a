// Accounts written as CSV and read back by a strict RFC 4180 reader must give the same fields:
// the text made inert for spreadsheets, and the timestamp to the millisecond the service sent.
#include "fuzzcheck.h"

#include "export/enrollmentcsvwriter.h"
#include "integration/csvreader.h"

#include <QBuffer>
#include <QDateTime>

#include <cstring>

namespace {

// The range the page parser accepts: years 0001 to 9999, which ISO 8601 export can write.
constexpr qint64 EarliestMsecs = -62135596800000;
constexpr qint64 LatestMsecs = 253402300799999;

// Records split by 0x1E; each is a flags byte, eight bytes of timestamp, then the account ID,
// status and reason as UTF-8 split by 0x1F.
AccountEnrollment readAccount(const QByteArray &record)
{
    AccountEnrollment account;
    const quint8 flags = record.isEmpty() ? 0 : quint8(record.at(0));
    quint64 raw = 0;
    std::memcpy(&raw, record.mid(1, 8).leftJustified(8, '\0').constData(), 8);
    const QList<QByteArray> fields = record.mid(9).split('\x1f');
    account.accountId = QString::fromUtf8(fields.value(0));
    account.statusText = QString::fromUtf8(fields.value(1));
    if (flags & 1)
        account.statusReason = QString::fromUtf8(fields.value(2));
    if (flags & 2) {
        qint64 msecs = EarliestMsecs + qint64(raw % quint64(LatestMsecs - EarliestMsecs + 1));
        account.lastUpdatedHasFraction = flags & 4;
        // Whole seconds from the service are whole seconds here too, as the parser makes them.
        if (!account.lastUpdatedHasFraction)
            msecs -= ((msecs % 1000) + 1000) % 1000;
        account.lastUpdatedMsecs = msecs;
    }
    return account;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QList<AccountEnrollment> accounts;
    for (const QByteArray &record : fuzzBytes(data, size).split('\x1e'))
        accounts.append(readAccount(record));

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    EnrollmentCsvWriter writer(&buffer);
    fuzzCheck(writer.writeHeader() && writer.writeAccounts(accounts), "writing to memory succeeds");

    const QByteArray csv = buffer.data();
    fuzzCheck(QString::fromUtf8(csv).toUtf8() == csv, "the export is valid UTF-8");
    const QList<QStringList> rows = readCsv(csv);
    fuzzCheck(rows.size() == accounts.size() + 1, "one row per account after the header",
              QString::fromUtf8(csv.left(400)));
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const AccountEnrollment &account = accounts.at(i);
        const QStringList &row = rows.at(i + 1);
        fuzzCheck(row.size() == 4, "four fields in every row", row.join(u'|'));
        fuzzCheck(row.at(0) == inertForSpreadsheets(account.accountId), "the account ID reads back", row.at(0));
        fuzzCheck(row.at(1) == inertForSpreadsheets(account.statusText), "the status reads back", row.at(1));
        fuzzCheck(row.at(2) == inertForSpreadsheets(account.statusReason.value_or(QString())),
                  "the reason reads back", row.at(2));
        if (!account.lastUpdatedMsecs) {
            fuzzCheck(row.at(3).isEmpty(), "no timestamp reads back as an empty cell", row.at(3));
            continue;
        }
        const QDateTime read = QDateTime::fromString(row.at(3), Qt::ISODateWithMs);
        fuzzCheck(read.isValid() && read.timeSpec() == Qt::UTC, "the timestamp reads back as UTC", row.at(3));
        fuzzCheck(read.toMSecsSinceEpoch() == *account.lastUpdatedMsecs, "the timestamp reads back exactly",
                  row.at(3) + u' ' + QString::number(*account.lastUpdatedMsecs));
    }
    return 0;
}
