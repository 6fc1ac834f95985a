#pragma once

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QStringList>
#include <QUrl>

// Looks for secrets in what a program left behind: each canary in the forms a leak would take
// (as is, percent-encoded, UTF-16), in any byte string or in every file under a folder.
class CanaryScan
{
public:
    void addCanary(const QString &name, const QString &secret)
    {
        const QByteArray utf8 = secret.toUtf8();
        const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
        m_forms.append({name, utf8});
        m_forms.append({name + QStringLiteral(" (percent-encoded)"), QUrl::toPercentEncoding(secret)});
        m_forms.append({name + QStringLiteral(" (UTF-16)"), utf16});
        // A leak cut short is still a leak: the middle third alone must not appear either.
        m_forms.append({name + QStringLiteral(" (in part)"), utf8.mid(utf8.size() / 3, utf8.size() / 3)});
    }

    // "stderr: secret key (percent-encoded)" for each canary found; empty when none is.
    QStringList findIn(const QString &where, const QByteArray &bytes) const
    {
        QStringList found;
        for (const auto &[name, form] : m_forms) {
            if (!form.isEmpty() && bytes.contains(form))
                found.append(where + QStringLiteral(": ") + name);
        }
        return found;
    }

    // Every file under root, except those listed in unchanged with the same content (files the
    // test itself put there for the program to read).
    QStringList findInFiles(const QString &root, const QHash<QString, QByteArray> &unchanged = {}) const
    {
        QStringList found;
        QDirIterator files(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                found.append(path + QStringLiteral(": cannot be read, so cannot be checked"));
                continue;
            }
            const QByteArray content = file.readAll();
            const auto planted = unchanged.constFind(path);
            if (planted != unchanged.cend() && planted.value() == content)
                continue;
            found += findIn(path, content);
        }
        return found;
    }

private:
    QList<std::pair<QString, QByteArray>> m_forms;
};
