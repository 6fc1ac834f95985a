// xlsx_fixture_writer OUT.xlsx < fixture: the XLSX writer on rows a test sent (see exportfixture.h).
// Exit 0 when written; 1 with the writer's error on stderr; 2 when the fixture is unreadable.
#include "exportfixture.h"
#include "export/xlsxworkbookwriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QFile input;
    if (argc != 2 || !input.open(stdin, QIODevice::ReadOnly))
        return 2;
    QDataStream in(input.readAll());
    ExportFixture fixture;
    in >> fixture;
    if (in.status() != QDataStream::Ok)
        return 2;
    QFile out(QString::fromLocal8Bit(argv[1]));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        QTextStream(stderr) << out.errorString() << Qt::endl;
        return 1;
    }
    XlsxWorkbookWriter writer(&out);
    if (!writer.write(fixture.accounts, fixture.withNames ? &fixture.names : nullptr, fixture.load)) {
        QTextStream(stderr) << writer.errorString() << Qt::endl;
        return 1;
    }
    return 0;
}
