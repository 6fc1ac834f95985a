#include "profileregionpicker.h"

#include "windowsettings.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QToolBar>

#include <optional>

namespace {

// How the settings spell the picker entry without a profile name (the environment's credentials).
const QString NoProfileNameKey = QStringLiteral(":none");

const QStringList CommonRegions = {
    QStringLiteral("us-east-1"),      QStringLiteral("us-east-2"),      QStringLiteral("us-west-1"),
    QStringLiteral("us-west-2"),      QStringLiteral("ca-central-1"),   QStringLiteral("eu-west-1"),
    QStringLiteral("eu-west-2"),      QStringLiteral("eu-west-3"),      QStringLiteral("eu-central-1"),
    QStringLiteral("eu-north-1"),     QStringLiteral("eu-south-1"),     QStringLiteral("ap-south-1"),
    QStringLiteral("ap-northeast-1"), QStringLiteral("ap-northeast-2"), QStringLiteral("ap-northeast-3"),
    QStringLiteral("ap-southeast-1"), QStringLiteral("ap-southeast-2"), QStringLiteral("sa-east-1"),
    QStringLiteral("me-south-1"),     QStringLiteral("af-south-1"),     QStringLiteral("us-gov-west-1"),
    QStringLiteral("cn-north-1")};

} // namespace

ProfileRegionPicker::ProfileRegionPicker(const WindowSetup &setup, QWidget *parent)
    : QObject(parent)
    , m_demo(setup.demo)
    , m_profiles(setup.profiles)
    , m_initialProfile(setup.initialProfile)
    , m_initialRegion(setup.initialRegion)
{
    createProfileBox(parent);
    createRegionBox(parent);
}

void ProfileRegionPicker::createProfileBox(QWidget *parent)
{
    m_profileLabel = new QLabel(tr("&Profile"), parent);
    m_profileLabel->setObjectName(QStringLiteral("profileLabel"));
    m_profileLabel->setContentsMargins(4, 0, 4, 0);
    m_profileBox = new QComboBox(parent);
    m_profileBox->setObjectName(QStringLiteral("profilePicker"));
    m_profileBox->setAccessibleName(tr("AWS profile"));
    m_profileBox->setMinimumContentsLength(14);
    m_profileBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_profileLabel->setBuddy(m_profileBox);
    if (m_demo) {
        m_profileBox->addItem(tr("Demo organization"));
        m_profileBox->setEnabled(false);
        m_profileBox->setToolTip(tr("The demo shows a simulated organization; no AWS profile is used."));
    } else {
        for (const ProfileChoice &choice : std::as_const(m_profiles))
            m_profileBox->addItem(choice.label, choice.profile);
        m_profileBox->setToolTip(tr("Profiles from your AWS config and credentials files"));
    }
}

void ProfileRegionPicker::createRegionBox(QWidget *parent)
{
    m_regionLabel = new QLabel(tr("Re&gion"), parent);
    m_regionLabel->setObjectName(QStringLiteral("regionLabel"));
    m_regionLabel->setContentsMargins(10, 0, 4, 0);
    m_regionBox = new QComboBox(parent);
    m_regionBox->setObjectName(QStringLiteral("regionPicker"));
    m_regionBox->setAccessibleName(tr("AWS Region"));
    m_regionBox->setEditable(true);
    m_regionBox->setInsertPolicy(QComboBox::NoInsert);
    m_regionBox->addItems(CommonRegions);
    m_regionBox->setMinimumContentsLength(14);
    m_regionBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_regionBox->lineEdit()->setPlaceholderText(tr("from profile"));
    m_regionBox->lineEdit()->setAccessibleName(tr("AWS Region"));
    m_regionBox->setToolTip(tr("The Region to ask; leave empty to use the profile's region"));
    m_regionBox->setCurrentIndex(-1);
    m_regionLabel->setBuddy(m_regionBox);
    if (m_demo) {
        m_regionBox->setEditText(QStringLiteral("us-east-1"));
        m_regionBox->setEnabled(false);
    }
}

void ProfileRegionPicker::addTo(QToolBar *toolBar)
{
    toolBar->addWidget(m_profileLabel);
    toolBar->addWidget(m_profileBox);
    toolBar->addWidget(m_regionLabel);
    toolBar->addWidget(m_regionBox);
}

QString ProfileRegionPicker::profile() const
{
    return m_demo ? QString() : m_profileBox->currentData().toString();
}

QString ProfileRegionPicker::region() const
{
    return m_regionBox->currentText().trimmed();
}

QString ProfileRegionPicker::credentialsText() const
{
    if (m_demo)
        return tr("demo organization");
    if (const QString name = profile(); !name.isEmpty())
        return tr("profile %1").arg(name);
    if (m_profileBox->currentText() == QCoreApplication::translate("ProfileChoice", "Environment"))
        return tr("environment credentials");
    return tr("default credentials");
}

void ProfileRegionPicker::restore(const WindowSettings &settings)
{
    if (m_demo)
        return;
    std::optional<QString> profile;
    if (!m_initialProfile.isEmpty()) {
        profile = m_initialProfile;
        // --profile names one the files do not list (yet): offer it anyway, Refresh will explain.
        if (m_profileBox->findData(*profile) < 0)
            m_profileBox->addItem(*profile, *profile);
    } else if (const QString remembered = settings.profile(); !remembered.isEmpty()) {
        profile = remembered == NoProfileNameKey ? QString() : remembered;
    }
    if (profile) {
        const int index = m_profileBox->findData(*profile);
        if (index >= 0)
            m_profileBox->setCurrentIndex(index);
    }
    m_regionBox->setEditText(m_initialRegion.isEmpty() ? settings.region() : m_initialRegion);
}

void ProfileRegionPicker::save(WindowSettings &settings) const
{
    if (m_demo)
        return;
    const QString name = profile();
    settings.setProfile(name.isEmpty() && m_profileBox->count() > 0 ? NoProfileNameKey : name);
    settings.setRegion(region());
}

void ProfileRegionPicker::offerTypedRegion()
{
    const QString typed = region();
    if (!m_demo && !typed.isEmpty() && m_regionBox->findText(typed) < 0)
        m_regionBox->addItem(typed);
}
