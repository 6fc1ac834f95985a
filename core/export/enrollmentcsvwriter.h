#pragma once

#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"
#include "export/organizationcolumns.h"

#include <QIODevice>

// Writes accounts as RFC 4180 CSV (UTF-8, CRLF, quoted where needed) to any device; the caller
// chooses the device, so a QSaveFile makes the file appear whole or not at all.
class EnrollmentCsvWriter
{
public:
    // With names, the columns "Account Name", "Email", "OU Path", "Account State" and "Joined (UTC)"
    // follow "Account ID"; an account the names do not cover gets empty cells there, and so does
    // the OU Path without a tree.
    explicit EnrollmentCsvWriter(QIODevice *device, const AccountNames *names = nullptr,
                                 const OrganizationTree *tree = nullptr);

    // EF BB BF first, so Excel reads the file as UTF-8 and shows non-ASCII names as they are.
    bool writeByteOrderMark();
    bool writeHeader();
    bool writeAccount(const AccountEnrollment &account);
    bool writeAccounts(const QList<AccountEnrollment> &accounts);

    QString errorString() const { return m_device->errorString(); }

private:
    bool writeRecord(std::initializer_list<QStringView> fields);

    QIODevice *m_device;
    const AccountNames *m_names;
    OrganizationColumns m_organization;
};

// One field, quoted when it holds a comma, quote, CR or LF.
QString csvField(QStringView value);
// OWASP CSV-injection guidance: text a spreadsheet would run as a formula gets a leading
// apostrophe, so it shows as the same text and runs nothing.
QString inertForSpreadsheets(const QString &text);
// "2024-04-04T17:37:13Z", with ".123" only when the service sent a fraction.
QString exportTimestamp(const AccountEnrollment &account);

inline constexpr QStringView EnrollmentCsvHeader[] = {u"Account ID", u"Status", u"Status Reason",
                                                      u"Last Updated (UTC)"};
inline constexpr QStringView EnrollmentCsvHeaderWithNames[] = {
    u"Account ID", u"Account Name",  u"Email",         u"OU Path",           u"Account State",
    u"Joined (UTC)", u"Status", u"Status Reason", u"Last Updated (UTC)"};
