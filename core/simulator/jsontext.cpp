#include "simulator/jsontext.h"

namespace JsonText {

void appendString(QByteArray &out, QStringView text)
{
    static constexpr char hexDigits[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.reserve(out.size() + utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            if (byte < 0x20) {
                out.append("\\u00");
                out.append(hexDigits[byte >> 4]);
                out.append(hexDigits[byte & 0x0f]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

QByteArray quoted(QStringView text)
{
    QByteArray out;
    appendString(out, text);
    return out;
}

} // namespace JsonText
