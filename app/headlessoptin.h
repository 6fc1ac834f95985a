#pragma once

#include "network/enrollmentquery.h"
#include "network/optinplan.h"

#include <QObject>
#include <QTextStream>

class LoadSession;
class TerminalQuestion;
struct OptInAccepted;
struct OptInRefused;

// `enrollment-desk --opt-in-organization`: says what AWS reports about the account and its
// organization, asks on the terminal (unless --yes), sends UpdateEnrollmentStatus once through the
// load's client on its thread, and exits 0 only when AWS accepted. Without a terminal to ask on and
// without --yes nothing is requested: exit 2.
class HeadlessOptIn : public QObject
{
    Q_OBJECT

public:
    HeadlessOptIn(bool yes, QString terminalPath = QStringLiteral("/dev/tty"), QObject *parent = nullptr);
    ~HeadlessOptIn() override;

    // False, with the message written and done's code set, when it cannot even start.
    bool start(const EnrollmentQuery &query);
    int exitCode() const { return m_exitCode; }

Q_SIGNALS:
    void done(int exitCode);

private:
    void onChecked(const OptInCheck &check);
    void send();
    void onAccepted(const OptInAccepted &accepted);
    void onRefused(const OptInRefused &refused);
    void finish(int code, const QString &message);

    bool m_yes;
    QTextStream m_stderr;
    EnrollmentQuery m_query;
    LoadSession *m_session = nullptr;
    TerminalQuestion *m_question = nullptr;
    OptInPlan m_plan;
    bool m_wholeOrganization = false;
    int m_exitCode = 1;
};
