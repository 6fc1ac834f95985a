#include "windowlauncher.h"

#include "commandline.h"

#include <QTextStream>

// Placeholder until the window lands (issue 3): say so plainly rather than pretend.
int runWindow(const CommandLineOptions &)
{
    QTextStream(stderr) << "enrollment-desk: the window is not built yet; use --export FILE (try --demo --export -)."
                        << Qt::endl;
    return ExitBadInput;
}
