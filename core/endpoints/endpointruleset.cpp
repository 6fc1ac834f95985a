#include "endpoints/endpointruleset.h"

#include "endpoints/endpointfunctions.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <optional>

namespace {

using Scope = QHash<QString, QJsonValue>;
using Outcome = Expected<RuleSetEndpoint, RuleSetFailure>;

RuleSetFailure invalidRuleSet(const QString &message)
{
    return RuleSetFailure{RuleSetFailure::Origin::InvalidRuleSet, message};
}

bool isSet(const QJsonValue &value)
{
    return !value.isNull() && !value.isUndefined();
}

// Runs one evaluation; holds what every rule needs so the recursion only passes the scope.
class RuleEvaluator
{
public:
    explicit RuleEvaluator(const Partitions &partitions) : m_partitions(partitions) { }

    // nullopt: the rule's conditions did not hold (or no rule inside a tree matched).
    std::optional<Outcome> evaluateRules(const QJsonArray &rules, const Scope &scope) const
    {
        for (const QJsonValue &rule : rules) {
            std::optional<Outcome> outcome = evaluateRule(rule.toObject(), scope);
            if (outcome)
                return outcome;
        }
        return std::nullopt;
    }

private:
    std::optional<Outcome> evaluateRule(const QJsonObject &rule, Scope scope) const
    {
        const QJsonArray conditions = rule.value(QLatin1String("conditions")).toArray();
        for (const QJsonValue &condition : conditions) {
            const QJsonObject object = condition.toObject();
            Expected<QJsonValue> value = evaluate(object, scope);
            if (!value)
                return Outcome(Unexpected{invalidRuleSet(value.error())});
            if (!isSet(*value) || (value->isBool() && !value->toBool()))
                return std::nullopt;
            const QString assign = object.value(QLatin1String("assign")).toString();
            if (!assign.isEmpty())
                scope.insert(assign, *value);
        }

        const QString type = rule.value(QLatin1String("type")).toString();
        if (type == QLatin1String("tree"))
            return evaluateRules(rule.value(QLatin1String("rules")).toArray(), scope);
        if (type == QLatin1String("error")) {
            Expected<QJsonValue> message = evaluate(rule.value(QLatin1String("error")), scope);
            if (!message)
                return Outcome(Unexpected{invalidRuleSet(message.error())});
            return Outcome(
                Unexpected{RuleSetFailure{RuleSetFailure::Origin::ErrorRule, message->toString()}});
        }
        if (type == QLatin1String("endpoint"))
            return endpoint(rule.value(QLatin1String("endpoint")).toObject(), scope);
        return Outcome(Unexpected{invalidRuleSet(
            QStringLiteral("The endpoint rules contain a rule of unknown type '%1'.").arg(type))});
    }

    Outcome endpoint(const QJsonObject &definition, const Scope &scope) const
    {
        Expected<QJsonValue> url = evaluate(definition.value(QLatin1String("url")), scope);
        if (!url)
            return Unexpected{invalidRuleSet(url.error())};
        if (!url->isString())
            return Unexpected{invalidRuleSet(
                QStringLiteral("The endpoint rules chose an endpoint whose URL is not text."))};

        RuleSetEndpoint result;
        result.url = url->toString();

        Expected<QJsonValue> properties
            = evaluate(definition.value(QLatin1String("properties")).toObject(), scope);
        if (!properties)
            return Unexpected{invalidRuleSet(properties.error())};
        result.properties = properties->toObject();

        const QJsonObject headers = definition.value(QLatin1String("headers")).toObject();
        for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
            QStringList values;
            const QJsonArray expressions = it.value().toArray();
            for (const QJsonValue &expression : expressions) {
                Expected<QJsonValue> value = evaluate(expression, scope);
                if (!value)
                    return Unexpected{invalidRuleSet(value.error())};
                values.append(value->toString());
            }
            result.headers.append({it.key(), values});
        }
        return result;
    }

    // Strings are templates, {"ref": ...} reads the scope, {"fn": ...} calls the library, and
    // arrays and other objects are literals whose members are evaluated in turn.
    Expected<QJsonValue> evaluate(const QJsonValue &expression, const Scope &scope) const
    {
        if (expression.isString())
            return expandTemplate(expression.toString(), scope);
        if (expression.isArray()) {
            QJsonArray values;
            const QJsonArray items = expression.toArray();
            for (const QJsonValue &item : items) {
                Expected<QJsonValue> value = evaluate(item, scope);
                if (!value)
                    return value;
                values.append(*value);
            }
            return QJsonValue(values);
        }
        if (!expression.isObject())
            return expression;

        const QJsonObject object = expression.toObject();
        if (object.contains(QLatin1String("ref")))
            return scope.value(object.value(QLatin1String("ref")).toString());
        if (object.contains(QLatin1String("fn"))) {
            QList<QJsonValue> arguments;
            const QJsonArray argv = object.value(QLatin1String("argv")).toArray();
            for (const QJsonValue &argument : argv) {
                Expected<QJsonValue> value = evaluate(argument, scope);
                if (!value)
                    return value;
                arguments.append(*value);
            }
            return callEndpointFunction(object.value(QLatin1String("fn")).toString(), arguments,
                                        m_partitions);
        }
        QJsonObject values;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            Expected<QJsonValue> value = evaluate(it.value(), scope);
            if (!value)
                return value;
            values.insert(it.key(), *value);
        }
        return QJsonValue(values);
    }

    // "{Region}" and "{PartitionResult#dnsSuffix}" take values from the scope; "{{" and "}}"
    // stand for literal braces.
    static Expected<QJsonValue> expandTemplate(const QString &text, const Scope &scope)
    {
        QString result;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            const bool doubled = i + 1 < text.size() && text.at(i + 1) == c;
            if (c == QLatin1Char('}')) {
                result.append(c);
                if (doubled)
                    ++i;
                continue;
            }
            if (c != QLatin1Char('{')) {
                result.append(c);
                continue;
            }
            if (doubled) {
                result.append(c);
                ++i;
                continue;
            }
            const qsizetype close = text.indexOf(QLatin1Char('}'), i + 1);
            if (close < 0)
                return Unexpected{QStringLiteral("The endpoint rules contain the unfinished "
                                                 "template '%1'.")
                                      .arg(text)};
            const QString reference = text.mid(i + 1, close - i - 1);
            const qsizetype hash = reference.indexOf(QLatin1Char('#'));
            QJsonValue value = scope.value(hash < 0 ? reference : reference.left(hash));
            if (hash >= 0)
                value = attributeAt(value, reference.mid(hash + 1));
            if (!value.isString())
                return Unexpected{QStringLiteral("The endpoint rules use '{%1}' in '%2', but it "
                                                 "has no text value there.")
                                      .arg(reference, text)};
            result.append(value.toString());
            i = close;
        }
        return QJsonValue(result);
    }

    const Partitions &m_partitions;
};

} // namespace

Expected<EndpointRuleSet> EndpointRuleSet::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Unexpected{QStringLiteral("The endpoint rule set is not valid JSON (%1).")
                              .arg(parseError.errorString())};
    const QJsonObject root = document.object();
    if (!root.value(QLatin1String("rules")).isArray())
        return Unexpected{QStringLiteral("The endpoint rule set has no list of rules.")};
    return EndpointRuleSet(root.value(QLatin1String("parameters")).toObject(),
                           root.value(QLatin1String("rules")).toArray());
}

EndpointRuleSet::EndpointRuleSet(QJsonObject parameters, QJsonArray rules)
    : m_parameters(std::move(parameters)), m_rules(std::move(rules))
{ }

QString EndpointRuleSet::parameterForBuiltIn(const QString &builtIn) const
{
    for (auto it = m_parameters.constBegin(); it != m_parameters.constEnd(); ++it) {
        if (it.value().toObject().value(QLatin1String("builtIn")).toString() == builtIn)
            return it.key();
    }
    return {};
}

Expected<RuleSetEndpoint, RuleSetFailure>
EndpointRuleSet::evaluate(const QJsonObject &parameters, const Partitions &partitions) const
{
    Scope scope;
    for (auto it = m_parameters.constBegin(); it != m_parameters.constEnd(); ++it) {
        const QJsonObject declaration = it.value().toObject();
        QJsonValue value = parameters.value(it.key());
        if (!isSet(value))
            value = declaration.value(QLatin1String("default"));
        if (isSet(value))
            scope.insert(it.key(), value);
        else if (declaration.value(QLatin1String("required")).toBool())
            return Unexpected{invalidRuleSet(
                QStringLiteral("The endpoint parameter '%1' is required but has no value.")
                    .arg(it.key()))};
    }

    std::optional<Outcome> outcome = RuleEvaluator(partitions).evaluateRules(m_rules, scope);
    if (!outcome)
        return Unexpected{
            invalidRuleSet(QStringLiteral("No endpoint rule matched these settings."))};
    return std::move(*outcome);
}
