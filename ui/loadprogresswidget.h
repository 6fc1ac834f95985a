#pragma once

#include "network/fetchprogress.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;

// The status-bar line while a load runs: pages and accounts so far, time taken and, while a
// throttled or failed request waits for its retry, "retrying in 3 s".
class LoadProgressWidget : public QWidget
{
    Q_OBJECT

public:
    explicit LoadProgressWidget(QWidget *parent = nullptr);

    void start();
    // After Retry: the same load goes on, and so does its clock.
    void resume();
    void setProgress(const FetchProgress &progress);
    void stop();

    QString text() const;

private:
    void updateText();

    QProgressBar *m_bar;
    QLabel *m_label;
    QTimer m_tick;
    QElapsedTimer m_elapsed;
    FetchProgress m_progress;
    QDeadlineTimer m_retryAt;
};
