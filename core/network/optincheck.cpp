#include "network/optincheck.h"

#include "client/parsedcall.h"
#include "network/enrollmentquery.h"
#include "sts/stsresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

#include <memory>

namespace {

Expected<QJsonObject> jsonObject(const QByteArray &body, const char *operation)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Unexpected{QStringLiteral("the %1 response is not a JSON object").arg(QLatin1String(operation))};
    return document.object();
}

AwsRequest organizationsRequest(const EnrollmentQuery &query, const QString &operation, const QJsonObject &body)
{
    AwsRequest request = awsJsonRequest(query.organizations, QStringLiteral("AWS Organizations"),
                                        "AWSOrganizationsV20161128", operation, "1.1",
                                        QJsonDocument(body).toJson(QJsonDocument::Compact));
    request.credentials = query.credentials;
    return request;
}

// The client's sentence, or ours when Organizations said the caller may not ask.
QString whyNot(const AwsFailure &failure, const QString &permission)
{
    if (failure.kind == AwsFailure::Kind::AccessDenied)
        return QStringLiteral("only the management account or a delegated administrator may ask (%1)").arg(permission);
    return failure.message;
}

// Shared by the four answers; the last one to arrive hands the check over.
struct CheckInProgress
{
    OptInCheck check;
    int waiting = 4;
    std::function<void(const OptInCheck &)> done;
    void answered()
    {
        if (--waiting == 0)
            done(check);
    }
};

template<typename Page, typename Item>
void fetchPages(AwsClient &client, std::function<AwsRequest(const QString &token)> request,
                std::function<Expected<Page>(const QByteArray &)> parse, QList<Item> Page::*items,
                std::function<void(const Expected<QList<Item>, AwsFailure> &)> done, QList<Item> sofar = {},
                int pagesLeft = 50)
{
    struct Step
    {
        static void run(AwsClient &client, std::shared_ptr<std::function<AwsRequest(const QString &)>> make,
                        std::function<Expected<Page>(const QByteArray &)> parse, QList<Item> Page::*items,
                        std::shared_ptr<std::function<void(const Expected<QList<Item>, AwsFailure> &)>> done,
                        std::shared_ptr<QList<Item>> sofar, QString token, int pagesLeft)
        {
            sendParsed<Page>(client, (*make)(token), parse,
                             [&client, make, parse, items, done, sofar, pagesLeft](const Expected<Page, AwsFailure> &page) {
                if (!page) {
                    (*done)(Unexpected{page.error()});
                    return;
                }
                *sofar += page.value().*items;
                // A token that never ends would be a loop; fifty pages is far beyond any organization.
                if (page.value().nextToken.isEmpty() || pagesLeft <= 1) {
                    (*done)(*sofar);
                    return;
                }
                run(client, make, parse, items, done, sofar, page.value().nextToken, pagesLeft - 1);
            });
        }
    };
    Step::run(client, std::make_shared<std::function<AwsRequest(const QString &)>>(std::move(request)), parse,
              items, std::make_shared<std::function<void(const Expected<QList<Item>, AwsFailure> &)>>(std::move(done)),
              std::make_shared<QList<Item>>(std::move(sofar)), QString(), pagesLeft);
}

} // namespace

OptInCheck::Role OptInCheck::role() const
{
    if (inOrganization == Answer::No)
        return Role::StandaloneAccount;
    if (inOrganization != Answer::Yes || callerAccountId.isEmpty())
        return Role::Unknown;
    if (callerAccountId == managementAccountId)
        return Role::ManagementAccount;
    for (const DelegatedAdministrator &admin : delegatedAdministrators) {
        if (admin.accountId == callerAccountId)
            return Role::DelegatedAdministrator;
    }
    return Role::MemberAccount;
}

Expected<QString> parseCallerAccount(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == QLatin1String("Account")) {
            const QString account = reader.readElementText().trimmed();
            if (!account.isEmpty())
                return account;
        }
    }
    return Unexpected{QStringLiteral("the GetCallerIdentity response names no account")};
}

Expected<DescribedOrganization> parseDescribeOrganization(const QByteArray &body)
{
    auto root = jsonObject(body, "DescribeOrganization");
    if (!root)
        return Unexpected{root.error()};
    const QJsonObject organization = root->value(QLatin1String("Organization")).toObject();
    DescribedOrganization described;
    described.id = organization.value(QLatin1String("Id")).toString();
    described.managementAccountId = organization.value(QLatin1String("MasterAccountId")).toString();
    described.managementEmail = organization.value(QLatin1String("MasterAccountEmail")).toString();
    if (described.id.isEmpty() || described.managementAccountId.isEmpty())
        return Unexpected{QStringLiteral("the DescribeOrganization response has no organization ID or management account")};
    return described;
}

Expected<ServicePrincipalPage> parseServiceAccessPage(const QByteArray &body)
{
    auto root = jsonObject(body, "ListAWSServiceAccessForOrganization");
    if (!root)
        return Unexpected{root.error()};
    const QJsonValue list = root->value(QLatin1String("EnabledServicePrincipals"));
    if (!list.isArray() && !list.isUndefined() && !list.isNull())
        return Unexpected{QStringLiteral("EnabledServicePrincipals is not a list")};
    ServicePrincipalPage page;
    for (const QJsonValue &entry : list.toArray())
        page.principals.append(entry.toObject().value(QLatin1String("ServicePrincipal")).toString());
    page.nextToken = root->value(QLatin1String("NextToken")).toString();
    return page;
}

Expected<DelegatedAdministratorPage> parseDelegatedAdministratorPage(const QByteArray &body)
{
    auto root = jsonObject(body, "ListDelegatedAdministrators");
    if (!root)
        return Unexpected{root.error()};
    const QJsonValue list = root->value(QLatin1String("DelegatedAdministrators"));
    if (!list.isArray() && !list.isUndefined() && !list.isNull())
        return Unexpected{QStringLiteral("DelegatedAdministrators is not a list")};
    DelegatedAdministratorPage page;
    for (const QJsonValue &entry : list.toArray()) {
        const QJsonObject admin = entry.toObject();
        page.administrators.append({admin.value(QLatin1String("Id")).toString(), admin.value(QLatin1String("Name")).toString()});
    }
    page.nextToken = root->value(QLatin1String("NextToken")).toString();
    return page;
}

void checkOptIn(AwsClient &client, const EnrollmentQuery &query, std::function<void(const OptInCheck &)> done)
{
    auto progress = std::make_shared<CheckInProgress>();
    progress->done = std::move(done);

    if (query.sts.isValid()) {
        AwsRequest request;
        request.endpoint = query.sts;
        request.serviceName = QStringLiteral("AWS STS");
        request.operation = QStringLiteral("GetCallerIdentity");
        request.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
        request.body = "Action=GetCallerIdentity&Version=2011-06-15";
        request.expectsJson = false;
        request.credentials = query.credentials;
        request.parseError = [](int status, const HttpHeaders &, const QByteArray &body) {
            return parseStsError(status, body);
        };
        sendParsed<QString>(client, std::move(request), parseCallerAccount,
                            [progress](const Expected<QString, AwsFailure> &account) {
            if (account)
                progress->check.callerAccountId = account.value();
            else
                progress->check.callerProblem = account.error().message;
            progress->answered();
        });
    } else {
        progress->check.callerProblem = QStringLiteral("no STS endpoint is configured for this profile");
        progress->answered();
    }

    if (!query.organizations.isValid()) {
        const QString none = QStringLiteral("no AWS Organizations endpoint is configured for this profile");
        progress->check.organizationProblem = none;
        progress->check.trustedAccessProblem = none;
        progress->check.delegatedAdministratorsProblem = none;
        progress->waiting -= 2;
        progress->answered();
        return;
    }

    sendParsed<DescribedOrganization>(
        client, organizationsRequest(query, QStringLiteral("DescribeOrganization"), {}), parseDescribeOrganization,
        [progress](const Expected<DescribedOrganization, AwsFailure> &organization) {
        OptInCheck &check = progress->check;
        if (organization) {
            check.inOrganization = OptInCheck::Answer::Yes;
            check.organizationId = organization->id;
            check.managementAccountId = organization->managementAccountId;
            check.managementEmail = organization->managementEmail;
        } else if (organization.error().error.code == QLatin1String("AWSOrganizationsNotInUseException")) {
            check.inOrganization = OptInCheck::Answer::No;
        } else {
            check.organizationProblem = whyNot(organization.error(), QStringLiteral("organizations:DescribeOrganization"));
        }
        progress->answered();
    });

    fetchPages<ServicePrincipalPage, QString>(
        client,
        [query](const QString &token) {
            QJsonObject body;
            if (!token.isEmpty())
                body.insert(QLatin1String("NextToken"), token);
            return organizationsRequest(query, QStringLiteral("ListAWSServiceAccessForOrganization"), body);
        },
        parseServiceAccessPage, &ServicePrincipalPage::principals,
        [progress](const Expected<QList<QString>, AwsFailure> &principals) {
            OptInCheck &check = progress->check;
            if (principals)
                check.trustedAccess = principals->contains(ComputeOptimizerPrincipal) ? OptInCheck::Answer::Yes
                                                                                      : OptInCheck::Answer::No;
            else
                check.trustedAccessProblem =
                    whyNot(principals.error(), QStringLiteral("organizations:ListAWSServiceAccessForOrganization"));
            progress->answered();
        });

    fetchPages<DelegatedAdministratorPage, DelegatedAdministrator>(
        client,
        [query](const QString &token) {
            QJsonObject body{{QLatin1String("ServicePrincipal"), ComputeOptimizerPrincipal}};
            if (!token.isEmpty())
                body.insert(QLatin1String("NextToken"), token);
            return organizationsRequest(query, QStringLiteral("ListDelegatedAdministrators"), body);
        },
        parseDelegatedAdministratorPage, &DelegatedAdministratorPage::administrators,
        [progress](const Expected<QList<DelegatedAdministrator>, AwsFailure> &admins) {
            OptInCheck &check = progress->check;
            if (admins) {
                check.delegatedAdministratorsKnown = true;
                check.delegatedAdministrators = admins.value();
            } else {
                check.delegatedAdministratorsProblem =
                    whyNot(admins.error(), QStringLiteral("organizations:ListDelegatedAdministrators"));
            }
            progress->answered();
        });
}
