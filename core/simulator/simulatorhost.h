#pragma once

#include "simulator/simulatedorganization.h"

#include <QString>
#include <QUrl>

#include <functional>

class EnrollmentSimulator;
class QThread;

// Runs an EnrollmentSimulator in its own named thread, so that serving never competes with the
// GUI thread. The host owns the thread; destroying the host stops the server and joins the thread.
class SimulatorHost
{
public:
    // configure runs on the server's thread before it listens: add credentials, latency, throttling.
    explicit SimulatorHost(SimulatedOrganization organization,
                           std::function<void(EnrollmentSimulator &)> configure = {});
    ~SimulatorHost();
    SimulatorHost(const SimulatorHost &) = delete;
    SimulatorHost &operator=(const SimulatorHost &) = delete;

    // Blocks until the server listens on 127.0.0.1; an empty URL if it could not (see errorString()).
    QUrl start(quint16 port = 0);
    QUrl endpointUrl() const;
    QString errorString() const;

private:
    SimulatedOrganization m_organization;
    std::function<void(EnrollmentSimulator &)> m_configure;
    QThread *m_thread = nullptr;
    QUrl m_endpoint;
    QString m_error;
};
