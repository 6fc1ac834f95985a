// Parallel callers sharing one AwsClient against a rate-limited simulator with a modelled round
// trip, once per retry mode: how long they took, how many answers were throttled, how many calls
// failed. Prints figures; asserts nothing.
#include "simulatorthread.h"

#include "client/awsclient.h"
#include "client/retrypolicy.h"
#include "profiles/staticcredentialprovider.h"
#include "simulator/enrollmentsimulator.h"

#include "benchoption.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <memory>

namespace {

struct Settings
{
    int callers = 8;
    int callsPerCaller = 30;
    double requestsPerSecond = 10;
    int latencyMs = 40;
    bool organizations = true;
    int maxAttempts = 0; // 0: the mode's default
    bool trace = false;
};

const AwsCredentials benchCredentials{QStringLiteral("AKIDBENCHADAPTIVE"), QStringLiteral("bench-adaptive-secret"),
                                      {}, std::nullopt};

struct Answer
{
    qint64 atMs = 0;
    bool throttled = false;
    double clientRate = 0.0; // the adaptive limiter's rate just after this answer
};

struct Run
{
    qint64 wallMs = 0;
    QList<Answer> answers; // every attempt's answer, as the callers saw it
    int calls = 0;
    int failed = 0;
    QString firstFailure;
    int serverRequests = 0;
    int serverThrottled = 0;
    double finalRate = 0.0;
};

class Callers
{
public:
    Callers(const Settings &settings, AwsClient &client, ServiceEndpoint endpoint)
        : m_settings(settings)
        , m_client(client)
        , m_endpoint(std::move(endpoint))
        , m_credentials(std::make_shared<StaticCredentialProvider>(benchCredentials, QStringLiteral("benchmark keys")))
    {
    }

    Run run()
    {
        m_clock.start();
        m_running = m_settings.callers;
        for (int caller = 0; caller < m_settings.callers; ++caller)
            call(m_settings.callsPerCaller, {});
        m_loop.exec();
        m_result.wallMs = m_clock.elapsed();
        return m_result;
    }

private:
    AwsRequest pageRequest(const QString &nextToken) const
    {
        QJsonObject body;
        if (!nextToken.isEmpty())
            body.insert(QLatin1String("NextToken"), nextToken);
        if (m_settings.organizations)
            return awsJsonRequest(m_endpoint, QStringLiteral("AWS Organizations"), "AWSOrganizationsV20161128",
                                  QStringLiteral("ListAccounts"), "1.1",
                                  QJsonDocument(body).toJson(QJsonDocument::Compact));
        QJsonObject pageBody;
        pageBody.insert(QLatin1String("maxResults"), 100);
        if (!nextToken.isEmpty())
            pageBody.insert(QLatin1String("nextToken"), nextToken);
        return awsJsonRequest(m_endpoint, QStringLiteral("AWS Compute Optimizer"), "ComputeOptimizerService",
                              QStringLiteral("GetEnrollmentStatusesForOrganization"), "1.0",
                              QJsonDocument(pageBody).toJson(QJsonDocument::Compact));
    }

    double clientRate() const { return m_client.retryPolicyFor(m_endpoint).rateLimiter().currentRate(); }

    // Walks the pages, starting over after the last one, until `remaining` calls are made.
    void call(int remaining, const QString &nextToken)
    {
        AwsRequest request = pageRequest(nextToken);
        request.credentials = m_credentials;
        request.onRetry = [this](const AwsRetryNotice &notice) {
            m_result.answers.append(Answer{m_clock.elapsed(), notice.throttled, clientRate()});
        };
        m_client.send(std::move(request), [this, remaining](const AwsResult &result) {
            ++m_result.calls;
            QString next;
            if (result) {
                m_result.answers.append(Answer{m_clock.elapsed(), false, clientRate()});
                const QJsonObject page = QJsonDocument::fromJson(result->body).object();
                next = page.value(m_settings.organizations ? QLatin1String("NextToken") : QLatin1String("nextToken"))
                           .toString();
            } else {
                m_result.answers.append(
                    Answer{m_clock.elapsed(), result.error().kind == AwsFailure::Kind::Throttled, clientRate()});
                ++m_result.failed;
                if (m_result.firstFailure.isEmpty())
                    m_result.firstFailure = result.error().message;
            }
            if (remaining > 1)
                call(remaining - 1, next);
            else if (--m_running == 0)
                m_loop.quit();
        });
    }

    const Settings &m_settings;
    AwsClient &m_client;
    ServiceEndpoint m_endpoint;
    std::shared_ptr<CredentialProvider> m_credentials;
    QElapsedTimer m_clock;
    QEventLoop m_loop;
    int m_running = 0;
    Run m_result;
};

Run runMode(const Settings &settings, RetryMode mode)
{
    SimulatorThread server(SimulatedOrganization::generate(500, 11)); // a fresh service: a full bucket
    server.run([&](EnrollmentSimulator &simulator) {
        simulator.addCredentials(benchCredentials.accessKeyId, benchCredentials.secretAccessKey);
        simulator.setResponseLatencyMs(settings.latencyMs);
        simulator.setRateLimit(settings.organizations ? SimulatedService::Organizations
                                                      : SimulatedService::ComputeOptimizer,
                               settings.requestsPerSecond);
    });
    if (!server.listen()) {
        QTextStream(stderr) << "The simulator could not listen on 127.0.0.1.\n";
        std::exit(1);
    }
    ClientConfiguration configuration;
    configuration.retryMode = mode;
    configuration.maxAttempts = settings.maxAttempts > 0 ? settings.maxAttempts : defaultMaxAttempts(mode);
    AwsClient client(configuration);
    const ServiceEndpoint endpoint{server.url(), QStringLiteral("us-east-1"),
                                   settings.organizations ? QStringLiteral("organizations")
                                                          : QStringLiteral("compute-optimizer")};
    Callers callers(settings, client, endpoint);
    Run run = callers.run();
    run.finalRate = client.retryPolicyFor(endpoint).rateLimiter().currentRate();
    server.run([&](EnrollmentSimulator &simulator) {
        run.serverRequests = settings.organizations ? simulator.listAccountsRequestCount()
                                                    : simulator.pageRequestCount();
        run.serverThrottled = simulator.rateLimitedCount();
    });
    return run;
}

QString percent(int part, int whole)
{
    return whole == 0 ? QStringLiteral("-") : QString::number(100.0 * part / whole, 'f', 1) + u'%';
}

// Answers and throttles second by second, with the adaptive limiter's lowest and highest rate.
void printTrace(QTextStream &out, const Run &run)
{
    for (qint64 second = 0; second * 1000 <= run.wallMs; ++second) {
        int answers = 0;
        int throttled = 0;
        double low = 1e9;
        double high = 0.0;
        for (const Answer &answer : run.answers) {
            if (answer.atMs / 1000 != second)
                continue;
            ++answers;
            throttled += answer.throttled ? 1 : 0;
            low = std::min(low, answer.clientRate);
            high = std::max(high, answer.clientRate);
        }
        out << "  " << QString::number(second).rightJustified(3) << " s: " << QString::number(answers).rightJustified(3)
            << " answers, " << QString::number(throttled).rightJustified(3) << " throttled";
        if (answers > 0)
            out << ", client rate " << QString::number(low, 'f', 1) << " to " << QString::number(high, 'f', 1) << "/s";
        out << '\n';
    }
}

void print(QTextStream &out, const QString &mode, const Run &run, bool trace)
{
    int throttled = 0;
    int settledAnswers = 0;
    int settledThrottled = 0;
    for (const Answer &answer : run.answers) {
        throttled += answer.throttled ? 1 : 0;
        if (answer.atMs * 2 >= run.wallMs) {
            ++settledAnswers;
            settledThrottled += answer.throttled ? 1 : 0;
        }
    }
    out << mode.leftJustified(9) << QString::number(run.wallMs / 1000.0, 'f', 2).rightJustified(7) << " s"
        << QString::number(run.answers.size()).rightJustified(10) << QString::number(throttled).rightJustified(11)
        << percent(throttled, int(run.answers.size())).rightJustified(8)
        << percent(settledThrottled, settledAnswers).rightJustified(9) << " of " << settledAnswers
        << QString::number(run.failed).rightJustified(8) << " of " << run.calls
        << QString::number(run.calls - run.failed > 0 ? (run.calls - run.failed) * 1000.0 / run.wallMs : 0.0, 'f', 1)
               .rightJustified(9)
        << "   (simulator: " << run.serverRequests << " requests, " << run.serverThrottled << " throttled";
    if (mode == u"adaptive")
        out << "; client rate at the end " << QString::number(run.finalRate, 'f', 1) << "/s";
    out << ")\n";
    if (!run.firstFailure.isEmpty())
        out << "          first failure: " << run.firstFailure << '\n';
    if (trace)
        printTrace(out, run);
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Standard against adaptive retry mode, for parallel callers of "
                                                    "one rate-limited service."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("callers"), QStringLiteral("Parallel callers sharing one client (default 8)."), QStringLiteral("N")},
        {QStringLiteral("calls"), QStringLiteral("Calls each caller makes (default 30)."), QStringLiteral("M")},
        {QStringLiteral("rate"), QStringLiteral("Requests a second the service allows (default 10)."), QStringLiteral("R")},
        {QStringLiteral("latency-ms"), QStringLiteral("Round trip modelled by the simulator (default 40)."),
         QStringLiteral("L")},
        {QStringLiteral("service"), QStringLiteral("organizations (ListAccounts, default) or compute-optimizer "
                                                   "(GetEnrollmentStatusesForOrganization)."),
         QStringLiteral("S")},
        {QStringLiteral("max-attempts"), QStringLiteral("Attempts per call (default: the mode's, 3)."),
         QStringLiteral("A")},
        {QStringLiteral("trace"), QStringLiteral("Also print each second's answers, throttles and client rate.")},
    });
    parser.process(app);

    Settings settings;
    double callers = settings.callers;
    double calls = settings.callsPerCaller;
    double latency = settings.latencyMs;
    double attempts = 0;
    if (!readBenchOption(parser, QStringLiteral("callers"), callers, 1, 256)
        || !readBenchOption(parser, QStringLiteral("calls"), calls, 1, 100'000)
        || !readBenchOption(parser, QStringLiteral("rate"), settings.requestsPerSecond, 0.5, 100'000)
        || !readBenchOption(parser, QStringLiteral("latency-ms"), latency, 0, 10'000)
        || !readBenchOption(parser, QStringLiteral("max-attempts"), attempts, 0, 100))
        return 2;
    settings.callers = int(callers);
    settings.callsPerCaller = int(calls);
    settings.latencyMs = int(latency);
    settings.maxAttempts = int(attempts);
    const QString service = parser.value(QStringLiteral("service"));
    if (!service.isEmpty() && service != u"organizations" && service != u"compute-optimizer") {
        QTextStream(stderr) << "--service must be organizations or compute-optimizer.\n";
        return 2;
    }
    settings.organizations = service != u"compute-optimizer";
    settings.trace = parser.isSet(QStringLiteral("trace"));

    QTextStream out(stdout);
    out << "== " << settings.callers << " callers x " << settings.callsPerCaller << ' '
        << (settings.organizations ? "ListAccounts" : "GetEnrollmentStatusesForOrganization")
        << " calls, one AwsClient; service allows " << settings.requestsPerSecond << " requests/s; round trip "
        << settings.latencyMs << " ms ==\n";
    out << "mode        wall     requests  throttled   share  settled (last half)  failed       calls ok/s\n";
    out.flush();
    print(out, QStringLiteral("standard"), runMode(settings, RetryMode::Standard), settings.trace);
    print(out, QStringLiteral("adaptive"), runMode(settings, RetryMode::Adaptive), settings.trace);
    return 0;
}
