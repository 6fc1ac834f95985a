#include "simulator/enrollmentsimulator.h"
#include "simulator/simulatedorganization.h"

#include "benchoption.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace {

struct Settings
{
    int accounts = 1000;
    quint32 seed = 1;
    quint16 port = 0;
    int latencyMs = 0;
    double throttleRate = 0.0;
    int roundTripMs = 0;
    double rateLimit = 0.0;
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;
    QString region = QStringLiteral("us-east-1");
    int exitAfterSeconds = 600;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("enrollment-simulator"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serves a simulated organization's Compute Optimizer enrollment statuses on 127.0.0.1. "
        "The first line on stdout is the endpoint URL."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("accounts"), QStringLiteral("Number of member accounts (default 1000)."), QStringLiteral("N")},
        {QStringLiteral("seed"), QStringLiteral("Seed for the generated organization (default 1)."), QStringLiteral("S")},
        {QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (default: any free port)."), QStringLiteral("P")},
        {QStringLiteral("latency-ms"), QStringLiteral("Delay before each page, in ms (default 0)."), QStringLiteral("L")},
        {QStringLiteral("throttle-rate"), QStringLiteral("Share of pages answered with ThrottlingException, 0 to 1."),
         QStringLiteral("R")},
        {QStringLiteral("round-trip-ms"), QStringLiteral("Delay before every answer, of any operation (default 0)."),
         QStringLiteral("L")},
        {QStringLiteral("rate-limit"), QStringLiteral("Requests a second each service allows before it throttles "
                                                      "(default: no limit)."),
         QStringLiteral("R")},
        {QStringLiteral("access-key-id"), QStringLiteral("Access key requests must be signed with. Without one, "
                                                         "signatures are not checked."),
         QStringLiteral("K")},
        {QStringLiteral("secret-access-key"), QStringLiteral("Secret for --access-key-id."), QStringLiteral("S")},
        {QStringLiteral("session-token"), QStringLiteral("Session token requests must carry."), QStringLiteral("T")},
        {QStringLiteral("region"), QStringLiteral("Signing region (default us-east-1)."), QStringLiteral("R")},
        {QStringLiteral("exit-after-seconds"), QStringLiteral("Stop serving after this many seconds (default 600)."),
         QStringLiteral("T")},
    });
    parser.process(app);

    Settings settings;
    if (!readBenchOption(parser, QStringLiteral("accounts"), settings.accounts, 0, 10'000'000)
        || !readBenchOption(parser, QStringLiteral("seed"), settings.seed, 0, 4294967295.0)
        || !readBenchOption(parser, QStringLiteral("port"), settings.port, 0, 65535)
        || !readBenchOption(parser, QStringLiteral("latency-ms"), settings.latencyMs, 0, 600'000)
        || !readBenchOption(parser, QStringLiteral("throttle-rate"), settings.throttleRate, 0, 1)
        || !readBenchOption(parser, QStringLiteral("round-trip-ms"), settings.roundTripMs, 0, 600'000)
        || !readBenchOption(parser, QStringLiteral("rate-limit"), settings.rateLimit, 0, 1'000'000)
        || !readBenchOption(parser, QStringLiteral("exit-after-seconds"), settings.exitAfterSeconds, 1, 86'400))
        return 2;
    settings.accessKeyId = parser.value(QStringLiteral("access-key-id"));
    settings.secretAccessKey = parser.value(QStringLiteral("secret-access-key"));
    settings.sessionToken = parser.value(QStringLiteral("session-token"));
    if (parser.isSet(QStringLiteral("region")))
        settings.region = parser.value(QStringLiteral("region"));
    if (settings.accessKeyId.isEmpty() != settings.secretAccessKey.isEmpty()) {
        QTextStream(stderr) << "Give both --access-key-id and --secret-access-key, or neither.\n";
        return 2;
    }

    EnrollmentSimulator simulator(SimulatedOrganization::generate(settings.accounts, settings.seed));
    if (settings.accessKeyId.isEmpty())
        simulator.setRequireSignature(false);
    else
        simulator.addCredentials(settings.accessKeyId, settings.secretAccessKey, settings.sessionToken);
    simulator.setRegion(settings.region);
    simulator.setPageLatencyMs(settings.latencyMs);
    simulator.setResponseLatencyMs(settings.roundTripMs);
    simulator.setRateLimit(SimulatedService::ComputeOptimizer, settings.rateLimit);
    simulator.setRateLimit(SimulatedService::Organizations, settings.rateLimit);
    if (settings.throttleRate > 0)
        simulator.setRandomThrottling(settings.throttleRate, settings.seed);
    if (!simulator.listen(settings.port)) {
        QTextStream(stderr) << "Could not listen on 127.0.0.1:" << settings.port << ": " << simulator.errorString()
                            << ". Choose another --port, or leave it out to take any free port.\n";
        return 1;
    }

    QTextStream(stdout) << simulator.endpointUrl().toString() << Qt::endl;
    QTextStream(stderr) << "Serving " << settings.accounts << " accounts (seed " << settings.seed << ") for "
                        << settings.exitAfterSeconds << " s"
                        << (settings.accessKeyId.isEmpty() ? ", signatures not checked" : ", signatures checked")
                        << ".\n";
    QTimer::singleShot(settings.exitAfterSeconds * 1000, &app, &QCoreApplication::quit);
    return app.exec();
}
