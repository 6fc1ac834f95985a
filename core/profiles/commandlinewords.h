#pragma once

#include "common/expected.h"

#include <QStringList>

// Splits a credential_process command into the program and its arguments as AWS CLI does on
// Linux and macOS (Python's shlex.split): words separated by blanks, '...' taken literally,
// "..." with \" and \\ as escapes, a backslash outside quotes escaping any character, and
// quoted and unquoted parts next to each other joined into one word. No shell is involved:
// no variables, globs, pipes or redirections.
Expected<QStringList> splitCommandLine(const QString &command);
