#include "windowsettings.h"

#include <QSettings>

namespace {

const QString GeometryKey = QStringLiteral("window/geometry");
const QString WindowStateKey = QStringLiteral("window/state");
const QString TableHeaderKey = QStringLiteral("table/header");
const QString ProfileKey = QStringLiteral("load/profile");
const QString RegionKey = QStringLiteral("load/region");
const QString StatusMaskKey = QStringLiteral("filter/statusMask");
const QString HideSuspendedKey = QStringLiteral("filter/hideSuspendedOrClosed");
const QString SplitterKey = QStringLiteral("window/splitter");
const QString ExportFolderKey = QStringLiteral("export/folder");
const QString ExportFileTypeKey = QStringLiteral("export/fileType");
const QString ExportScopeKey = QStringLiteral("export/rows");

} // namespace

WindowSettings::WindowSettings()
    : m_settings(std::make_unique<QSettings>(QStringLiteral("EnrollmentDesk"), QStringLiteral("enrollment-desk")))
{
}

WindowSettings::WindowSettings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

WindowSettings::~WindowSettings() = default;
WindowSettings::WindowSettings(WindowSettings &&) noexcept = default;
WindowSettings &WindowSettings::operator=(WindowSettings &&) noexcept = default;

QByteArray WindowSettings::geometry() const
{
    return m_settings->value(GeometryKey).toByteArray();
}

void WindowSettings::setGeometry(const QByteArray &geometry)
{
    m_settings->setValue(GeometryKey, geometry);
}

QByteArray WindowSettings::windowState() const
{
    return m_settings->value(WindowStateKey).toByteArray();
}

void WindowSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(WindowStateKey, state);
}

QByteArray WindowSettings::tableHeader() const
{
    return m_settings->value(TableHeaderKey).toByteArray();
}

void WindowSettings::setTableHeader(const QByteArray &state)
{
    m_settings->setValue(TableHeaderKey, state);
}

QString WindowSettings::profile() const
{
    return m_settings->value(ProfileKey).toString();
}

void WindowSettings::setProfile(const QString &profile)
{
    m_settings->setValue(ProfileKey, profile);
}

QString WindowSettings::region() const
{
    return m_settings->value(RegionKey).toString();
}

void WindowSettings::setRegion(const QString &region)
{
    m_settings->setValue(RegionKey, region);
}

StatusFilter WindowSettings::statusFilter() const
{
    bool ok = false;
    const uint mask = m_settings->value(StatusMaskKey).toUInt(&ok);
    return ok ? StatusFilter::fromMask(mask) : StatusFilter::all();
}

void WindowSettings::setStatusFilter(const StatusFilter &filter)
{
    m_settings->setValue(StatusMaskKey, filter.mask());
}

bool WindowSettings::hideSuspendedOrClosed() const
{
    return m_settings->value(HideSuspendedKey, false).toBool();
}

void WindowSettings::setHideSuspendedOrClosed(bool hide)
{
    m_settings->setValue(HideSuspendedKey, hide);
}

QByteArray WindowSettings::splitterState() const
{
    return m_settings->value(SplitterKey).toByteArray();
}

void WindowSettings::setSplitterState(const QByteArray &state)
{
    m_settings->setValue(SplitterKey, state);
}

QString WindowSettings::exportFolder() const
{
    return m_settings->value(ExportFolderKey).toString();
}

void WindowSettings::setExportFolder(const QString &folder)
{
    m_settings->setValue(ExportFolderKey, folder);
}

int WindowSettings::exportFileType() const
{
    bool ok = false;
    const int type = m_settings->value(ExportFileTypeKey).toInt(&ok);
    return ok ? type : -1;
}

void WindowSettings::setExportFileType(int type)
{
    m_settings->setValue(ExportFileTypeKey, type);
}

int WindowSettings::exportScope() const
{
    bool ok = false;
    const int scope = m_settings->value(ExportScopeKey).toInt(&ok);
    return ok ? scope : -1;
}

void WindowSettings::setExportScope(int scope)
{
    m_settings->setValue(ExportScopeKey, scope);
}

void WindowSettings::sync()
{
    m_settings->sync();
}
