// credential_process is split into words as AWS CLI splits it on Linux (Python's shlex.split),
// and never handed to a shell.
#include "profiles/commandlinewords.h"

#include <QTest>

class CommandLineWordsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldSplitAsAwsCliDoes_data();
    void shouldSplitAsAwsCliDoes();
    void shouldRefuseUnfinishedQuoting_data();
    void shouldRefuseUnfinishedQuoting();
};

void CommandLineWordsTest::shouldSplitAsAwsCliDoes_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("a program alone") << "/usr/local/bin/get-keys" << QStringList{"/usr/local/bin/get-keys"};
    QTest::newRow("blanks and tabs separate words")
        << "get-keys  --profile\tprod " << QStringList{"get-keys", "--profile", "prod"};
    QTest::newRow("leading blanks are not a word") << "   get-keys" << QStringList{"get-keys"};
    QTest::newRow("single quotes keep blanks") << "get-keys 'my profile'" << QStringList{"get-keys", "my profile"};
    QTest::newRow("double quotes keep blanks") << "get-keys \"my profile\"" << QStringList{"get-keys", "my profile"};
    QTest::newRow("double quotes escape a quote and a backslash")
        << "get-keys \"say \\\"hi\\\" \\\\ now\"" << QStringList{"get-keys", "say \"hi\" \\ now"};
    QTest::newRow("other backslashes in double quotes stay")
        << "get-keys \"C:\\keys\\n\"" << QStringList{"get-keys", "C:\\keys\\n"};
    QTest::newRow("single quotes take backslashes and double quotes literally")
        << "get-keys 'a\\b \"c\"'" << QStringList{"get-keys", "a\\b \"c\""};
    QTest::newRow("a backslash outside quotes escapes a blank")
        << "/opt/my\\ tools/get-keys" << QStringList{"/opt/my tools/get-keys"};
    QTest::newRow("quoted and unquoted parts join into one word")
        << "get-keys --name=\"a b\"c'd e'" << QStringList{"get-keys", "--name=a bcd e"};
    QTest::newRow("empty quotes are an empty word") << "get-keys '' \"\"" << QStringList{"get-keys", "", ""};
    QTest::newRow("no shell: variables, pipes and globs are plain text")
        << "get-keys $HOME | cat *.json > out" << QStringList{"get-keys", "$HOME", "|", "cat", "*.json", ">", "out"};
    QTest::newRow("a hash is not a comment") << "get-keys #prod" << QStringList{"get-keys", "#prod"};
    QTest::newRow("words in other scripts") << "get-keys --rôle 'équipe ops'"
                                            << QStringList{"get-keys", "--rôle", "équipe ops"};
    QTest::newRow("nothing at all") << "" << QStringList{};
}

void CommandLineWordsTest::shouldSplitAsAwsCliDoes()
{
    QFETCH(QString, command);
    QFETCH(QStringList, words);

    const Expected<QStringList> split = splitCommandLine(command);
    QVERIFY2(split, split ? "" : qPrintable(split.error()));
    QCOMPARE(split.value(), words);
}

void CommandLineWordsTest::shouldRefuseUnfinishedQuoting_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("reason");

    QTest::newRow("an open single quote") << "get-keys 'prod" << "a single quote is never closed";
    QTest::newRow("an open double quote") << "get-keys \"prod" << "a double quote is never closed";
    QTest::newRow("a backslash at the end of a double quote") << "get-keys \"prod\\" << "a double quote is never closed";
    QTest::newRow("a backslash at the very end") << "get-keys prod\\" << "it ends in a backslash with nothing to escape";
}

void CommandLineWordsTest::shouldRefuseUnfinishedQuoting()
{
    QFETCH(QString, command);
    QFETCH(QString, reason);

    const Expected<QStringList> split = splitCommandLine(command);
    QVERIFY(!split);
    QCOMPARE(split.error(), reason);
}

QTEST_GUILESS_MAIN(CommandLineWordsTest)
#include "test_command_line_words.moc"
