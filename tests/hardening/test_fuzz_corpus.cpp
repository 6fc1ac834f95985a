// Every input in a fuzz target's corpus, the crashes it once found included, run through that
// target's own checks in the ordinary build: the findings stay fixed without clang or libFuzzer.
#include <QtTest>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

class FuzzCorpusTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldKeepEveryPromiseForEveryCorpusInput_data();
    void shouldKeepEveryPromiseForEveryCorpusInput();
};

void FuzzCorpusTest::shouldKeepEveryPromiseForEveryCorpusInput_data()
{
    QTest::addColumn<QString>("path");
    const QDir corpus(QStringLiteral(FUZZ_CORPUS_DIR));
    const QStringList inputs = corpus.entryList(QDir::Files | QDir::Hidden, QDir::Name);
    QVERIFY2(!inputs.isEmpty(), FUZZ_CORPUS_DIR);
    for (const QString &input : inputs)
        QTest::newRow(qPrintable(input)) << corpus.filePath(input);
}

void FuzzCorpusTest::shouldKeepEveryPromiseForEveryCorpusInput()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray input = file.readAll();
    // A broken promise aborts, and the crash names this row.
    QCOMPARE(LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size())), 0);
}

QTEST_GUILESS_MAIN(FuzzCorpusTest)
#include "test_fuzz_corpus.moc"
