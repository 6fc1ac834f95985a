#include "simulator/simulatorhost.h"

#include "simulator/enrollmentsimulator.h"

#include <QThread>

SimulatorHost::SimulatorHost(SimulatedOrganization organization, std::function<void(EnrollmentSimulator &)> configure)
    : m_organization(std::move(organization))
    , m_configure(std::move(configure))
{
}

SimulatorHost::~SimulatorHost()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

QUrl SimulatorHost::start(quint16 port)
{
    if (m_thread)
        return m_endpoint;

    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("EnrollmentSimulator"));
    auto *simulator = new EnrollmentSimulator(std::move(m_organization));
    simulator->moveToThread(m_thread);
    // The simulator and its sockets die on their own thread, once its event loop has stopped.
    QObject::connect(m_thread, &QThread::finished, simulator, &QObject::deleteLater);
    m_thread->start();

    QMetaObject::invokeMethod(
        simulator,
        [this, simulator, port] {
            if (m_configure)
                m_configure(*simulator);
            if (simulator->listen(port))
                m_endpoint = simulator->endpointUrl();
            else
                m_error = QStringLiteral("The demo server could not listen on 127.0.0.1: %1")
                              .arg(simulator->errorString());
        },
        Qt::BlockingQueuedConnection);
    return m_endpoint;
}

QUrl SimulatorHost::endpointUrl() const
{
    return m_endpoint;
}

QString SimulatorHost::errorString() const
{
    return m_error;
}
