#pragma once

#include "commandline.h"
#include "enrollment/accountenrollment.h"
#include "enrollment/accountname.h"
#include "enrollment/organizationtree.h"
#include "export/exportload.h"
#include "network/enrollmentquery.h"
#include "network/fetchprogress.h"
#include "network/loadoutcome.h"

#include <QObject>
#include <QTextStream>

#include <memory>

class EnrollmentCsvWriter;
class LoadSession;
class QBuffer;
class QSaveFile;

// `enrollment-desk --export FILE`: every account as CSV, XLSX or JSON, or a non-zero exit and no
// file. Progress goes to stderr, so stdout stays clean when it is the output.
class HeadlessExport : public QObject
{
    Q_OBJECT

public:
    explicit HeadlessExport(CommandLineOptions options, QObject *parent = nullptr);
    ~HeadlessExport() override;

    // Opens the output and starts loading; on bad input returns false after reporting it.
    bool start(const EnrollmentQuery &query);
    void interrupt();

Q_SIGNALS:
    void done(int exitCode);

private:
    bool openOutput();
    void onPage(const QList<AccountEnrollment> &accounts);
    void onProgress(const FetchProgress &progress);
    void onEnded(const LoadOutcome &outcome);
    bool streamsRows() const;
    bool writeCsvRows(const QList<AccountEnrollment> &accounts);
    bool writeLoadedList();
    bool openCsvWithNames();
    // The Not listed rows, then --ou's subtree; false after reporting why the file cannot be written.
    bool completeRows(const LoadOutcome &outcome);
    void reportWriteFailure(const QString &reason);
    ExportLoad describeLoad(const EnrollmentQuery &query) const;
    void commit();
    void finish(int exitCode, const QString &message);
    QString destinationName() const;

    CommandLineOptions m_options;
    QTextStream m_stderr;
    std::unique_ptr<QSaveFile> m_file;
    std::unique_ptr<QBuffer> m_stdoutBuffer;
    QIODevice *m_device = nullptr; // m_file or m_stdoutBuffer
    std::unique_ptr<EnrollmentCsvWriter> m_csv;
    ExportLoad m_load;
    LoadSession *m_session = nullptr;
    int m_accountsWritten = 0;
    // Rows wait here until the load has ended when the file needs all of them at once (XLSX,
    // JSON) or every row must carry its name; a CSV without names is written page by page.
    bool m_includeNames = false;
    AccountNames m_names;
    OrganizationTree m_tree;
    QString m_treeWarning; // why the OUs could not be listed
    QList<AccountEnrollment> m_loaded;
    bool m_done = false;
};
