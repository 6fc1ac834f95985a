#pragma once

#include "network/enrollmentquery.h"

#include <memory>

class SimulatorHost;

// The built-in simulated organization behind --demo: the loopback simulator the tests use, on its
// own thread, with throwaway credentials, a little latency and the odd throttle, so a new user
// sees the whole flow with no AWS account and no network.
class DemoOrganization
{
public:
    static constexpr int AccountCount = 2500;

    DemoOrganization();
    ~DemoOrganization();

    bool start();
    QString errorString() const { return m_error; }
    EnrollmentQuery query() const;

private:
    std::unique_ptr<SimulatorHost> m_host;
    QUrl m_endpoint;
    QString m_error;
};
