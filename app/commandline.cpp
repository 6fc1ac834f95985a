#include "commandline.h"

#include "network/enrollmentqueryresolver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcessEnvironment>

namespace {

Expected<int> wholeNumberOption(const QCommandLineParser &parser, const QString &name, int minimum, int maximum)
{
    const QString text = parser.value(name);
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        return Unexpected{QStringLiteral("--%1 must be a whole number from %2 to %3, not '%4'.")
                              .arg(name)
                              .arg(minimum)
                              .arg(maximum)
                              .arg(text.left(40))};
    return value;
}

Expected<QString> nonEmptyOption(const QCommandLineParser &parser, const QString &name, const QString &example)
{
    if (!parser.isSet(name))
        return QString();
    const QString value = parser.value(name).trimmed();
    if (value.isEmpty())
        return Unexpected{QStringLiteral("--%1 needs a value, for example --%1 %2.").arg(name, example)};
    if (value.size() > 2048)
        return Unexpected{QStringLiteral("--%1 is too long (%2 characters).").arg(name).arg(value.size())};
    return value;
}

} // namespace

void declareOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Shows which member accounts of your AWS Organization are enrolled in AWS Compute Optimizer,\n"
                "and why not. With --export it writes them as XLSX, CSV or JSON without opening a window."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("profile"), QStringLiteral("Use the named profile from the AWS config files."),
         QStringLiteral("name")},
        {QStringLiteral("region"), QStringLiteral("AWS Region to ask, for example us-east-1."),
         QStringLiteral("region")},
        {QStringLiteral("endpoint-url"), QStringLiteral("Send requests to this URL instead of the AWS endpoint."),
         QStringLiteral("url")},
        {QStringLiteral("status"),
         QStringLiteral("Only accounts with these statuses (Active,Inactive,Pending,Failed), filtered by AWS."),
         QStringLiteral("list")},
        {QStringLiteral("max-results"), QStringLiteral("Accounts per page, 1 to 1000 (default 1000; an endpoint that refuses more than 100 "
                        "gets 100)."),
         QStringLiteral("n"), QStringLiteral("1000")},
        {QStringLiteral("read-timeout"),
         QStringLiteral("Seconds without data before a request is abandoned and retried (default 30)."),
         QStringLiteral("seconds"), QStringLiteral("30")},
        {QStringLiteral("export"),
         QStringLiteral("Write every account to this file ('-' for stdout) and exit, without a window. The "
                        "extension chooses the format: .xlsx, .json, otherwise CSV."),
         QStringLiteral("file")},
        {QStringLiteral("format"), QStringLiteral("Export as csv, xlsx or json, whatever the file is called."),
         QStringLiteral("format")},
        {QStringLiteral("csv-bom"),
         QStringLiteral("Start the CSV with a UTF-8 byte-order mark, so Excel shows non-ASCII names correctly.")},
        {QStringLiteral("quiet"), QStringLiteral("Do not print progress to stderr.")},
        {QStringLiteral("no-names"),
         QStringLiteral("Do not ask AWS Organizations for account names and emails (the CSV then has no such columns).")},
        {QStringLiteral("ou"),
         QStringLiteral("With --export: only the accounts in this OU and the OUs below it, by ID (ou-...) or by "
                        "path as the OU Path column shows it ('Root / Workloads / Prod')."),
         QStringLiteral("id-or-path")},
        {QStringLiteral("demo"),
         QStringLiteral("Use a built-in simulated organization instead of AWS (no account or network needed).")},
        {QStringLiteral("opt-in-organization"),
         QStringLiteral("Opt in to Compute Optimizer without a window: this account and, from the management "
                        "account, every member account. Asks on the terminal first.")},
        {QStringLiteral("yes"), QStringLiteral("With --opt-in-organization: do not ask, opt in.")},
    });
}

Expected<CommandLineOptions> readOptions(const QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty())
        return Unexpected{QStringLiteral("Unexpected argument '%1'. Options start with --; see --help.")
                              .arg(parser.positionalArguments().constFirst().left(80))};

    CommandLineOptions options;
    auto profile = nonEmptyOption(parser, QStringLiteral("profile"), QStringLiteral("audit"));
    if (!profile)
        return Unexpected{profile.error()};
    options.profile = profile.value();
    auto region = nonEmptyOption(parser, QStringLiteral("region"), QStringLiteral("us-east-1"));
    if (!region)
        return Unexpected{region.error()};
    options.region = region.value();
    auto endpoint = nonEmptyOption(parser, QStringLiteral("endpoint-url"),
                                   QStringLiteral("https://compute-optimizer.us-east-1.amazonaws.com"));
    if (!endpoint)
        return Unexpected{endpoint.error()};
    options.endpointUrl = endpoint.value();
    if (!options.endpointUrl.isEmpty()) {
        const QUrl url(options.endpointUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
            return Unexpected{QStringLiteral("--endpoint-url '%1' is not an http:// or https:// URL.")
                                  .arg(options.endpointUrl.left(200))};
    }

    if (parser.isSet(QStringLiteral("status"))) {
        auto statuses = parseStatusList(parser.value(QStringLiteral("status")));
        if (!statuses)
            return Unexpected{statuses.error()};
        options.statuses = statuses.value();
    }
    auto maxResults = wholeNumberOption(parser, QStringLiteral("max-results"), 1, 1000);
    if (!maxResults)
        return Unexpected{maxResults.error()};
    options.maxResults = maxResults.value();
    auto timeout = wholeNumberOption(parser, QStringLiteral("read-timeout"), 1, 3600);
    if (!timeout)
        return Unexpected{timeout.error()};
    options.readTimeoutSeconds = timeout.value();

    if (parser.isSet(QStringLiteral("export"))) {
        options.exportPath = parser.value(QStringLiteral("export"));
        if (options.exportPath.isEmpty())
            return Unexpected{QStringLiteral("--export needs a file name, or '-' for stdout.")};
    }
    options.exportFormat = exportFormatForFileName(options.exportPath);
    if (parser.isSet(QStringLiteral("format"))) {
        const QString name = parser.value(QStringLiteral("format"));
        const std::optional<ExportFormat> format = exportFormatFromName(name.trimmed());
        if (!format)
            return Unexpected{QStringLiteral("--format must be csv, xlsx or json, not '%1'.").arg(name.left(40))};
        options.exportFormat = *format;
    }
    options.csvByteOrderMark = parser.isSet(QStringLiteral("csv-bom"));
    if (options.csvByteOrderMark && options.exportFormat != ExportFormat::Csv)
        return Unexpected{QStringLiteral("--csv-bom is for CSV; %1 needs no byte-order mark.")
                              .arg(exportFormatName(options.exportFormat).toUpper())};
    options.quiet = parser.isSet(QStringLiteral("quiet"));
    options.demo = parser.isSet(QStringLiteral("demo"));
    options.noNames = parser.isSet(QStringLiteral("no-names"));
    if (parser.isSet(QStringLiteral("ou"))) {
        options.ou = parser.value(QStringLiteral("ou")).trimmed();
        if (options.ou.isEmpty() || options.ou.size() > 2048)
            return Unexpected{QStringLiteral("--ou needs an OU ID or path, for example --ou ou-ab12-cdef3456 or "
                                             "--ou 'Root / Workloads'.")};
        if (options.exportPath.isEmpty())
            return Unexpected{QStringLiteral("--ou is for --export; in the window, pick the OU in the tree.")};
        if (options.noNames)
            return Unexpected{QStringLiteral("--ou needs AWS Organizations, which --no-names turns off; drop one of "
                                             "them.")};
    }
    options.optInOrganization = parser.isSet(QStringLiteral("opt-in-organization"));
    options.yes = parser.isSet(QStringLiteral("yes"));
    if (options.yes && !options.optInOrganization)
        return Unexpected{QStringLiteral("--yes only answers the question of --opt-in-organization. Add "
                                         "--opt-in-organization, or leave --yes out.")};
    if (options.optInOrganization && !options.exportPath.isEmpty())
        return Unexpected{QStringLiteral("--opt-in-organization and --export are separate runs. Run one, then the other.")};
    return options;
}

bool wantsHeadlessExport(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--export" || arg.startsWith("--export=") || arg == "-export")
            return true;
        if (arg == "--opt-in-organization")
            return true;
        if (arg == "--help" || arg == "-h" || arg == "--version" || arg == "-v" || arg == "--help-all")
            return true;
    }
    return false;
}

namespace {

// Longer than any path, profile, region or URL; session tokens run to a few kilobytes.
constexpr qsizetype MaxArgumentBytes = 4096;
constexpr qsizetype MaxEnvironmentBytes = 16 * 1024;

// Qt turns bytes that are not UTF-8 into U+FFFD: a file name or a key would silently become another.
bool isUtf8(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

QString describeArgument(int index, char **argv)
{
    const QByteArrayView argument(argv[index]);
    const auto optionName = [](QByteArrayView option) {
        const qsizetype equals = option.indexOf('=');
        return QString::fromUtf8(option.first(std::min<qsizetype>(equals < 0 ? option.size() : equals, 40)));
    };
    if (argument.startsWith('-'))
        return QStringLiteral("The option '%1'").arg(optionName(argument));
    if (index > 1 && QByteArrayView(argv[index - 1]).startsWith("--"))
        return QStringLiteral("The value of %1").arg(optionName(QByteArrayView(argv[index - 1])));
    return QStringLiteral("Argument %1").arg(index);
}

} // namespace

QString rawInputProblem(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView argument(argv[i]);
        if (argument.size() > MaxArgumentBytes)
            return QStringLiteral("%1 is %2 bytes long; no option takes more than %3.")
                .arg(describeArgument(i, argv))
                .arg(argument.size())
                .arg(MaxArgumentBytes);
        if (!isUtf8(argument))
            return QStringLiteral("%1 is not valid UTF-8 text. Give names and values in UTF-8.")
                .arg(describeArgument(i, argv));
    }
    const QStringList names = QProcessEnvironment::systemEnvironment().keys();
    for (const QString &name : names) {
        if (!name.startsWith(QLatin1String("AWS_")))
            continue;
        const QByteArray value = qgetenv(name.toLocal8Bit().constData());
        if (value.size() > MaxEnvironmentBytes)
            return QStringLiteral("The environment variable %1 is %2 bytes long; no AWS setting is longer than "
                                  "%3. Check its value or unset it.")
                .arg(name.left(60))
                .arg(value.size())
                .arg(MaxEnvironmentBytes);
        if (!isUtf8(value))
            return QStringLiteral("The environment variable %1 is not valid UTF-8 text. Check its value or unset it.")
                .arg(name.left(60));
    }
    return {};
}
