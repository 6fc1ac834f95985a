// Stands in for a credential helper: prints what its arguments ask for.
//   --key ID --secret S [--token T] [--expires-in SECONDS] [--version JSON]   print credentials
//   --no-version                 leave Version out
//   --key-from-arguments ...     AccessKeyId = the remaining arguments joined with '|'
//   --key-from-environment NAME  AccessKeyId = the value of NAME
//   --raw TEXT                   print TEXT as it is
//   --fail CODE MESSAGE          print MESSAGE on stderr and exit with CODE
//   --hang                       never finish
//   --count FILE                 append a line to FILE first, so a test can count runs
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);
    QJsonObject answer{{QStringLiteral("Version"), 1}};
    QTextStream out(stdout);
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &option = arguments.at(i);
        const QString next = arguments.value(i + 1);
        if (option == u"--count") {
            QFile counter(next);
            if (counter.open(QIODevice::Append))
                counter.write("run\n");
            ++i;
        } else if (option == u"--key") {
            answer.insert(QStringLiteral("AccessKeyId"), next);
            ++i;
        } else if (option == u"--secret") {
            answer.insert(QStringLiteral("SecretAccessKey"), next);
            ++i;
        } else if (option == u"--token") {
            answer.insert(QStringLiteral("SessionToken"), next);
            ++i;
        } else if (option == u"--expires-in") {
            answer.insert(QStringLiteral("Expiration"),
                          QDateTime::currentDateTimeUtc().addSecs(next.toLongLong()).toString(Qt::ISODate));
            ++i;
        } else if (option == u"--version") {
            // A JSON value: 2, 1.0, "1" or null.
            answer.insert(QStringLiteral("Version"),
                          QJsonDocument::fromJson('[' + next.toUtf8() + ']').array().at(0));
            ++i;
        } else if (option == u"--no-version") {
            answer.remove(QStringLiteral("Version"));
        } else if (option == u"--key-from-arguments") {
            answer.insert(QStringLiteral("AccessKeyId"), arguments.mid(i + 1).join(u'|'));
            break;
        } else if (option == u"--key-from-environment") {
            answer.insert(QStringLiteral("AccessKeyId"), qEnvironmentVariable(qPrintable(next)));
            ++i;
        } else if (option == u"--raw") {
            out << next;
            return 0;
        } else if (option == u"--fail") {
            QTextStream(stderr) << arguments.value(i + 2) << Qt::endl;
            return next.toInt();
        } else if (option == u"--hang") {
            QThread::sleep(3600);
        }
    }
    if (!answer.contains(QStringLiteral("SecretAccessKey")))
        answer.insert(QStringLiteral("SecretAccessKey"), QStringLiteral("fake-process-secret"));
    out << QJsonDocument(answer).toJson();
    return 0;
}
