#include "test_endpoint_rule_set.h"

#include "endpoints/endpointruleset.h"
#include "endpoints/partitions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

Partitions builtInPartitions()
{
    QFile file(QStringLiteral(":/endpoints/partitions.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("The built-in partition data is not linked into the test.");
    Expected<Partitions> partitions = Partitions::fromJson(file.readAll());
    if (!partitions)
        qFatal("The built-in partition data does not parse.");
    return std::move(partitions).value();
}

EndpointRuleSet ruleSet(const QByteArray &json)
{
    Expected<EndpointRuleSet> parsed = EndpointRuleSet::fromJson(json);
    if (!parsed)
        qFatal("Test rule set does not parse: %s", qPrintable(parsed.error()));
    return std::move(parsed).value();
}

// Calls one function through a rule set; "falsy" when the condition did not hold.
Expected<QJsonValue> callThroughRuleSet(const QByteArray &functionCall)
{
    const QByteArray json = R"({
        "parameters": {},
        "rules": [
            {"conditions": [)"
        + functionCall + R"(],
             "endpoint": {"url": "https://x.example", "properties": {"result": {"ref": "Result"}}},
             "type": "endpoint"},
            {"conditions": [], "error": "falsy", "type": "error"}
        ]})";
    const Expected<RuleSetEndpoint, RuleSetFailure> outcome
        = ruleSet(json).evaluate({}, builtInPartitions());
    if (!outcome)
        return Unexpected{outcome.error().message};
    return outcome->properties.value(QLatin1String("result"));
}

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

} // namespace

void EndpointRuleSetTest::shouldLoadBuiltInDataFromTheLinkedResource()
{
    QVERIFY(QFile::exists(QStringLiteral(":/endpoints/partitions.json")));
    QVERIFY(
        QFile::exists(QStringLiteral(":/endpoints/compute-optimizer-endpoint-rule-set-1.json")));
}

void EndpointRuleSetTest::shouldEvaluateLibraryFunctions_data()
{
    QTest::addColumn<QByteArray>("call");
    QTest::addColumn<QString>("expected");

    QTest::newRow("parseURL splits an https URL with port and path")
        << QByteArray(
               R"({"fn": "parseURL", "argv": ["https://example.com:8443/path/to"], "assign": "Result"})")
        << QStringLiteral(
               R"({"authority":"example.com:8443","isIp":false,"normalizedPath":"/path/to/","path":"/path/to","scheme":"https"})");
    QTest::newRow("parseURL marks an IPv4 host and normalises an empty path")
        << QByteArray(
               R"({"fn": "parseURL", "argv": ["http://127.0.0.1:1234"], "assign": "Result"})")
        << QStringLiteral(
               R"({"authority":"127.0.0.1:1234","isIp":true,"normalizedPath":"/","path":"","scheme":"http"})");
    QTest::newRow("parseURL marks an IPv6 host")
        << QByteArray(R"({"fn": "parseURL", "argv": ["http://[::1]:80/"], "assign": "Result"})")
        << QStringLiteral(
               R"({"authority":"[::1]:80","isIp":true,"normalizedPath":"/","path":"/","scheme":"http"})");
    QTest::newRow("parseURL refuses a query string") << QByteArray(
        R"({"fn": "parseURL", "argv": ["https://example.com/?a=b"], "assign": "Result"})")
                                                     << QStringLiteral("falsy");
    QTest::newRow("parseURL refuses other schemes")
        << QByteArray(R"({"fn": "parseURL", "argv": ["ftp://example.com"], "assign": "Result"})")
        << QStringLiteral("falsy");
    QTest::newRow("substring from the start")
        << QByteArray(R"({"fn": "substring", "argv": ["abcdef", 0, 3, false], "assign": "Result"})")
        << QStringLiteral(R"(["abc"])");
    QTest::newRow("substring from the end")
        << QByteArray(R"({"fn": "substring", "argv": ["abcdef", 0, 3, true], "assign": "Result"})")
        << QStringLiteral(R"(["def"])");
    QTest::newRow("substring past the end is unset")
        << QByteArray(R"({"fn": "substring", "argv": ["abc", 1, 4, false], "assign": "Result"})")
        << QStringLiteral("falsy");
    QTest::newRow("substring of non-ASCII text is unset") << QByteArray(
        R"({"fn": "substring", "argv": ["ab\u00e9d", 0, 2, false], "assign": "Result"})")
                                                          << QStringLiteral("falsy");
    QTest::newRow("uriEncode escapes everything but unreserved characters")
        << QByteArray(R"({"fn": "uriEncode", "argv": ["a b/c?d~e_f.g-h"], "assign": "Result"})")
        << QStringLiteral(R"(["a%20b%2Fc%3Fd~e_f.g-h"])");
    QTest::newRow("host label with subdomains allowed") << QByteArray(
        R"({"fn": "isValidHostLabel", "argv": ["foo.bar", true], "assign": "Result"})")
                                                        << QStringLiteral("[true]");
    QTest::newRow("host label with a dot when subdomains are not allowed")
        << QByteArray(
               R"({"fn": "isValidHostLabel", "argv": ["foo.bar", false], "assign": "Result"})")
        << QStringLiteral("falsy");
    QTest::newRow("host label starting with a hyphen")
        << QByteArray(R"({"fn": "isValidHostLabel", "argv": ["-foo", false], "assign": "Result"})")
        << QStringLiteral("falsy");
    QTest::newRow("virtual-hostable bucket") << QByteArray(
        R"({"fn": "aws.isVirtualHostableS3Bucket", "argv": ["my-bucket", false], "assign": "Result"})")
                                             << QStringLiteral("[true]");
    QTest::newRow("bucket with capitals is not virtual-hostable") << QByteArray(
        R"({"fn": "aws.isVirtualHostableS3Bucket", "argv": ["My-Bucket", false], "assign": "Result"})")
                                                                  << QStringLiteral("falsy");
    QTest::newRow("bucket named like an IP address is not virtual-hostable") << QByteArray(
        R"({"fn": "aws.isVirtualHostableS3Bucket", "argv": ["192.168.0.1", true], "assign": "Result"})")
                                                                             << QStringLiteral(
                                                                                    "falsy");
    QTest::newRow("parseArn splits the resource on colons and slashes")
        << QByteArray(
               R"({"fn": "aws.parseArn", "argv": ["arn:aws:s3:us-east-1:123456789012:accesspoint/my-ap:x"], "assign": "Result"})")
        << QStringLiteral(
               R"({"accountId":"123456789012","partition":"aws","region":"us-east-1","resourceId":["accesspoint","my-ap","x"],"service":"s3"})");
    QTest::newRow("parseArn of something else is unset")
        << QByteArray(R"({"fn": "aws.parseArn", "argv": ["not-an-arn"], "assign": "Result"})")
        << QStringLiteral("falsy");
    QTest::newRow("getAttr with an index into a nested call") << QByteArray(
        R"({"fn": "getAttr", "argv": [{"fn": "aws.parseArn", "argv": ["arn:aws:s3:::accesspoint/my-ap"]}, "resourceId[1]"], "assign": "Result"})")
                                                              << QStringLiteral(R"(["my-ap"])");
    QTest::newRow("getAttr past the end of a list is unset") << QByteArray(
        R"({"fn": "getAttr", "argv": [{"fn": "aws.parseArn", "argv": ["arn:aws:s3:::accesspoint/my-ap"]}, "resourceId[5]"], "assign": "Result"})")
                                                             << QStringLiteral("falsy");
    QTest::newRow("partition of a GovCloud region") << QByteArray(
        R"({"fn": "getAttr", "argv": [{"fn": "aws.partition", "argv": ["us-gov-west-1"]}, "name"], "assign": "Result"})")
                                                    << QStringLiteral(R"(["aws-us-gov"])");
    QTest::newRow("partition of a global pseudo-region by its explicit entry")
        << QByteArray(
               R"({"fn": "getAttr", "argv": [{"fn": "aws.partition", "argv": ["aws-cn-global"]}, "dnsSuffix"], "assign": "Result"})")
        << QStringLiteral(R"(["amazonaws.com.cn"])");
    QTest::newRow("partition of an unknown region is aws") << QByteArray(
        R"({"fn": "getAttr", "argv": [{"fn": "aws.partition", "argv": ["moon-1"]}, "name"], "assign": "Result"})")
                                                           << QStringLiteral(R"(["aws"])");
    QTest::newRow("not of true") << QByteArray(
        R"({"fn": "not", "argv": [true], "assign": "Result"})")
                                 << QStringLiteral("falsy");
    QTest::newRow("stringEquals of equal strings")
        << QByteArray(R"({"fn": "stringEquals", "argv": ["a", "a"], "assign": "Result"})")
        << QStringLiteral("[true]");
    QTest::newRow("booleanEquals of an unset value") << QByteArray(
        R"({"fn": "booleanEquals", "argv": [{"ref": "Nothing"}, false], "assign": "Result"})")
                                                     << QStringLiteral("falsy");
}

void EndpointRuleSetTest::shouldEvaluateLibraryFunctions()
{
    QFETCH(QByteArray, call);
    QFETCH(QString, expected);

    const Expected<QJsonValue> result = callThroughRuleSet(call);

    if (expected == QLatin1String("falsy")) {
        QVERIFY2(!result, qPrintable(result ? compact(*result) : QString()));
        QCOMPARE(result.error(), QStringLiteral("falsy"));
        return;
    }
    QVERIFY2(result, qPrintable(result ? QString() : result.error()));
    QCOMPARE(compact(*result), expected);
}

void EndpointRuleSetTest::shouldReportUnknownFunctionAsBrokenRuleSet()
{
    const QByteArray json = R"({"parameters": {}, "rules": [
        {"conditions": [{"fn": "aws.teleport", "argv": []}], "error": "never", "type": "error"}]})";

    const Expected<RuleSetEndpoint, RuleSetFailure> outcome
        = ruleSet(json).evaluate({}, builtInPartitions());

    QVERIFY(!outcome);
    QCOMPARE(outcome.error().origin, RuleSetFailure::Origin::InvalidRuleSet);
    QVERIFY2(outcome.error().message.contains(QLatin1String("aws.teleport")),
             qPrintable(outcome.error().message));
}

void EndpointRuleSetTest::shouldExpandTemplatesWithAttributePathsAndEscapedBraces()
{
    const QByteArray json = R"({
        "parameters": {"Region": {"type": "string", "builtIn": "AWS::Region"}},
        "rules": [{
            "conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"}],
            "endpoint": {
                "url": "https://svc.{Region}.{P#dualStackDnsSuffix}/{{literal}}",
                "properties": {"authSchemes": [{"name": "sigv4", "signingName": "svc",
                                                "signingRegion": "{P#implicitGlobalRegion}"}]},
                "headers": {"x-partition": ["{P#name}", "fixed"]}
            },
            "type": "endpoint"}]})";

    const Expected<RuleSetEndpoint, RuleSetFailure> outcome = ruleSet(json).evaluate(
        QJsonObject{{QStringLiteral("Region"), QStringLiteral("cn-north-1")}}, builtInPartitions());

    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
    QCOMPARE(outcome->url,
             QStringLiteral("https://svc.cn-north-1.api.amazonwebservices.com.cn/{literal}"));
    const QJsonObject scheme
        = outcome->properties.value(QLatin1String("authSchemes")).toArray().first().toObject();
    QCOMPARE(scheme.value(QLatin1String("signingRegion")).toString(),
             QStringLiteral("cn-northwest-1"));
    QCOMPARE(outcome->headers.size(), 1);
    QCOMPARE(outcome->headers.first().first, QStringLiteral("x-partition"));
    QCOMPARE(outcome->headers.first().second,
             (QStringList{QStringLiteral("aws-cn"), QStringLiteral("fixed")}));
}

void EndpointRuleSetTest::shouldRefuseTemplateOfUnsetValue()
{
    const QByteArray json = R"({"parameters": {"Region": {"type": "string"}},
        "rules": [{"conditions": [], "endpoint": {"url": "https://svc.{Region}.example"},
                   "type": "endpoint"}]})";

    const Expected<RuleSetEndpoint, RuleSetFailure> outcome
        = ruleSet(json).evaluate({}, builtInPartitions());

    QVERIFY(!outcome);
    QCOMPARE(outcome.error().origin, RuleSetFailure::Origin::InvalidRuleSet);
    QVERIFY2(outcome.error().message.contains(QLatin1String("{Region}")),
             qPrintable(outcome.error().message));
}

void EndpointRuleSetTest::shouldKeepAssignedNamesInsideTheirRule()
{
    // "Found" is bound by the first rule only; the second rule must not see it.
    const QByteArray json = R"({"parameters": {},
        "rules": [
            {"conditions": [{"fn": "substring", "argv": ["abc", 0, 1, false], "assign": "Found"},
                            {"fn": "booleanEquals", "argv": [true, false]}],
             "error": "unreachable", "type": "error"},
            {"conditions": [{"fn": "isSet", "argv": [{"ref": "Found"}]}],
             "error": "leaked", "type": "error"},
            {"conditions": [], "error": "scoped", "type": "error"}]})";

    const Expected<RuleSetEndpoint, RuleSetFailure> outcome
        = ruleSet(json).evaluate({}, builtInPartitions());

    QVERIFY(!outcome);
    QCOMPARE(outcome.error().message, QStringLiteral("scoped"));
}

void EndpointRuleSetTest::shouldFallThroughTreeWhoseRulesAllFail()
{
    const QByteArray json = R"({"parameters": {},
        "rules": [
            {"conditions": [], "type": "tree", "rules": [
                {"conditions": [{"fn": "booleanEquals", "argv": [true, false]}],
                 "error": "inner", "type": "error"}]},
            {"conditions": [], "endpoint": {"url": "https://next.example"}, "type": "endpoint"}]})";

    const Expected<RuleSetEndpoint, RuleSetFailure> outcome
        = ruleSet(json).evaluate({}, builtInPartitions());

    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
    QCOMPARE(outcome->url, QStringLiteral("https://next.example"));
}

void EndpointRuleSetTest::shouldReturnErrorRuleTextWithTemplatesExpanded()
{
    const QByteArray json = R"({"parameters": {"Region": {"type": "string"}},
        "rules": [{"conditions": [], "error": "No service in {Region}", "type": "error"}]})";

    const Expected<RuleSetEndpoint, RuleSetFailure> outcome = ruleSet(json).evaluate(
        QJsonObject{{QStringLiteral("Region"), QStringLiteral("us-east-1")}}, builtInPartitions());

    QVERIFY(!outcome);
    QCOMPARE(outcome.error().origin, RuleSetFailure::Origin::ErrorRule);
    QCOMPARE(outcome.error().message, QStringLiteral("No service in us-east-1"));
}

void EndpointRuleSetTest::shouldUseDefaultsAndDemandRequiredParameters()
{
    const QByteArray withDefault = R"({"parameters": {
            "UseFIPS": {"type": "boolean", "required": true, "default": true}},
        "rules": [{"conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}],
                   "endpoint": {"url": "https://fips.example"}, "type": "endpoint"}]})";
    const Expected<RuleSetEndpoint, RuleSetFailure> defaulted
        = ruleSet(withDefault).evaluate({}, builtInPartitions());
    QVERIFY2(defaulted, qPrintable(defaulted ? QString() : defaulted.error().message));
    QCOMPARE(defaulted->url, QStringLiteral("https://fips.example"));

    const QByteArray withoutDefault = R"({"parameters": {
            "Bucket": {"type": "string", "required": true}},
        "rules": [{"conditions": [], "endpoint": {"url": "https://b.example"}, "type": "endpoint"}]})";
    const Expected<RuleSetEndpoint, RuleSetFailure> missing
        = ruleSet(withoutDefault).evaluate({}, builtInPartitions());
    QVERIFY(!missing);
    QVERIFY2(missing.error().message.contains(QLatin1String("Bucket")),
             qPrintable(missing.error().message));
}

void EndpointRuleSetTest::shouldFindParametersByBuiltIn()
{
    const QByteArray json = R"({"parameters": {
            "Region": {"type": "string", "builtIn": "AWS::Region"},
            "Endpoint": {"type": "string", "builtIn": "SDK::Endpoint"}},
        "rules": []})";

    const EndpointRuleSet rules = ruleSet(json);

    QCOMPARE(rules.parameterForBuiltIn(QStringLiteral("SDK::Endpoint")),
             QStringLiteral("Endpoint"));
    QVERIFY(rules.parameterForBuiltIn(QStringLiteral("AWS::UseFIPS")).isEmpty());
}

void EndpointRuleSetTest::shouldLetRegionEntryOverridePartitionOutputs()
{
    const QByteArray json = R"({"partitions": [
        {"id": "aws", "regionRegex": "^(us|eu)\\-\\w+\\-\\d+$",
         "regions": {"us-quiet-1": {"description": "no FIPS here", "supportsFIPS": false}},
         "outputs": {"name": "aws", "dnsSuffix": "amazonaws.com", "supportsFIPS": true}},
        {"id": "aws-x", "regionRegex": "^x\\-\\w+\\-\\d+$", "regions": {},
         "outputs": {"name": "aws-x", "dnsSuffix": "x.example", "supportsFIPS": true}}]})";
    const Expected<Partitions> partitions = Partitions::fromJson(json);
    QVERIFY2(partitions, qPrintable(partitions ? QString() : partitions.error()));

    QCOMPARE(partitions->partitionFor(QStringLiteral("us-quiet-1"))
                 .value(QLatin1String("supportsFIPS"))
                 .toBool(),
             false);
    QVERIFY(!partitions->partitionFor(QStringLiteral("us-quiet-1"))
                 .contains(QLatin1String("description")));
    QCOMPARE(partitions->partitionFor(QStringLiteral("us-loud-1"))
                 .value(QLatin1String("supportsFIPS"))
                 .toBool(),
             true);
    QCOMPARE(partitions->partitionFor(QStringLiteral("x-north-1"))
                 .value(QLatin1String("name"))
                 .toString(),
             QStringLiteral("aws-x"));
    QCOMPARE(
        partitions->partitionFor(QStringLiteral("nowhere")).value(QLatin1String("name")).toString(),
        QStringLiteral("aws"));
}

void EndpointRuleSetTest::shouldRejectDataThatIsNotJson()
{
    QVERIFY(!Partitions::fromJson("{not json"));
    QVERIFY(!Partitions::fromJson(R"({"partitions": []})"));
    QVERIFY(!EndpointRuleSet::fromJson(R"({"parameters": {}})"));
}

QTEST_GUILESS_MAIN(EndpointRuleSetTest)
