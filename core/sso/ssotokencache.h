#pragma once

#include "sso/ssotoken.h"

#include <optional>

// ~/.aws/sso/cache, where `aws sso login` leaves its tokens: one file per sign-in, named by the
// SHA-1 of the sso-session name (or, for a profile with sso_start_url and no sso_session, of the
// start URL).
class SsoTokenCache
{
public:
    explicit SsoTokenCache(QString directory);

    static QString directoryUnder(const QString &homeDirectory);
    static QString fileNameFor(const QString &cacheKey); // "<sha1 hex>.json"

    QString pathFor(const QString &cacheKey) const;

    // Empty when there is no file; an error when there is one that cannot be read or parsed.
    Expected<std::optional<SsoToken>> read(const QString &cacheKey) const;

    // Replaces the file in one step (write, then rename), readable by its owner only.
    std::optional<QString> write(const QString &cacheKey, const SsoToken &token) const;

private:
    QString m_directory;
};
