#pragma once

#include <QFileDialog>
#include <QString>

enum class ExportScope { VisibleRows, AllRows };

struct CsvExportChoice
{
    QString path;
    ExportScope scope = ExportScope::VisibleRows;
};

// Asks where to save, and whether to save the rows as shown or every loaded row, through the
// file-type filters of one save dialog. Qt's own dialog, not the platform's, so tests can drive it.
// Open it with open(): loading goes on while it is up, and accepted() says the choice is made.
class CsvExportDialog : public QFileDialog
{
    Q_OBJECT

public:
    CsvExportDialog(QWidget *parent, const QString &folder, const QString &fileName, ExportScope suggestedScope);

    // What was picked; the path is empty before the dialog is accepted.
    CsvExportChoice choice() const;

public Q_SLOTS:
    // Asks before replacing a file, as QFileDialog does, but without a nested event loop.
    void accept() override;

private:
    QString m_replaceConfirmed;
};

QString csvFilterName(ExportScope scope);
