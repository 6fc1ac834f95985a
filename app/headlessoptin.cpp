#include "headlessoptin.h"

#include "commandline.h"
#include "network/loadsession.h"
#include "terminalquestion.h"

HeadlessOptIn::HeadlessOptIn(bool yes, QString terminalPath, QObject *parent)
    : QObject(parent)
    , m_yes(yes)
    , m_stderr(stderr)
    , m_session(new LoadSession(this))
    , m_question(new TerminalQuestion(std::move(terminalPath), this))
{
    connect(m_session, &LoadSession::optInChecked, this, &HeadlessOptIn::onChecked);
    connect(m_session, &LoadSession::optInAccepted, this, &HeadlessOptIn::onAccepted);
    connect(m_session, &LoadSession::optInRefused, this, &HeadlessOptIn::onRefused);
}

HeadlessOptIn::~HeadlessOptIn() = default;

bool HeadlessOptIn::start(const EnrollmentQuery &query)
{
    m_query = query;
    // Before any request: with nobody to ask, nothing is asked of AWS either.
    if (!m_yes) {
        const QString noTerminal = m_question->open();
        if (!noTerminal.isEmpty()) {
            m_exitCode = ExitBadInput;
            m_stderr << "enrollment-desk: error: --opt-in-organization asks for confirmation on the terminal, and "
                        "there is none ("
                     << noTerminal << "). Nothing was requested. Run it from a terminal, or add --yes to opt in "
                                      "without asking."
                     << Qt::endl;
            return false;
        }
    }
    m_stderr << "Asking AWS about this account and its organization…" << Qt::endl;
    m_session->checkOptIn(query);
    return true;
}

void HeadlessOptIn::onChecked(const OptInCheck &check)
{
    m_plan = planOptIn(check, {}, {}, false);
    m_wholeOrganization = m_plan.wholeOrganization.allowed;
    m_stderr << "Account: " << m_plan.account << '\n'
             << "Organization: " << m_plan.organization << '\n'
             << m_plan.trustedAccess << '\n'
             << m_plan.delegatedAdministrator << '\n';
    if (!m_wholeOrganization)
        m_stderr << "Member accounts cannot be opted in from here: " << m_plan.wholeOrganization.whyNot << '\n'
                 << "Only this account will be opted in." << '\n';
    m_stderr.flush();
    const QString question = m_plan.question(m_wholeOrganization);
    if (m_yes) {
        m_stderr << question << " --yes given: opting in." << Qt::endl;
        send();
        return;
    }
    m_question->ask(question, [this](const Expected<bool> &answer) {
        if (!answer) {
            finish(ExitFailure, QStringLiteral("No answer (%1). Nothing was requested.").arg(answer.error()));
            return;
        }
        if (!answer.value()) {
            finish(ExitFailure, QStringLiteral("Not confirmed. Nothing was requested."));
            return;
        }
        send();
    });
}

void HeadlessOptIn::send()
{
    m_stderr << "Sending UpdateEnrollmentStatus (status Active"
             << (m_wholeOrganization ? ", includeMemberAccounts" : "") << ")…" << Qt::endl;
    m_session->optIn(m_query, m_wholeOrganization);
}

void HeadlessOptIn::onAccepted(const OptInAccepted &accepted)
{
    QString message = QStringLiteral("AWS accepted the opt-in: status %1.").arg(accepted.status);
    if (!accepted.statusReason.isEmpty())
        message += u' ' + accepted.statusReason;
    if (m_wholeOrganization)
        message += QStringLiteral(" Member accounts turn Pending, then Active; run --export later to see them.");
    finish(ExitSuccess, message);
}

void HeadlessOptIn::onRefused(const OptInRefused &refused)
{
    finish(ExitFailure, QStringLiteral("enrollment-desk: error: ") + refused.message);
}

void HeadlessOptIn::finish(int code, const QString &message)
{
    m_exitCode = code;
    m_stderr << message << Qt::endl;
    Q_EMIT done(code);
}
