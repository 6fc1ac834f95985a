#pragma once

#include "profilefile.h"
#include "profilefilelocation.h"

// Both files as read from disk, kept apart because the credential chain asks which file
// holds a profile's keys, and merged for everything else.
struct LoadedProfileFiles
{
    ProfileFileLocation location;
    ProfileSet config;
    ProfileSet credentials;
    ProfileSet merged;
};

// A missing file reads as empty; a file that exists but cannot be read is an error.
Expected<QString> readProfileFileText(const QString &path);

Expected<ProfileSet> loadProfileFile(const QString &path, ProfileFileKind kind);
Expected<LoadedProfileFiles> loadProfileFiles(const ProfileFileLocation &location);
