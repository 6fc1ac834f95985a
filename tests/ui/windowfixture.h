#pragma once

#include "mainwindow.h"
#include "simulator/enrollmentsimulator.h"

#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A loopback simulator, a settings file of the test's own, and windows that load from them.
class WindowFixture
{
public:
    static const QString AccessKeyId;
    static const QString SecretAccessKey;

    explicit WindowFixture(SimulatedOrganization organization);

    bool isReady() const { return m_ready; }
    EnrollmentSimulator &simulator() { return *m_simulator; }
    const SimulatedOrganization &organization() const { return m_organization; }
    QString settingsFile() const { return m_dir.filePath(QStringLiteral("enrollment-desk.ini")); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // Every (profile, region) the window asked a query for, as "profile|region".
    QStringList requestedQueries() const { return *m_requested; }

    // Queries then ask Organizations (the same simulator) for account names.
    void setFetchNames(bool fetch) { m_fetchNames = fetch; }

    WindowSetup setup(int maxAttempts = 1) const;
    std::unique_ptr<MainWindow> openWindow(int maxAttempts = 1) const;

private:
    QTemporaryDir m_dir;
    SimulatedOrganization m_organization;
    std::unique_ptr<EnrollmentSimulator> m_simulator;
    std::shared_ptr<QStringList> m_requested = std::make_shared<QStringList>();
    bool m_ready = false;
    bool m_fetchNames = false;
};
