#include "export/enrollmentcsvwriter.h"

EnrollmentCsvWriter::EnrollmentCsvWriter(QIODevice *device, const AccountNames *names,
                                         const OrganizationTree *tree)
    : m_device(device)
    , m_names(names)
    , m_organization(tree)
{
}

QString csvField(QStringView value)
{
    const bool needsQuotes = value.contains(u',') || value.contains(u'"') || value.contains(u'\n')
        || value.contains(u'\r');
    if (!needsQuotes)
        return value.toString();
    QString quoted = value.toString();
    quoted.replace(u'"', QLatin1String("\"\""));
    return u'"' + quoted + u'"';
}

QString inertForSpreadsheets(const QString &text)
{
    if (text.isEmpty())
        return text;
    const QChar first = text.front();
    if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
        return u'\'' + text;
    return text;
}

QString exportTimestamp(const AccountEnrollment &account)
{
    if (!account.lastUpdatedMsecs)
        return {};
    return account.lastUpdatedUtc().toString(account.lastUpdatedHasFraction ? Qt::ISODateWithMs : Qt::ISODate);
}

bool EnrollmentCsvWriter::writeRecord(std::initializer_list<QStringView> fields)
{
    QString line;
    bool first = true;
    for (QStringView field : fields) {
        if (!first)
            line += u',';
        line += csvField(field);
        first = false;
    }
    line += QLatin1String("\r\n");
    const QByteArray bytes = line.toUtf8();
    return m_device->write(bytes) == bytes.size();
}

bool EnrollmentCsvWriter::writeByteOrderMark()
{
    static constexpr char Bom[] = "\xEF\xBB\xBF";
    return m_device->write(Bom, 3) == 3;
}

bool EnrollmentCsvWriter::writeHeader()
{
    if (m_names) {
        const auto &h = EnrollmentCsvHeaderWithNames;
        return writeRecord({h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8]});
    }
    const auto &h = EnrollmentCsvHeader;
    return writeRecord({h[0], h[1], h[2], h[3]});
}

bool EnrollmentCsvWriter::writeAccount(const AccountEnrollment &account)
{
    // Every text the server chose is made inert, not just the reason: a spreadsheet cannot tell.
    const QString id = inertForSpreadsheets(account.accountId);
    const QString status = inertForSpreadsheets(account.statusText);
    const QString reason = inertForSpreadsheets(account.statusReason.value_or(QString()));
    const QString updated = exportTimestamp(account);
    if (m_names) {
        const AccountName known = m_names->value(account.accountId);
        const QString name = inertForSpreadsheets(known.name);
        const QString email = inertForSpreadsheets(known.email);
        const QString path = inertForSpreadsheets(m_organization.ouPath(known));
        return writeRecord({id, name, email, path, OrganizationColumns::state(known), OrganizationColumns::joined(known),
                            status, reason, updated});
    }
    return writeRecord({id, status, reason, updated});
}

bool EnrollmentCsvWriter::writeAccounts(const QList<AccountEnrollment> &accounts)
{
    for (const AccountEnrollment &account : accounts) {
        if (!writeAccount(account))
            return false;
    }
    return true;
}
