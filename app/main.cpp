#include "commandline.h"
#include "demoorganization.h"
#include "headlessexport.h"
#include "headlessoptin.h"
#include "interruptwatcher.h"
#include "network/enrollmentqueryresolver.h"
#include "profiles/clientsettings.h"
#include "terminalmfaprompt.h"
#include "windowlauncher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QTextStream>

#include <memory>

namespace {

int reportBadInput(const QString &message)
{
    QTextStream(stderr) << "enrollment-desk: error: " << message << Qt::endl;
    return ExitBadInput;
}

Expected<EnrollmentQuery> queryFor(const CommandLineOptions &options, DemoOrganization *demo)
{
    if (demo)
        return demo->query();
    ClientSettingsRequest request;
    request.profileOption = options.profile;
    request.regionOption = options.region;
    request.endpointUrlOption = options.endpointUrl;
    request.environment = QProcessEnvironment::systemEnvironment();
    request.homeDirectory = QDir::homePath();
    request.mfaPrompt = std::make_shared<TerminalMfaPrompt>();
    return resolveEnrollmentQuery(request);
}

int runHeadlessExport(QCoreApplication &app, const CommandLineOptions &options)
{
    std::unique_ptr<DemoOrganization> demo;
    if (options.demo) {
        demo = std::make_unique<DemoOrganization>();
        if (!demo->start())
            return reportBadInput(demo->errorString());
    }
    auto query = queryFor(options, demo.get());
    if (!query)
        return reportBadInput(query.error());

    HeadlessExport exporter(options);
    int exitCode = ExitFailure;
    QObject::connect(&exporter, &HeadlessExport::done, &app, [&](int code) {
        exitCode = code;
        app.exit(code);
    });
    InterruptWatcher interrupts;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &exporter, &HeadlessExport::interrupt);
    if (!exporter.start(query.value()))
        return exitCode;
    app.exec();
    return exitCode;
}

int runHeadlessOptIn(QCoreApplication &app, const CommandLineOptions &options)
{
    std::unique_ptr<DemoOrganization> demo;
    if (options.demo) {
        demo = std::make_unique<DemoOrganization>();
        if (!demo->start())
            return reportBadInput(demo->errorString());
    }
    auto query = queryFor(options, demo.get());
    if (!query)
        return reportBadInput(query.error());
    HeadlessOptIn optIn(options.yes);
    QObject::connect(&optIn, &HeadlessOptIn::done, &app, [&app](int code) { app.exit(code); });
    if (!optIn.start(query.value()))
        return optIn.exitCode();
    app.exec();
    return optIn.exitCode();
}

// Each size drawn on its own so the small ones stay sharp; the id lets docks match the window to
// the installed desktop entry.
void setWindowIdentity()
{
    QIcon icon;
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.enrollmentdesk.EnrollmentDesk"));
}

} // namespace

int main(int argc, char *argv[])
{
    if (const QString problem = rawInputProblem(argc, argv); !problem.isEmpty())
        return reportBadInput(problem);
    const bool headless = wantsHeadlessExport(argc, argv);
    std::unique_ptr<QCoreApplication> app = headless ? std::make_unique<QCoreApplication>(argc, argv)
                                                     : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("EnrollmentDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("enrollment-desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ENROLLMENT_DESK_VERSION));

    QCommandLineParser parser;
    declareOptions(parser);
    if (!parser.parse(QCoreApplication::arguments()))
        return reportBadInput(parser.errorText() + QStringLiteral(" See --help."));
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(ExitSuccess);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    auto options = readOptions(parser);
    if (!options)
        return reportBadInput(options.error());

    if (headless && options->optInOrganization)
        return runHeadlessOptIn(*app, options.value());
    if (headless)
        return runHeadlessExport(*app, options.value());
    setWindowIdentity();
    return runWindow(options.value());
}
