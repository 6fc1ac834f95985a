#include "enrollment/statusfilter.h"

#include <numeric>

StatusFilter StatusFilter::all()
{
    return StatusFilter();
}

StatusFilter StatusFilter::none()
{
    return fromMask(0);
}

StatusFilter StatusFilter::fromMask(quint32 mask)
{
    StatusFilter filter;
    filter.m_mask = mask & allBits();
    return filter;
}

void StatusFilter::setAccepted(EnrollmentStatus status, bool accepted)
{
    if (accepted)
        m_mask |= bit(status);
    else
        m_mask &= ~bit(status);
}

int StatusCounts::total() const
{
    return std::accumulate(m_counts.begin(), m_counts.end(), 0);
}

int StatusCounts::matching(const StatusFilter &filter) const
{
    int sum = 0;
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
        if (filter.accepts(static_cast<EnrollmentStatus>(i)))
            sum += m_counts[i];
    }
    return sum;
}
