#pragma once

#include "simulator/enrollmentsimulator.h"

#include <QThread>
#include <QUrl>

// The simulator on a thread of its own, as a service would run on its own machine, so the load
// being measured never waits for the simulator's event loop, nor the simulator for the load's.
class SimulatorThread
{
public:
    explicit SimulatorThread(SimulatedOrganization organization)
        : m_simulator(new EnrollmentSimulator(std::move(organization)))
    {
        m_simulator->moveToThread(&m_thread);
        m_thread.start();
    }
    ~SimulatorThread()
    {
        run([](EnrollmentSimulator &simulator) { delete &simulator; });
        m_thread.quit();
        m_thread.wait();
    }
    SimulatorThread(const SimulatorThread &) = delete;
    SimulatorThread &operator=(const SimulatorThread &) = delete;

    // Runs work(simulator) on the simulator's thread and waits for it.
    template <typename Work>
    void run(Work work)
    {
        EnrollmentSimulator *simulator = m_simulator;
        QMetaObject::invokeMethod(m_simulator, [simulator, &work] { work(*simulator); }, Qt::BlockingQueuedConnection);
    }
    // Listens on 127.0.0.1; false when it could not.
    bool listen()
    {
        bool listening = false;
        run([&](EnrollmentSimulator &simulator) {
            listening = simulator.listen();
            m_url = simulator.endpointUrl();
        });
        return listening;
    }
    QUrl url() const { return m_url; }

private:
    QThread m_thread;
    EnrollmentSimulator *m_simulator;
    QUrl m_url;
};
