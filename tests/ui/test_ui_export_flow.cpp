#include "accountfilterproxymodel.h"
#include "exportdialog.h"
#include "enrollment/accounttablemodel.h"
#include "export/enrollmentcsvwriter.h"
#include "exportflow.h"
#include "loadtracker.h"
#include "network/loadsession.h"
#include "noticebanner.h"
#include "pagequeue.h"
#include "windowsettings.h"

#include <QBuffer>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtTest>

#include <memory>

namespace {

QList<AccountEnrollment> page(int first, int count)
{
    QList<AccountEnrollment> accounts;
    for (int i = first; i < first + count; ++i) {
        AccountEnrollment account;
        account.accountId = QStringLiteral("%1").arg(i, 12, 10, QLatin1Char('0'));
        account.statusText = i % 3 == 0 ? QStringLiteral("Failed") : QStringLiteral("Active");
        account.status = enrollmentStatusFromText(account.statusText);
        accounts.append(account);
    }
    return accounts;
}

QByteArray csvOf(const QList<AccountEnrollment> &accounts)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    EnrollmentCsvWriter writer(&buffer);
    writer.writeHeader();
    writer.writeAccounts(accounts);
    return buffer.data();
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The file type picked from "Files of type", as a person does it: the dialog says filterSelected.
void pickFileType(QFileDialog *dialog, ExportFileType type)
{
    dialog->selectNameFilter(exportFilterName(type));
    Q_EMIT dialog->filterSelected(exportFilterName(type));
}

// The file name typed and Save pressed, as a person does it.
void save(QFileDialog *dialog, const QString &path, ExportScope scope)
{
    qobject_cast<ExportDialog *>(dialog)->setScope(scope);
    dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))->setText(path);
    static_cast<QDialog *>(dialog)->accept();
}

// A window of its own: the table's models, a load that the test ends, the notice and the flow.
struct ExportBench
{
    QWidget window;
    AccountTableModel model;
    AccountFilterProxyModel proxy;
    LoadSession session;
    PageQueue pages{&model};
    LoadTracker tracker{&session, &pages};
    NoticeBanner *notice = new NoticeBanner(NoticeBanner::Kind::Information, &window);
    ExportFlow flow{&model, &proxy, &tracker, notice, &window};

    ExportBench()
    {
        proxy.setSourceModel(&model);
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(notice);
        notice->hide();
        window.resize(640, 480);
        window.show();
    }

    void loadingWith(int rows)
    {
        tracker.start(QStringLiteral("profile audit"), QStringLiteral("us-east-1"));
        model.appendAccounts(page(0, rows));
    }
    QMessageBox *question() const { return qobject_cast<QMessageBox *>(flow.openDialog()); }
    QFileDialog *saveDialog() const { return qobject_cast<QFileDialog *>(flow.openDialog()); }
};

} // namespace

class ExportFlowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void shouldSayThereIsNothingToExportYet();
    void shouldOpenTheSaveDialogStraightAwayForACompleteList();
    void shouldTakeRowsWhileTheQuestionIsUp();
    void shouldWriteNothingWhenTheQuestionIsDeclined();
    void shouldRememberTheFolderAndTheRowsForTheNextExport();
    void shouldOpenOneDialogAtATime();
    void shouldSayWhyAnExportFailed();
    void shouldAskBeforeReplacingAFileWithoutBlocking();
    void shouldWriteTheFileTypePicked_data();
    void shouldWriteTheFileTypePicked();
    void shouldCountTheRowsEachChoiceWouldWrite();
    void shouldRememberTheChoiceBetweenRuns();

private:
    QTemporaryDir m_dir;
};

void ExportFlowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_dir.isValid());
}

void ExportFlowTest::shouldSayThereIsNothingToExportYet()
{
    ExportBench bench;
    bench.flow.start();
    QVERIFY(!bench.flow.openDialog());
    QVERIFY(bench.notice->isVisible());
    QCOMPARE(bench.notice->title(), QStringLiteral("Nothing to export yet"));
}

void ExportFlowTest::shouldOpenTheSaveDialogStraightAwayForACompleteList()
{
    ExportBench bench;
    bench.loadingWith(50);
    bench.tracker.onEnded(LoadOutcome{});
    QCOMPARE(bench.tracker.state(), LoadStatus::State::Loaded);

    bench.flow.start();
    QFileDialog *dialog = bench.saveDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->objectName(), QStringLiteral("exportDialog"));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))->text(),
             QStringLiteral("compute-optimizer-enrollment-%1.xlsx").arg(QDate::currentDate().toString(Qt::ISODate)));
    QCOMPARE(qobject_cast<ExportDialog *>(dialog)->fileType(), ExportFileType::Workbook);

    const QString path = m_dir.filePath(QStringLiteral("complete.csv"));
    save(dialog, path, ExportScope::VisibleRows);
    QVERIFY(bench.flow.isWriting()); // on a worker: the window goes on meanwhile
    QTRY_VERIFY(!bench.flow.isWriting());
    QCOMPARE(fileContents(path), csvOf(bench.model.accounts()));
    QCOMPARE(bench.notice->title(), QStringLiteral("Exported the 50 accounts shown."));
    QCOMPARE(bench.notice->detail(), QDir::toNativeSeparators(path));
}

void ExportFlowTest::shouldTakeRowsWhileTheQuestionIsUp()
{
    ExportBench bench;
    bench.loadingWith(100);
    bench.flow.start();
    QMessageBox *question = bench.question();
    QVERIFY(question);
    QVERIFY(question->isVisible());
    QCOMPARE(question->objectName(), QStringLiteral("incompleteExportQuestion"));
    QCOMPARE(question->text(), QStringLiteral("The list is still loading: 100 accounts so far."));

    bench.pages.enqueue(page(100, 150));
    QTRY_COMPARE(bench.model.rowCount(), 250);
    QVERIFY(question->isVisible());
    QCOMPARE(question->text(), QStringLiteral("The list is still loading: 250 accounts so far."));
    bench.tracker.onEnded(LoadOutcome{});
    QCOMPARE(question->text(), QStringLiteral("The list has finished loading: 250 accounts."));

    question->findChild<QPushButton *>(QStringLiteral("exportAnywayButton"))->click();
    QFileDialog *dialog = bench.saveDialog();
    QVERIFY(dialog);
    const QString path = m_dir.filePath(QStringLiteral("after-the-question.csv"));
    save(dialog, path, ExportScope::AllRows);
    QTRY_VERIFY(!bench.flow.isWriting());
    QCOMPARE(fileContents(path), csvOf(bench.model.accounts()));
    QCOMPARE(bench.notice->title(), QStringLiteral("Exported all 250 loaded accounts."));
    QVERIFY(!bench.notice->detail().contains(QStringLiteral("incomplete")));
}

void ExportFlowTest::shouldWriteNothingWhenTheQuestionIsDeclined()
{
    ExportBench bench;
    bench.loadingWith(100);
    LoadOutcome failed;
    failed.state = LoadOutcome::State::Incomplete;
    failed.failure.message = QStringLiteral("Page 2 failed.");
    bench.tracker.onEnded(failed);
    QCOMPARE(bench.tracker.state(), LoadStatus::State::Failed);

    bench.flow.start();
    QMessageBox *question = bench.question();
    QVERIFY(question);
    QCOMPARE(question->text(), QStringLiteral("The list is incomplete: only 100 accounts loaded."));
    question->reject();
    QVERIFY(!bench.flow.openDialog());
    QVERIFY(!bench.notice->isVisible());
    QVERIFY(!bench.window.findChild<QFileDialog *>());
}

void ExportFlowTest::shouldRememberTheFolderAndTheRowsForTheNextExport()
{
    ExportBench bench;
    bench.loadingWith(30);
    bench.tracker.onEnded(LoadOutcome{});
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("reports")));
    const QString folder = m_dir.filePath(QStringLiteral("reports"));

    bench.flow.start();
    save(bench.saveDialog(), folder + QStringLiteral("/all.csv"), ExportScope::AllRows);
    QTRY_VERIFY(!bench.flow.isWriting());
    QTRY_VERIFY(!bench.flow.openDialog());

    bench.flow.start();
    QFileDialog *again = bench.saveDialog();
    QVERIFY(again);
    QCOMPARE(QFileInfo(again->directory().absolutePath()).canonicalFilePath(), QFileInfo(folder).canonicalFilePath());
    QCOMPARE(qobject_cast<ExportDialog *>(again)->scope(), ExportScope::AllRows);
    again->reject();
}

void ExportFlowTest::shouldOpenOneDialogAtATime()
{
    ExportBench bench;
    bench.loadingWith(10);
    bench.flow.start();
    QMessageBox *first = bench.question();
    QVERIFY(first);
    bench.flow.start();
    QCOMPARE(bench.question(), first);
    QCOMPARE(bench.window.findChildren<QMessageBox *>().size(), 1);
    first->reject();
}

void ExportFlowTest::shouldSayWhyAnExportFailed()
{
    ExportBench bench;
    bench.loadingWith(10);
    const auto written = bench.flow.exportTo(m_dir.path(), ExportScope::AllRows);
    QVERIFY(!written.hasValue());
    QCOMPARE(bench.notice->kind(), NoticeBanner::Kind::Error);
    QCOMPARE(bench.notice->title(), QStringLiteral("Export failed"));
    QCOMPARE(bench.notice->detail(), written.error());
}

void ExportFlowTest::shouldAskBeforeReplacingAFileWithoutBlocking()
{
    const QString path = m_dir.filePath(QStringLiteral("existing.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me\n");
    }
    QWidget window;
    window.show();
    auto *dialog = new ExportDialog(&window, m_dir.path(), QStringLiteral("new"), ExportFileType::Csv, ExportScope::VisibleRows);
    QSignalSpy accepted(dialog, &QDialog::accepted);
    dialog->open();
    dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))->setText(path);

    dialog->accept();
    auto *question = dialog->findChild<QMessageBox *>(QStringLiteral("replaceFileQuestion"));
    QVERIFY(question);
    QVERIFY(question->isVisible());
    QVERIFY(question->text().contains(QStringLiteral("existing.csv")));
    QVERIFY(dialog->isVisible());
    question->button(QMessageBox::No)->click();
    QVERIFY(dialog->isVisible());
    QCOMPARE(accepted.count(), 0);
    QCOMPARE(dialog->choice().target.path, QString());

    dialog->accept();
    QMessageBox *again = nullptr;
    for (QMessageBox *box : dialog->findChildren<QMessageBox *>(QStringLiteral("replaceFileQuestion"))) {
        if (box->isVisible())
            again = box;
    }
    QVERIFY(again);
    again->button(QMessageBox::Yes)->click();
    QCOMPARE(accepted.count(), 1);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(QFileInfo(dialog->choice().target.path), QFileInfo(path));
    QCOMPARE(fileContents(path), QByteArray("keep me\n")); // the dialog only chooses; the export writes
    delete dialog;
}

void ExportFlowTest::shouldWriteTheFileTypePicked_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("startsWith");
    QTest::newRow("Excel workbook: a zip") << int(ExportFileType::Workbook) << "xlsx" << QByteArray("PK\x03\x04");
    QTest::newRow("CSV: the header, no byte-order mark") << int(ExportFileType::Csv) << "csv"
                                                         << QByteArray("Account ID,");
    QTest::newRow("Excel-compatible CSV: a UTF-8 byte-order mark") << int(ExportFileType::ExcelCsv) << "csv"
                                                                  << QByteArray("\xEF\xBB\xBF" "Account ID,");
}

void ExportFlowTest::shouldWriteTheFileTypePicked()
{
    QFETCH(int, type);
    QFETCH(QString, suffix);
    QFETCH(QByteArray, startsWith);
    ExportBench bench;
    bench.loadingWith(20);
    bench.tracker.onEnded(LoadOutcome{});
    bench.flow.start();
    QFileDialog *dialog = bench.saveDialog();
    QVERIFY(dialog);
    pickFileType(dialog, ExportFileType(type));
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    // The name follows the type, so the extension shown is the format written.
    QVERIFY2(name->text().endsWith(u'.' + suffix), qPrintable(name->text()));
    const QString path = m_dir.filePath(QStringLiteral("picked-%1.%2").arg(type).arg(suffix));
    name->setText(path);
    static_cast<QDialog *>(dialog)->accept();
    QTRY_VERIFY(!bench.flow.openDialog());
    QTRY_VERIFY(!bench.flow.isWriting());
    const QByteArray written = fileContents(path);
    QVERIFY2(written.startsWith(startsWith), written.left(16).toHex().constData());
    QCOMPARE(bench.notice->title(), QStringLiteral("Exported the 20 accounts shown."));
}

void ExportFlowTest::shouldCountTheRowsEachChoiceWouldWrite()
{
    ExportBench bench;
    bench.loadingWith(30);
    StatusFilter failedOnly = StatusFilter::none();
    failedOnly.setAccepted(EnrollmentStatus::Failed, true);
    bench.proxy.setStatusFilter(failedOnly);
    bench.flow.start();
    QMessageBox *question = bench.question();
    QVERIFY(question);
    question->findChild<QPushButton *>(QStringLiteral("exportAnywayButton"))->click();
    QFileDialog *dialog = bench.saveDialog();
    QVERIFY(dialog);
    auto *rows = dialog->findChild<QComboBox *>(QStringLiteral("exportRows"));
    QVERIFY(rows);
    QVERIFY2(rows->itemText(0).endsWith(QStringLiteral("(10 accounts)")), qPrintable(rows->itemText(0)));
    QCOMPARE(rows->itemText(1), QStringLiteral("All loaded rows (30 accounts)"));
    bench.model.appendAccounts(page(30, 6));
    QVERIFY2(rows->itemText(0).endsWith(QStringLiteral("(12 accounts)")), qPrintable(rows->itemText(0)));
    QCOMPARE(rows->itemText(1), QStringLiteral("All loaded rows (36 accounts)"));
    dialog->reject();
}

void ExportFlowTest::shouldRememberTheChoiceBetweenRuns()
{
    const QString ini = m_dir.filePath(QStringLiteral("remember.ini"));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("kept")));
    const QString folder = m_dir.filePath(QStringLiteral("kept"));
    {
        WindowSettings settings(ini);
        ExportBench bench;
        ExportFlow flow(&bench.model, &bench.proxy, &bench.tracker, bench.notice, &bench.window, &settings);
        bench.loadingWith(5);
        bench.tracker.onEnded(LoadOutcome{});
        flow.start();
        auto *dialog = qobject_cast<QFileDialog *>(flow.openDialog());
        QVERIFY(dialog);
        pickFileType(dialog, ExportFileType::ExcelCsv);
        save(dialog, folder + QStringLiteral("/for-excel.csv"), ExportScope::AllRows);
        QTRY_VERIFY(!flow.openDialog());
        QTRY_VERIFY(!flow.isWriting());
        settings.sync();
    }
    WindowSettings settings(ini);
    ExportBench bench;
    ExportFlow flow(&bench.model, &bench.proxy, &bench.tracker, bench.notice, &bench.window, &settings);
    bench.loadingWith(5);
    bench.tracker.onEnded(LoadOutcome{});
    flow.start();
    auto *dialog = qobject_cast<ExportDialog *>(flow.openDialog());
    QVERIFY(dialog);
    QCOMPARE(dialog->fileType(), ExportFileType::ExcelCsv);
    QCOMPARE(dialog->scope(), ExportScope::AllRows);
    QCOMPARE(QFileInfo(dialog->directory().absolutePath()).canonicalFilePath(), QFileInfo(folder).canonicalFilePath());
    dialog->reject();
}

QTEST_MAIN(ExportFlowTest)
#include "test_ui_export_flow.moc"
