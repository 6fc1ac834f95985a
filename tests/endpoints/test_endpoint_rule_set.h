#pragma once

#include <QObject>

// The interpreter on small rule sets of our own, for the parts Compute Optimizer's rule set
// never reaches (templates with paths, parseURL, substring, ARNs, headers, fall-through).
// Declared apart from its body: moc misreads the "//" inside the JSON raw strings there.
class EndpointRuleSetTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldLoadBuiltInDataFromTheLinkedResource();
    void shouldEvaluateLibraryFunctions_data();
    void shouldEvaluateLibraryFunctions();
    void shouldReportUnknownFunctionAsBrokenRuleSet();
    void shouldExpandTemplatesWithAttributePathsAndEscapedBraces();
    void shouldRefuseTemplateOfUnsetValue();
    void shouldKeepAssignedNamesInsideTheirRule();
    void shouldFallThroughTreeWhoseRulesAllFail();
    void shouldReturnErrorRuleTextWithTemplatesExpanded();
    void shouldUseDefaultsAndDemandRequiredParameters();
    void shouldFindParametersByBuiltIn();
    void shouldLetRegionEntryOverridePartitionOutputs();
    void shouldRejectDataThatIsNotJson();
};
