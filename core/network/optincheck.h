#pragma once

#include "common/expected.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <functional>

class AwsClient;
struct EnrollmentQuery;

inline const QString ComputeOptimizerPrincipal = QStringLiteral("compute-optimizer.amazonaws.com");

struct DelegatedAdministrator
{
    QString accountId;
    QString name;
};

// What AWS says before an opt-in: whose credentials these are, their organization, whether
// Organizations trusts Compute Optimizer, and who administers it on the management account's
// behalf. Each part is known or says why not; one part failing does not hide the others.
struct OptInCheck
{
    enum class Role { Unknown, ManagementAccount, DelegatedAdministrator, MemberAccount, StandaloneAccount };
    enum class Answer { Unknown, Yes, No };

    QString callerAccountId; // STS GetCallerIdentity
    QString callerProblem;

    Answer inOrganization = Answer::Unknown; // DescribeOrganization
    QString organizationId;
    QString managementAccountId;
    QString managementEmail;
    QString organizationProblem;

    Answer trustedAccess = Answer::Unknown; // ListAWSServiceAccessForOrganization
    QString trustedAccessProblem;

    bool delegatedAdministratorsKnown = false; // ListDelegatedAdministrators
    QList<DelegatedAdministrator> delegatedAdministrators;
    QString delegatedAdministratorsProblem;

    Role role() const;
};

Q_DECLARE_METATYPE(OptInCheck)

// The answers' bodies, as the models in botocore describe them.
Expected<QString> parseCallerAccount(const QByteArray &xml);
struct DescribedOrganization
{
    QString id;
    QString managementAccountId;
    QString managementEmail;
};
Expected<DescribedOrganization> parseDescribeOrganization(const QByteArray &body);
struct ServicePrincipalPage
{
    QStringList principals;
    QString nextToken;
};
Expected<ServicePrincipalPage> parseServiceAccessPage(const QByteArray &body);
struct DelegatedAdministratorPage
{
    QList<DelegatedAdministrator> administrators;
    QString nextToken;
};
Expected<DelegatedAdministratorPage> parseDelegatedAdministratorPage(const QByteArray &body);

// Asks the four questions at once through client; done runs once, when every one is answered.
void checkOptIn(AwsClient &client, const EnrollmentQuery &query, std::function<void(const OptInCheck &)> done);
