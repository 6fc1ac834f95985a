#pragma once

#include "network/optinplan.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QRadioButton;

// The confirmation before an opt-in: what AWS said about the caller and its organization, how
// many accounts are Inactive and which cannot be enrolled, then the ways AWS allows (the others
// disabled, with why), and a question naming the organization and the account. Cancel is the default.
class OptInDialog : public QDialog
{
    Q_OBJECT

public:
    OptInDialog(const OptInPlan &plan, QWidget *parent = nullptr);

    // Accepted with this choice: this account and every member account, or this account only.
    bool wholeOrganization() const;
    QPushButton *optInButton() const { return m_optIn; }
    QRadioButton *wholeOrganizationButton() const { return m_whole; }
    QRadioButton *thisAccountButton() const { return m_thisAccount; }
    QString questionText() const;

private:
    void updateQuestion();

    OptInPlan m_plan;
    QRadioButton *m_whole;
    QRadioButton *m_thisAccount;
    QLabel *m_question;
    QPushButton *m_optIn;
};
