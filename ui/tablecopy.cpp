#include "tablecopy.h"

#include "export/enrollmentcsvwriter.h"

namespace {

QString cell(const QString &text)
{
    QString flat = inertForSpreadsheets(text);
    for (QChar &c : flat) {
        if (c == u'\t' || c == u'\n' || c == u'\r')
            c = u' ';
    }
    return flat;
}

} // namespace

QString accountsAsTabSeparatedText(const QList<AccountEnrollment> &accounts)
{
    QString text;
    bool first = true;
    for (QStringView column : EnrollmentCsvHeader) {
        if (!first)
            text += u'\t';
        text += column;
        first = false;
    }
    text += u'\n';
    for (const AccountEnrollment &account : accounts) {
        text += cell(account.accountId) + u'\t' + cell(account.statusText) + u'\t'
            + cell(account.statusReason.value_or(QString())) + u'\t' + exportTimestamp(account) + u'\n';
    }
    return text;
}
