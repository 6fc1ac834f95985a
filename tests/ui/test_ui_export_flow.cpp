#include "accountfilterproxymodel.h"
#include "csvexportdialog.h"
#include "enrollment/accounttablemodel.h"
#include "export/enrollmentcsvwriter.h"
#include "exportflow.h"
#include "loadtracker.h"
#include "network/loadsession.h"
#include "noticebanner.h"
#include "pagequeue.h"

#include <QBuffer>
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

// The file name typed and Save pressed, as a person does it.
void save(QFileDialog *dialog, const QString &path, ExportScope scope)
{
    dialog->selectNameFilter(csvFilterName(scope));
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
    QCOMPARE(dialog->objectName(), QStringLiteral("csvExportDialog"));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))->text(),
             QStringLiteral("compute-optimizer-enrollment-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));

    const QString path = m_dir.filePath(QStringLiteral("complete.csv"));
    save(dialog, path, ExportScope::VisibleRows);
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
    QTRY_VERIFY(!bench.flow.openDialog());

    bench.flow.start();
    QFileDialog *again = bench.saveDialog();
    QVERIFY(again);
    QCOMPARE(QFileInfo(again->directory().absolutePath()).canonicalFilePath(), QFileInfo(folder).canonicalFilePath());
    QCOMPARE(again->selectedNameFilter(), csvFilterName(ExportScope::AllRows));
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
    auto *dialog = new CsvExportDialog(&window, m_dir.path(), QStringLiteral("new.csv"), ExportScope::VisibleRows);
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
    QCOMPARE(dialog->choice().path, QString());

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
    QCOMPARE(QFileInfo(dialog->choice().path), QFileInfo(path));
    QCOMPARE(fileContents(path), QByteArray("keep me\n")); // the dialog only chooses; the export writes
    delete dialog;
}

QTEST_MAIN(ExportFlowTest)
#include "test_ui_export_flow.moc"
