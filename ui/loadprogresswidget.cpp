#include "loadprogresswidget.h"

#include "countwording.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

#include <cmath>

namespace {

QString elapsedText(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

LoadProgressWidget::LoadProgressWidget(QWidget *parent)
    : QWidget(parent)
    , m_bar(new QProgressBar(this))
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("loadProgress"));
    setAccessibleName(tr("Loading progress"));
    // The total is unknown until the last page: a busy bar, not a percentage that would lie.
    m_bar->setObjectName(QStringLiteral("loadProgressBar"));
    m_bar->setRange(0, 0);
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(120);
    m_bar->setMaximumHeight(m_label->fontMetrics().height());
    m_bar->setAccessibleName(tr("Loading"));
    m_label->setObjectName(QStringLiteral("loadProgressText"));
    m_label->setTextFormat(Qt::PlainText);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_label);

    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, &LoadProgressWidget::updateText);
    hide();
}

void LoadProgressWidget::start()
{
    m_progress = {};
    m_retryAt = QDeadlineTimer();
    m_elapsed.start();
    resume();
}

void LoadProgressWidget::resume()
{
    if (!m_elapsed.isValid())
        m_elapsed.start();
    m_retryAt = QDeadlineTimer();
    m_tick.start();
    updateText();
    show();
}

void LoadProgressWidget::setProgress(const FetchProgress &progress)
{
    m_progress = progress;
    m_retryAt = progress.retryDelayMs > 0 ? QDeadlineTimer(progress.retryDelayMs) : QDeadlineTimer();
    updateText();
}

void LoadProgressWidget::stop()
{
    m_tick.stop();
    hide();
}

QString LoadProgressWidget::text() const
{
    return m_label->text();
}

void LoadProgressWidget::updateText()
{
    const QLocale locale;
    QString text = tr("Loading: %1 · %2 · %3")
                       .arg(countOf(m_progress.pages, tr("page"), tr("pages")),
                            countOf(m_progress.accounts, tr("account"), tr("accounts")),
                            elapsedText(m_elapsed.isValid() ? m_elapsed.elapsed() : 0));
    QString tooltip;
    if (!m_retryAt.isForever() && !m_retryAt.hasExpired()) {
        const int seconds = int(std::ceil(double(m_retryAt.remainingTime()) / 1000.0));
        text += QStringLiteral(" · ")
            + (m_progress.throttled ? tr("throttled, retrying in %1 s").arg(seconds)
                                    : tr("retrying in %1 s").arg(seconds));
        tooltip = m_progress.retryReason;
    }
    m_label->setText(text);
    m_label->setToolTip(tooltip);
    setAccessibleDescription(text);
}
