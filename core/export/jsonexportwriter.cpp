#include "export/jsonexportwriter.h"

#include "export/enrollmentcsvwriter.h"

namespace {

void appendMember(QByteArray &out, const char *key, QStringView value)
{
    out += ", \"";
    out += key;
    out += "\": ";
    out += jsonString(value);
}

} // namespace

QByteArray jsonString(QStringView text)
{
    static constexpr char Hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(text.size() + 2);
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char byte : utf8) {
        const auto c = static_cast<unsigned char>(byte);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += Hex[c >> 4];
                out += Hex[c & 0xF];
            } else {
                out += byte;
            }
        }
    }
    out += '"';
    return out;
}

JsonExportWriter::JsonExportWriter(QIODevice *device, const AccountNames *names, const OrganizationTree *tree)
    : m_device(device)
    , m_names(names)
    , m_organization(tree)
{
}

bool JsonExportWriter::write(const QList<AccountEnrollment> &accounts)
{
    constexpr qsizetype FlushBytes = 256 * 1024;
    QByteArray out = "{\n  \"accountEnrollmentStatuses\": [";
    const auto flush = [&] {
        const bool ok = m_device->write(out) == out.size();
        out.clear();
        return ok;
    };
    bool first = true;
    for (const AccountEnrollment &account : accounts) {
        out += first ? "\n    {\"accountId\": " : ",\n    {\"accountId\": ";
        first = false;
        out += jsonString(account.accountId);
        appendMember(out, "status", account.statusText);
        if (account.statusReason)
            appendMember(out, "statusReason", *account.statusReason);
        if (account.lastUpdatedMsecs)
            appendMember(out, "lastUpdatedTimestamp", exportTimestamp(account));
        if (m_names) {
            const auto known = m_names->constFind(account.accountId);
            if (known != m_names->cend()) {
                if (!known->name.isEmpty())
                    appendMember(out, "name", known->name);
                if (!known->email.isEmpty())
                    appendMember(out, "email", known->email);
                if (const QString path = m_organization.ouPath(*known); !path.isEmpty()) {
                    appendMember(out, "ouPath", path);
                    appendMember(out, "ouId", known->parentId);
                }
                if (known->state != AccountState::Unknown)
                    appendMember(out, "accountState", OrganizationColumns::state(*known));
                if (!known->joinedMethod.isEmpty())
                    appendMember(out, "joinedMethod", known->joinedMethod);
                if (known->joinedMsecs)
                    appendMember(out, "joinedTimestamp", OrganizationColumns::joined(*known));
            }
        }
        out += '}';
        if (out.size() >= FlushBytes && !flush())
            return false;
    }
    out += first ? "]\n}\n" : "\n  ]\n}\n";
    return flush();
}
