#pragma once

#include <QCommandLineParser>
#include <QTextStream>

#include <cmath>
#include <type_traits>

// A benchmark's --name option as a number from low to high; target keeps its default when the
// option is absent. False, with a message on stderr, when the value is not such a number (or, for
// a whole-number target, has a fraction).
template <typename Number>
bool readBenchOption(const QCommandLineParser &parser, const QString &name, Number &target, double low, double high)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    const bool whole = std::is_integral_v<Number>;
    if (!ok || value < low || value > high || (whole && value != std::floor(value))) {
        QTextStream(stderr) << "--" << name << " must be a " << (whole ? "whole number" : "number") << " from " << low
                            << " to " << high << ".\n";
        return false;
    }
    target = static_cast<Number>(value);
    return true;
}
