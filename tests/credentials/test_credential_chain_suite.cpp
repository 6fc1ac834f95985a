// The SDKs' assume-role suite (tests/data/profiles/assume-role-tests.json, from smithy-rs): each
// profile plans to the expected chain of sources, or fails. Our errors are our own sentences, so
// each suite error is matched by the words that name the same problem.
#include "awsfilesfixture.h"
#include "profiles/credentialchainplan.h"
#include "profiles/credentialproviderchain.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

// The words of our message for each error of the suite.
const QHash<QString, QStringList> &errorWords()
{
    static const QHash<QString, QStringList> words{
        {QStringLiteral("profile must contain `source_profile`"),
         {QStringLiteral("role_arn"), QStringLiteral("neither source_profile nor credential_source")}},
        {QStringLiteral("profile contained both source_profile and credential_source"),
         {QStringLiteral("both source_profile and credential_source")}},
        {QStringLiteral("profile missing aws_secret_access_key"),
         {QStringLiteral("'B'"), QStringLiteral("no value for aws_secret_access_key")}},
        {QStringLiteral("profile missing aws_access_key_id"),
         {QStringLiteral("'B'"), QStringLiteral("no aws_access_key_id")}},
        {QStringLiteral("profile `B` did not contain credential information"),
         {QStringLiteral("source profile 'B'"), QStringLiteral("has no credentials")}},
        {QStringLiteral("profile `A` did not contain credential information"),
         {QStringLiteral("No AWS credentials found"), QStringLiteral("profile 'A'")}},
        {QStringLiteral("could not find source profile B referenced from A"),
         {QStringLiteral("Profile 'A' has source_profile = B"), QStringLiteral("no profile 'B'")}},
        {QStringLiteral("No profiles were defined"), {QStringLiteral("No AWS credentials found")}},
        {QStringLiteral("profile formed an infinite loop"), {QStringLiteral("form a loop through source_profile")}},
        {QStringLiteral("`role_arn` was missing"), {QStringLiteral("web_identity_token_file but no role_arn")}},
        {QStringLiteral("if `sso_role_name` is set, then `sso_account_id` must also be set"),
         {QStringLiteral("sets sso_role_name but not sso_account_id")}},
        {QStringLiteral("if `sso_account_id` is set, then `sso_role_name` must also be set"),
         {QStringLiteral("sets sso_account_id but not sso_role_name")}},
        {QStringLiteral("`sso_region` can only be specified in the [sso-session] config when a session name is given"),
         {QStringLiteral("[sso-session A]"), QStringLiteral("has no sso_region")}},
        {QStringLiteral("sso-session named `oops` (referenced by profile `A`) was not found"),
         {QStringLiteral("sso_session 'oops'"), QStringLiteral("no [sso-session oops]")}},
    };
    return words;
}

QJsonObject withoutEmpty(QJsonObject object)
{
    for (const QString &key : object.keys()) {
        if (object.value(key).toString().isEmpty())
            object.remove(key);
    }
    return object;
}

// A link in the suite's notation.
QJsonObject suiteForm(const CredentialLink &link)
{
    if (const auto *keys = std::get_if<StaticKeysLink>(&link)) {
        return {{QStringLiteral("AccessKey"),
                 QJsonObject{{QStringLiteral("access_key_id"), keys->credentials.accessKeyId},
                             {QStringLiteral("secret_access_key"), keys->credentials.secretAccessKey}}}};
    }
    if (const auto *role = std::get_if<AssumeRoleLink>(&link)) {
        return {{QStringLiteral("AssumeRole"),
                 withoutEmpty({{QStringLiteral("role_arn"), role->roleArn},
                               {QStringLiteral("role_session_name"), role->roleSessionName},
                               {QStringLiteral("external_id"), role->externalId}})}};
    }
    if (const auto *named = std::get_if<NamedSourceLink>(&link))
        return {{QStringLiteral("NamedSource"), named->name}};
    if (const auto *web = std::get_if<WebIdentityLink>(&link)) {
        return {{QStringLiteral("WebIdentityToken"),
                 withoutEmpty({{QStringLiteral("role_arn"), web->roleArn},
                               {QStringLiteral("web_identity_token_file"), web->tokenFile},
                               {QStringLiteral("role_session_name"), web->roleSessionName}})}};
    }
    if (const auto *sso = std::get_if<SsoLink>(&link)) {
        return {{QStringLiteral("Sso"), withoutEmpty({{QStringLiteral("sso_session"), sso->sessionName},
                                                      {QStringLiteral("sso_start_url"), sso->startUrl},
                                                      {QStringLiteral("sso_region"), sso->region},
                                                      {QStringLiteral("sso_account_id"), sso->accountId},
                                                      {QStringLiteral("sso_role_name"), sso->roleName}})}};
    }
    const auto &process = std::get<ProcessLink>(link);
    return {{QStringLiteral("CredentialProcess"), process.command}};
}

// The suite also records an account id for keys; this version has no use for it.
QJsonArray withoutAccountIds(QJsonArray chain)
{
    for (qsizetype i = 0; i < chain.size(); ++i) {
        QJsonObject link = chain.at(i).toObject();
        if (link.contains(QStringLiteral("AccessKey"))) {
            QJsonObject keys = link.value(QStringLiteral("AccessKey")).toObject();
            keys.remove(QStringLiteral("account_id"));
            link.insert(QStringLiteral("AccessKey"), keys);
            chain.replace(i, link);
        }
    }
    return chain;
}

QString sectionsText(const QJsonObject &sections, const QString &prefix)
{
    QString text;
    for (auto section = sections.constBegin(); section != sections.constEnd(); ++section) {
        text += QStringLiteral("[%1 %2]\n").arg(prefix, section.key());
        const QJsonObject properties = section.value().toObject();
        for (auto property = properties.constBegin(); property != properties.constEnd(); ++property)
            text += property.key() + QStringLiteral(" = ") + property.value().toString() + u'\n';
        text += u'\n';
    }
    return text;
}

QStringList secretsIn(const QJsonObject &profiles)
{
    QStringList secrets;
    for (const QJsonValue &profile : profiles) {
        const QString secret = profile.toObject().value(QStringLiteral("aws_secret_access_key")).toString();
        if (secret.size() > 3)
            secrets.append(secret);
    }
    return secrets;
}

} // namespace

class CredentialChainSuiteTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldPlanEachProfileAsTheSuiteExpects_data();
    void shouldPlanEachProfileAsTheSuiteExpects();
    void shouldCoverEveryCaseOfTheSuite();
};

void CredentialChainSuiteTest::shouldPlanEachProfileAsTheSuiteExpects_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QJsonObject>("output");

    QFile file(QStringLiteral(TEST_DATA_DIR "/profiles/assume-role-tests.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray cases = QJsonDocument::fromJson(file.readAll()).array();
    QVERIFY(!cases.isEmpty());
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const QJsonObject testCase = cases.at(i).toObject();
        const QString name = QStringLiteral("%1: %2").arg(i + 1).arg(testCase.value(QStringLiteral("docs")).toString());
        QTest::newRow(qPrintable(name)) << testCase.value(QStringLiteral("input")).toObject()
                                        << testCase.value(QStringLiteral("output")).toObject();
    }
}

void CredentialChainSuiteTest::shouldPlanEachProfileAsTheSuiteExpects()
{
    QFETCH(QJsonObject, input);
    QFETCH(QJsonObject, output);

    AwsFilesFixture files;
    QVERIFY(files.isValid());
    const QJsonObject profiles = input.value(QStringLiteral("profiles")).toObject();
    QVERIFY(files.writeConfig(sectionsText(profiles, QStringLiteral("profile"))
                              + sectionsText(input.value(QStringLiteral("sso_sessions")).toObject(),
                                             QStringLiteral("sso-session"))));
    QVERIFY(files.writeCredentials(QString()));
    const Expected<LoadedProfileFiles> loaded = loadProfileFiles({files.configPath(), files.credentialsPath()});
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error()));

    CredentialChainRequest request;
    request.profile = {input.value(QStringLiteral("selected_profile")).toString(), QStringLiteral("--profile")};
    request.files = &loaded.value();
    const Expected<CredentialChainPlan> plan = planCredentialChain(request);

    if (output.contains(QStringLiteral("Error"))) {
        const QString suiteError = output.value(QStringLiteral("Error")).toString();
        QVERIFY2(!plan, qPrintable(QStringLiteral("expected the error '%1'").arg(suiteError)));
        QVERIFY2(errorWords().contains(suiteError), qPrintable(QStringLiteral("no words for '%1'").arg(suiteError)));
        for (const QString &word : errorWords().value(suiteError))
            QVERIFY2(plan.error().contains(word), qPrintable(plan.error() + QStringLiteral(" lacks: ") + word));
        for (const QString &secret : secretsIn(profiles))
            QVERIFY2(!plan.error().contains(secret), qPrintable(plan.error()));
        return;
    }

    QVERIFY2(plan, plan ? "" : qPrintable(plan.error()));
    QJsonArray chain;
    for (const CredentialLink &link : plan->links)
        chain.append(suiteForm(link));
    const QJsonArray expected = withoutAccountIds(output.value(QStringLiteral("ProfileChain")).toArray());
    QCOMPARE(QString::fromUtf8(QJsonDocument(chain).toJson(QJsonDocument::Compact)),
             QString::fromUtf8(QJsonDocument(expected).toJson(QJsonDocument::Compact)));
}

void CredentialChainSuiteTest::shouldCoverEveryCaseOfTheSuite()
{
    QFile file(QStringLiteral(TEST_DATA_DIR "/profiles/assume-role-tests.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(file.readAll()).array().size(), 28);
}

QTEST_GUILESS_MAIN(CredentialChainSuiteTest)
#include "test_credential_chain_suite.moc"
