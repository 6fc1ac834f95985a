#include "tablecopy.h"

#include "export/enrollmentcsvwriter.h"
#include "export/organizationcolumns.h"

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

QString accountsAsTabSeparatedText(const QList<AccountEnrollment> &accounts, const AccountNames *names,
                                   const OrganizationTree *tree)
{
    const OrganizationColumns organization(tree);
    QString text;
    bool first = true;
    const auto writeHeader = [&](auto &&columns) {
        for (QStringView column : columns) {
            if (!first)
                text += u'\t';
            text += column;
            first = false;
        }
    };
    if (names)
        writeHeader(EnrollmentCsvHeaderWithNames);
    else
        writeHeader(EnrollmentCsvHeader);
    text += u'\n';
    for (const AccountEnrollment &account : accounts) {
        text += cell(account.accountId) + u'\t';
        if (names) {
            const AccountName name = names->value(account.accountId);
            text += cell(name.name) + u'\t' + cell(name.email) + u'\t' + cell(organization.ouPath(name)) + u'\t'
                + OrganizationColumns::state(name) + u'\t' + OrganizationColumns::joined(name) + u'\t';
        }
        text += cell(account.statusText) + u'\t' + cell(account.statusReason.value_or(QString())) + u'\t'
            + exportTimestamp(account) + u'\n';
    }
    return text;
}
