#pragma once

struct CommandLineOptions;

// Opens the desktop window (with the demo organization when asked) and runs until it closes.
int runWindow(const CommandLineOptions &options);
