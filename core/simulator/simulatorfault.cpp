#include "simulator/simulatorfault.h"

FaultSchedule::FaultSchedule(QByteArray mainOperation)
    : m_mainOperation(std::move(mainOperation))
{
}

void FaultSchedule::add(FaultRule rule)
{
    if (rule.operation.isEmpty())
        rule.operation = m_mainOperation;
    m_rules.append(std::move(rule));
}

void FaultSchedule::clear()
{
    m_rules.clear();
}

std::optional<SimulatorFault> FaultSchedule::faultFor(QByteArrayView operation, int number) const
{
    for (const FaultRule &rule : m_rules) {
        if (rule.operation != operation)
            continue;
        if (rule.onRequest == 0 || (number >= rule.onRequest && number < rule.onRequest + rule.times))
            return rule.fault;
    }
    return std::nullopt;
}
