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

std::optional<HttpResponse> networkFaultAnswer(SimulatorFault fault)
{
    switch (fault) {
    case SimulatorFault::ConnectionReset:
        return HttpResponse::broken(HttpResponse::Delivery::Reset);
    case SimulatorFault::Stall:
        return HttpResponse::broken(HttpResponse::Delivery::Never);
    case SimulatorFault::WrongContentType200: {
        HttpResponse html;
        html.setHeader("Content-Type", "text/html; charset=utf-8");
        html.body = "<!DOCTYPE html>\n<html><head><title>Network login</title></head>"
                    "<body><h1>Sign in to continue</h1><p>This network requires you to sign "
                    "in before you can reach the internet.</p></body></html>\n";
        return html;
    }
    default:
        return std::nullopt;
    }
}
