#include "windowlauncher.h"

#include "commandline.h"
#include "demoorganization.h"
#include "mainwindow.h"
#include "mfacodedialog.h"
#include "network/enrollmentqueryresolver.h"
#include "profilechoices.h"
#include "profiles/clientsettings.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QTextStream>

#include <memory>

namespace {

// The command line's --status, --max-results and --read-timeout hold for every load from the window.
EnrollmentQueryFactory withCommandLineLimits(EnrollmentQueryFactory factory, const CommandLineOptions &options)
{
    return [factory = std::move(factory), statuses = options.statuses, maxResults = options.maxResults,
            readTimeoutMs = options.readTimeoutSeconds * 1000](const QString &profile,
                                                               const QString &region) -> Expected<EnrollmentQuery> {
        auto query = factory(profile, region);
        if (!query)
            return query;
        EnrollmentQuery limited = query.value();
        limited.statuses = statuses;
        limited.maxResults = maxResults;
        limited.client.network.timeoutMs = readTimeoutMs;
        return limited;
    };
}

} // namespace

int runWindow(const CommandLineOptions &options)
{
    WindowSetup setup;
    std::unique_ptr<DemoOrganization> demo;
    if (options.demo) {
        demo = std::make_unique<DemoOrganization>();
        if (!demo->start()) {
            QTextStream(stderr) << "enrollment-desk: error: " << demo->errorString() << Qt::endl;
            QMessageBox::critical(nullptr, QObject::tr("Enrollment Desk"), demo->errorString());
            return ExitFailure;
        }
        setup.demo = true;
        setup.loadOnStart = true;
        setup.queryFactory = [organization = demo.get()](const QString &, const QString &) -> Expected<EnrollmentQuery> {
            return organization->query();
        };
    } else {
        const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const QString home = QDir::homePath();
        setup.profiles = profileChoices(environment, home);
        auto mfaPrompt = std::make_shared<MfaCodeDialogPrompt>();
        setup.queryFactory = [environment, home, endpointUrl = options.endpointUrl,
                              mfaPrompt](const QString &profile, const QString &region) {
            ClientSettingsRequest request;
            request.profileOption = profile;
            request.regionOption = region;
            request.endpointUrlOption = endpointUrl;
            request.environment = environment;
            request.homeDirectory = home;
            request.mfaPrompt = mfaPrompt;
            return resolveEnrollmentQuery(request);
        };
        setup.initialProfile = options.profile;
        setup.initialRegion = options.region;
    }
    setup.queryFactory = withCommandLineLimits(std::move(setup.queryFactory), options);

    MainWindow window(std::move(setup), WindowSettings());
    window.show();
    return QApplication::exec();
}
