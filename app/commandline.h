#pragma once

#include "common/expected.h"
#include "export/exportformat.h"

#include <QStringList>

class QCommandLineParser;

struct CommandLineOptions
{
    QString profile;
    QString region;
    QString endpointUrl;
    QStringList statuses;
    int maxResults = 1000;
    int readTimeoutSeconds = 30;
    QString exportPath; // empty = open the window
    ExportFormat exportFormat = ExportFormat::Csv; // --format, else by the file's extension
    bool csvByteOrderMark = false;
    bool quiet = false;
    bool demo = false;
    bool noNames = false;
    QString ou; // --ou: only this OU's subtree, by ID or path; empty = every account
    bool optInOrganization = false; // --opt-in-organization: opt in, without a window
    bool yes = false;               // --yes: without asking first
};

// Declares the options on the parser (so --help lists them) and reads them back, checked.
void declareOptions(QCommandLineParser &parser);
Expected<CommandLineOptions> readOptions(const QCommandLineParser &parser);

// Decided before any QCoreApplication exists: a headless export must not need a display.
bool wantsHeadlessExport(int argc, char **argv);

// Arguments and AWS_* environment variables as the bytes they are, before Qt decodes them: text
// that is not UTF-8 or is absurdly long, described in a sentence; empty when all is well.
QString rawInputProblem(int argc, char **argv);

inline constexpr int ExitSuccess = 0;
inline constexpr int ExitFailure = 1;
inline constexpr int ExitBadInput = 2;
inline constexpr int ExitInterrupted = 130;
