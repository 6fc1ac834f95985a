#pragma once

#include "network/ownenrollment.h"

#include <QWidget>

class QLabel;

// One line above the table about the caller's own account (GetEnrollmentStatus): its status,
// whether member accounts are enrolled, and how many opted in.
class OwnEnrollmentSummary : public QWidget
{
    Q_OBJECT

public:
    explicit OwnEnrollmentSummary(QWidget *parent = nullptr);

    void showLoading();
    void showEnrollment(const OwnEnrollment &own);
    void showError(const QString &message);
    void clear();

    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void setMarker(const QString &statusText);

    QLabel *m_caption;
    QLabel *m_marker;
    QLabel *m_text;
    QString m_statusText;
};
