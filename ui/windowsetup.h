#pragma once

#include "common/expected.h"
#include "network/enrollmentquery.h"
#include "profilechoices.h"

#include <QList>
#include <QString>

#include <functional>

// Turns the profile and region picked in the window into a query. The demo, the tests (a loopback
// simulator) and real AWS differ only here.
using EnrollmentQueryFactory =
    std::function<Expected<EnrollmentQuery>(const QString &profile, const QString &region)>;

struct WindowSetup
{
    EnrollmentQueryFactory queryFactory;
    QList<ProfileChoice> profiles;
    QString initialProfile; // --profile: wins over the one remembered
    QString initialRegion;  // --region
    bool demo = false;      // simulated data: say so, and offer no profile choice
    bool loadOnStart = false;
};
