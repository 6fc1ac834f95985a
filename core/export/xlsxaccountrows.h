#pragma once

// Inside the XLSX writer: the Accounts sheet's cells, made ready for libxlsxwriter on a thread of
// their own. Looking up names, the control-character rule, UTF-8 and measuring widths then run
// beside libxlsxwriter's own writing of the rows instead of before it. Not for other callers.

#include "export/organizationcolumns.h"
#include "export/xlsxsheets.h"

#include <QByteArray>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

enum class AccountColumn { AccountId, Name, Email, OuPath, AccountState, Joined, Status, Reason, LastUpdated };

// The CSV's columns, in the CSV's order, so both exports read the same.
std::vector<AccountColumn> accountColumnsFor(const AccountNames *names);
QStringView accountColumnHeader(AccountColumn column);

struct PreparedCell
{
    enum class Kind : unsigned char { String, Number, None };
    Kind kind = Kind::None;
    lxw_format *format = nullptr;
    qsizetype offset = 0; // of a NUL-terminated string in PreparedRows::utf8
    double number = 0;
};

// Some consecutive rows, one cell per column each.
struct PreparedRows
{
    std::vector<PreparedCell> cells;
    QByteArray utf8;
    qsizetype rows = 0;

    const char *text(const PreparedCell &cell) const { return utf8.constData() + cell.offset; }
};

class AccountRowPreparer
{
public:
    AccountRowPreparer(const QList<AccountEnrollment> &accounts, const AccountNames *names,
                       const OrganizationTree *tree, const XlsxFormats &formats,
                       const std::vector<AccountColumn> &columns);
    ~AccountRowPreparer(); // stops the thread, whether or not every row was taken
    AccountRowPreparer(const AccountRowPreparer &) = delete;
    AccountRowPreparer &operator=(const AccountRowPreparer &) = delete;

    // The next rows, in order; the rows handed in go back to be filled again. False after the last.
    bool next(PreparedRows &rows);
    // Each column's widest text in characters as spreadsheets count them; whole once next() is false.
    const std::vector<qsizetype> &widest() const { return m_widest; }

private:
    void prepare();
    void fill(PreparedRows &rows, qsizetype first, qsizetype count);

    const QList<AccountEnrollment> &m_accounts;
    const AccountNames *m_names;
    const OrganizationColumns m_organization;
    const XlsxFormats &m_formats;
    const std::vector<AccountColumn> m_columns;
    std::vector<qsizetype> m_widest;

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<PreparedRows> m_ready;
    std::vector<PreparedRows> m_spare;
    bool m_finished = false;
    bool m_stopping = false;
    std::thread m_thread;
};
