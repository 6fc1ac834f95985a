#pragma once

#include "common/expected.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

class Partitions;

// What an endpoint rule produced: the URL text and whatever headers and properties it attached
// (properties carry authSchemes with the signing name and region when a service needs them).
struct RuleSetEndpoint
{
    QString url;
    QJsonObject properties;
    QList<QPair<QString, QStringList>> headers;
};

struct RuleSetFailure
{
    enum class Origin {
        ErrorRule,      // the rule set itself said no; the message is AWS's own text
        InvalidRuleSet, // the rule set cannot be run: a broken file or an unknown function
    };
    Origin origin;
    QString message;
};

// An endpoint rule set (botocore's endpoint-rule-set-1.json), evaluated the way the Smithy rules
// engine specifies: rules in order, conditions left to right, `assign` binding names for the rest
// of the rule, the first endpoint or error rule reached deciding the outcome.
class EndpointRuleSet
{
public:
    static Expected<EndpointRuleSet> fromJson(const QByteArray &json);

    // Parameters are found by the SDK setting they stand for ("AWS::Region"), as SDKs do.
    QString parameterForBuiltIn(const QString &builtIn) const;

    // `parameters` maps parameter names to values; absent ones take the rule set's defaults.
    Expected<RuleSetEndpoint, RuleSetFailure> evaluate(const QJsonObject &parameters,
                                                       const Partitions &partitions) const;

private:
    EndpointRuleSet(QJsonObject parameters, QJsonArray rules);

    QJsonObject m_parameters;
    QJsonArray m_rules;
};
