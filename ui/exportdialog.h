#pragma once

#include "tableexport.h"

#include <QFileDialog>
#include <QString>

class QComboBox;

enum class ExportScope { VisibleRows, AllRows };

// The kinds of file the dialog offers, in the order of its "Files of type" list.
enum class ExportFileType {
    Workbook, // XLSX: IDs stay text, dates are dates, in every spreadsheet
    Csv,      // as the headless export writes it
    ExcelCsv, // CSV with a UTF-8 byte-order mark, so Excel reads non-ASCII names
};

struct ExportChoice
{
    ExportTarget target; // the path is empty until the dialog is accepted
    ExportScope scope = ExportScope::VisibleRows;
};

// Asks where to save, in which format and which rows: the format from "Files of type" (or the
// extension typed), the rows from a list below it that counts them. Qt's own dialog, not the
// platform's, so tests can drive it. Open it with open(): loading goes on while it is up, and
// accepted() says the choice is made.
class ExportDialog : public QFileDialog
{
    Q_OBJECT

public:
    ExportDialog(QWidget *parent, const QString &folder, const QString &baseName, ExportFileType type,
                 ExportScope scope);

    // What was picked; the path is empty before the dialog is accepted.
    ExportChoice choice() const;
    ExportFileType fileType() const;
    void setFileType(ExportFileType type);
    ExportScope scope() const;
    void setScope(ExportScope scope);
    // The row list says how many each choice would write; the counts change while pages arrive.
    void setRowCounts(int visible, int all);

public Q_SLOTS:
    // Asks before replacing a file, as QFileDialog does, but without a nested event loop.
    void accept() override;

private:
    QComboBox *m_rows;
    QString m_replaceConfirmed;
};

QString exportFilterName(ExportFileType type);
