#include "emptystatepanel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QHBoxLayout>
#include <QVBoxLayout>

EmptyStatePanel::EmptyStatePanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_copyCommand(new QPushButton(this))
{
    setObjectName(QStringLiteral("emptyState"));
    setAccessibleName(tr("No accounts to show"));
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);

    m_detail->setObjectName(QStringLiteral("emptyStateDetail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setAlignment(Qt::AlignCenter);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_action->setObjectName(QStringLiteral("emptyStateAction"));
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, &EmptyStatePanel::actionTriggered);

    m_copyCommand->setObjectName(QStringLiteral("emptyStateCopyCommand"));
    m_copyCommand->hide();
    connect(m_copyCommand, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_command);
        m_copyCommand->setText(tr("Copied: %1").arg(m_command));
    });

    // The text column is at most 640 px wide and centred; the labels fill it, so word wrap has a
    // width to break lines at.
    auto *column = new QWidget(this);
    column->setMaximumWidth(640);
    auto *text = new QVBoxLayout(column);
    text->setContentsMargins(0, 0, 0, 0);
    text->addWidget(m_title);
    text->addSpacing(6);
    text->addWidget(m_detail);
    text->addSpacing(12);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_copyCommand);
    buttons->addWidget(m_action);
    buttons->addStretch(1);
    text->addLayout(buttons);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 100);
    row->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
}

void EmptyStatePanel::showState(const QString &title, const QString &detail, const QString &actionText)
{
    m_title->setText(title);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    m_action->setText(actionText);
    m_action->setAccessibleName(actionText);
    m_action->setVisible(!actionText.isEmpty());
    setAccessibleDescription(title + u' ' + detail);
    offerCommand({});
}

void EmptyStatePanel::offerCommand(const QString &command)
{
    m_command = command;
    const QString label = tr("Copy '%1'").arg(command);
    m_copyCommand->setText(label);
    m_copyCommand->setAccessibleName(label);
    m_copyCommand->setToolTip(tr("Copy the command to the clipboard, run it in a terminal, then Retry."));
    m_copyCommand->setVisible(!command.isEmpty());
}

QString EmptyStatePanel::title() const
{
    return m_title->text();
}

QString EmptyStatePanel::detail() const
{
    return m_detail->text();
}
