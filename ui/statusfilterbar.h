#pragma once

#include "enrollment/statusfilter.h"

#include <QWidget>

#include <array>

class QCheckBox;

// One checkbox per status, each with the number of accounts it would show: "Failed (12)". The
// "Other" box appears only once the service has sent a status we do not know.
class StatusFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit StatusFilterBar(QWidget *parent = nullptr);

    StatusFilter filter() const { return m_filter; }
    // Sets the boxes without emitting filterChanged.
    void setFilter(const StatusFilter &filter);
    void setCounts(const StatusCounts &counts);
    QCheckBox *checkBox(EnrollmentStatus status) const;

Q_SIGNALS:
    void filterChanged(const StatusFilter &filter);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onToggled(EnrollmentStatus status, bool checked);
    void updateIcons();

    std::array<QCheckBox *, EnrollmentStatusCount> m_boxes{};
    StatusFilter m_filter = StatusFilter::all();
    StatusCounts m_counts;
};
