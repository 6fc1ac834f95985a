#include "export/xlsxaccountrows.h"

#include "export/enrollmentcsvwriter.h"
#include "export/spreadsheettext.h"

#include <QStringEncoder>

#include <algorithm>

namespace {

constexpr qsizetype RowsPerBatch = 1024;
// Enough to keep libxlsxwriter busy while the thread runs ahead, little enough to stay small.
constexpr std::size_t BatchesAhead = 4;
constexpr qsizetype FilterButton = 3;

QString textOf(AccountColumn column, const AccountEnrollment &account, const AccountName &name,
               const OrganizationColumns &organization)
{
    switch (column) {
    case AccountColumn::AccountId:
        return account.accountId;
    case AccountColumn::Name:
        return name.name;
    case AccountColumn::Email:
        return name.email;
    case AccountColumn::OuPath:
        return organization.ouPath(name);
    case AccountColumn::AccountState:
        return OrganizationColumns::state(name);
    case AccountColumn::Status:
        return account.statusText;
    case AccountColumn::Reason:
        return account.statusReason.value_or(QString());
    case AccountColumn::Joined:
    case AccountColumn::LastUpdated:
        break;
    }
    return {};
}

qsizetype longestLine(const QString &text)
{
    if (!text.contains(u'\n'))
        return text.size();
    qsizetype longest = 0;
    for (const QStringView line : QStringView(text).split(u'\n'))
        longest = std::max(longest, line.size());
    return longest;
}

} // namespace

std::vector<AccountColumn> accountColumnsFor(const AccountNames *names)
{
    using C = AccountColumn;
    if (names)
        return {C::AccountId, C::Name, C::Email, C::OuPath, C::AccountState, C::Joined, C::Status, C::Reason,
                C::LastUpdated};
    return {C::AccountId, C::Status, C::Reason, C::LastUpdated};
}

QStringView accountColumnHeader(AccountColumn column)
{
    return EnrollmentCsvHeaderWithNames[std::size_t(column)];
}

AccountRowPreparer::AccountRowPreparer(const QList<AccountEnrollment> &accounts, const AccountNames *names,
                                       const OrganizationTree *tree, const XlsxFormats &formats,
                                       const std::vector<AccountColumn> &columns)
    : m_accounts(accounts)
    , m_names(names)
    , m_organization(tree)
    , m_formats(formats)
    , m_columns(columns)
{
    for (const AccountColumn column : m_columns)
        m_widest.push_back(accountColumnHeader(column).size() + FilterButton);
    m_thread = std::thread([this] { prepare(); });
}

AccountRowPreparer::~AccountRowPreparer()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

bool AccountRowPreparer::next(PreparedRows &rows)
{
    std::unique_lock lock(m_mutex);
    if (rows.rows > 0)
        m_spare.push_back(std::move(rows));
    m_changed.notify_all();
    m_changed.wait(lock, [this] { return !m_ready.empty() || m_finished; });
    if (m_ready.empty())
        return false;
    rows = std::move(m_ready.front());
    m_ready.pop_front();
    m_changed.notify_all();
    return true;
}

void AccountRowPreparer::prepare()
{
    for (qsizetype first = 0; first < m_accounts.size(); first += RowsPerBatch) {
        PreparedRows rows;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stopping || m_ready.size() < BatchesAhead; });
            if (m_stopping)
                return;
            if (!m_spare.empty()) {
                rows = std::move(m_spare.back());
                m_spare.pop_back();
            }
        }
        fill(rows, first, std::min(RowsPerBatch, m_accounts.size() - first));
        {
            const std::lock_guard lock(m_mutex);
            m_ready.push_back(std::move(rows));
        }
        m_changed.notify_all();
    }
    {
        const std::lock_guard lock(m_mutex);
        m_finished = true;
    }
    m_changed.notify_all();
}

void AccountRowPreparer::fill(PreparedRows &rows, qsizetype first, qsizetype count)
{
    rows.cells.clear();
    rows.utf8.clear();
    rows.rows = count;
    QStringEncoder encoder(QStringEncoder::Utf8);
    const auto addString = [&](const QString &text, lxw_format *format) {
        const QString cell = xlsxCellText(text);
        const qsizetype offset = rows.utf8.size();
        rows.utf8.resize(offset + cell.size() * 3 + 1);
        char *end = encoder.appendToBuffer(rows.utf8.data() + offset, cell);
        *end++ = '\0';
        rows.utf8.resize(end - rows.utf8.constData());
        rows.cells.push_back({PreparedCell::Kind::String, format, offset, 0});
    };
    for (qsizetype i = first; i < first + count; ++i) {
        const AccountEnrollment &account = m_accounts[i];
        const AccountName name = m_names ? m_names->value(account.accountId) : AccountName();
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            switch (m_columns[c]) {
            case AccountColumn::Status:
                m_widest[c] = std::max(m_widest[c], longestLine(account.statusText));
                addString(account.statusText, m_formats.status[std::size_t(account.status)]);
                break;
            case AccountColumn::LastUpdated:
                if (account.lastUpdatedMsecs) {
                    m_widest[c] = std::max<qsizetype>(m_widest[c], account.lastUpdatedHasFraction ? 23 : 19);
                    rows.cells.push_back({PreparedCell::Kind::Number,
                                          account.lastUpdatedHasFraction ? m_formats.dateTimeMs : m_formats.dateTime,
                                          0, spreadsheetDateTime(*account.lastUpdatedMsecs)});
                } else {
                    rows.cells.push_back({});
                }
                break;
            case AccountColumn::Joined:
                if (name.joinedMsecs) {
                    m_widest[c] = std::max<qsizetype>(m_widest[c], 19);
                    rows.cells.push_back({PreparedCell::Kind::Number, m_formats.dateTime, 0,
                                          spreadsheetDateTime(*name.joinedMsecs)});
                } else {
                    rows.cells.push_back({});
                }
                break;
            default: {
                // Always a string cell: an ID keeps its leading zeros and "=..." is text, not a formula.
                const QString text = textOf(m_columns[c], account, name, m_organization);
                m_widest[c] = std::max(m_widest[c], longestLine(text));
                addString(text, m_formats.text);
                break;
            }
            }
        }
    }
}
