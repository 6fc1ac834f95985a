#include "optindialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace {

QLabel *wrapped(const QString &text, QWidget *parent, const char *name = nullptr)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (name)
        label->setObjectName(QString::fromLatin1(name));
    return label;
}

QLabel *why(const OptInChoice &choice, QWidget *parent, const char *name)
{
    QLabel *label = wrapped(choice.whyNot, parent, name);
    label->setIndent(24);
    label->setEnabled(false);
    label->setVisible(!choice.allowed);
    return label;
}

} // namespace

OptInDialog::OptInDialog(const OptInPlan &plan, QWidget *parent)
    : QDialog(parent)
    , m_plan(plan)
{
    setObjectName(QStringLiteral("optInDialog"));
    setWindowTitle(tr("Opt in to Compute Optimizer"));
    setWindowModality(Qt::WindowModal);
    auto *layout = new QVBoxLayout(this);

    const QLocale locale;
    QStringList facts;
    facts << tr("Account: %1").arg(plan.account);
    facts << tr("Organization: %1").arg(plan.organization);
    if (plan.inactiveAccounts >= 0)
        facts << tr("Inactive member accounts in the list: %1").arg(locale.toString(plan.inactiveAccounts));
    facts << plan.trustedAccess << plan.delegatedAdministrator;
    layout->addWidget(wrapped(facts.join(u'\n'), this, "optInFacts"));
    if (!plan.cannotEnroll.isEmpty()) {
        const int shown = 8;
        QStringList lines = plan.cannotEnroll.mid(0, shown);
        if (plan.cannotEnroll.size() > shown)
            lines << tr("…and %1 more").arg(locale.toString(plan.cannotEnroll.size() - shown));
        layout->addWidget(wrapped(tr("These accounts cannot be enrolled and will stay as they are:\n%1")
                                      .arg(lines.join(u'\n')),
                                  this, "optInCannotEnroll"));
    }

    m_whole = new QRadioButton(tr("Opt in this account and every member account of the organization"), this);
    m_whole->setObjectName(QStringLiteral("optInWholeOrganization"));
    m_whole->setEnabled(plan.wholeOrganization.allowed);
    layout->addWidget(m_whole);
    layout->addWidget(why(plan.wholeOrganization, this, "optInWholeOrganizationWhyNot"));
    m_thisAccount = new QRadioButton(tr("Opt in only this account"), this);
    m_thisAccount->setObjectName(QStringLiteral("optInThisAccount"));
    m_thisAccount->setEnabled(plan.thisAccount.allowed);
    layout->addWidget(m_thisAccount);
    layout->addWidget(why(plan.thisAccount, this, "optInThisAccountWhyNot"));
    (plan.wholeOrganization.allowed ? m_whole : m_thisAccount)->setChecked(true);

    layout->addWidget(wrapped(tr("Opting out is not offered here: it deletes Compute Optimizer's data. Use the "
                                 "Compute Optimizer console for it."),
                              this, "optInNoOptOut"));
    m_question = wrapped({}, this, "optInQuestion");
    QFont bold = m_question->font();
    bold.setBold(true);
    m_question->setFont(bold);
    layout->addWidget(m_question);

    auto *buttons = new QDialogButtonBox(this);
    m_optIn = buttons->addButton(tr("Opt in"), QDialogButtonBox::AcceptRole);
    m_optIn->setObjectName(QStringLiteral("optInConfirmButton"));
    m_optIn->setAutoDefault(false);
    m_optIn->setEnabled(plan.wholeOrganization.allowed || plan.thisAccount.allowed);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("optInCancelButton"));
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_whole, &QRadioButton::toggled, this, &OptInDialog::updateQuestion);
    updateQuestion();
    resize(sizeHint().expandedTo(QSize(640, 0)));
}

bool OptInDialog::wholeOrganization() const
{
    return m_whole->isChecked() && m_plan.wholeOrganization.allowed;
}

QString OptInDialog::questionText() const
{
    return m_question->text();
}

void OptInDialog::updateQuestion()
{
    m_question->setText(m_plan.question(wholeOrganization()));
}
