#pragma once

#include <QByteArray>
#include <QStringView>

// JSON written by hand, so that numbers such as 1.6084512E9 reach the client exactly as given.
namespace JsonText {

// Appends text as a quoted JSON string: UTF-8, with quotes, backslashes and control characters escaped.
void appendString(QByteArray &out, QStringView text);
QByteArray quoted(QStringView text);

} // namespace JsonText
