#pragma once

#include "enrollment/statusfilter.h"

#include <QByteArray>
#include <QString>

#include <memory>

class QSettings;

// What the window remembers between runs: geometry, table columns and sort order, the last
// profile and region, which statuses are shown, whether
// suspended and closed accounts are hidden, where the OU tree and the table divide, and the export dialog's last choice and folder.
class WindowSettings
{
public:
    // The user's settings: organization "EnrollmentDesk", application "enrollment-desk".
    WindowSettings();
    // An INI file of one's own, for tests.
    explicit WindowSettings(const QString &iniFile);
    ~WindowSettings();
    WindowSettings(WindowSettings &&) noexcept;
    WindowSettings &operator=(WindowSettings &&) noexcept;

    QByteArray geometry() const;
    void setGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray tableHeader() const;
    void setTableHeader(const QByteArray &state);

    QString profile() const;
    void setProfile(const QString &profile);
    QString region() const;
    void setRegion(const QString &region);

    StatusFilter statusFilter() const;
    void setStatusFilter(const StatusFilter &filter);
    // Off until chosen: an admin first sees every account.
    bool hideSuspendedOrClosed() const;
    void setHideSuspendedOrClosed(bool hide);
    // Where the OU tree and the table divide, and whether the tree is collapsed.
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    // The export dialog's last folder, file type and rows (as ExportFileType and ExportScope numbers;
    // -1 when never chosen).
    QString exportFolder() const;
    void setExportFolder(const QString &folder);
    int exportFileType() const;
    void setExportFileType(int type);
    int exportScope() const;
    void setExportScope(int scope);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};
