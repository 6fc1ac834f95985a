#pragma once

#include "windowsetup.h"

#include <QObject>

class QComboBox;
class QLabel;
class QToolBar;
class WindowSettings;

// The toolbar's "Profile" and "Region" pickers: which credentials and which Region the next load
// uses, and what they were the last time the window was open. In the demo both are fixed.
class ProfileRegionPicker : public QObject
{
    Q_OBJECT

public:
    ProfileRegionPicker(const WindowSetup &setup, QWidget *parent);

    void addTo(QToolBar *toolBar);

    // The profile name to load with; empty for the environment's or the default credentials.
    QString profile() const;
    // Empty: the profile's own Region.
    QString region() const;
    // How the footer names the credentials: "profile audit", "environment credentials".
    QString credentialsText() const;

    // The command line wins over what was remembered.
    void restore(const WindowSettings &settings);
    void save(WindowSettings &settings) const;
    // A Region typed in by hand joins the list, for the next time.
    void offerTypedRegion();

    QComboBox *profileBox() const { return m_profileBox; }
    QComboBox *regionBox() const { return m_regionBox; }

private:
    void createProfileBox(QWidget *parent);
    void createRegionBox(QWidget *parent);

    bool m_demo;
    QList<ProfileChoice> m_profiles;
    QString m_initialProfile;
    QString m_initialRegion;
    QLabel *m_profileLabel = nullptr;
    QComboBox *m_profileBox = nullptr;
    QLabel *m_regionLabel = nullptr;
    QComboBox *m_regionBox = nullptr;
};
