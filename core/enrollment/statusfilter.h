#pragma once

#include "enrollment/accountenrollment.h"

#include <array>

// The one predicate behind both the table filter and the checkbox counts: an account belongs to
// exactly one status bucket, and a filter is the set of buckets it lets through.
class StatusFilter
{
public:
    static StatusFilter all();
    static StatusFilter none();

    static EnrollmentStatus bucketOf(const AccountEnrollment &account) { return account.status; }

    bool accepts(EnrollmentStatus status) const { return m_mask & bit(status); }
    bool accepts(const AccountEnrollment &account) const { return accepts(bucketOf(account)); }

    void setAccepted(EnrollmentStatus status, bool accepted);
    bool acceptsAll() const { return m_mask == allBits(); }
    quint32 mask() const { return m_mask; }
    static StatusFilter fromMask(quint32 mask);

    friend bool operator==(const StatusFilter &, const StatusFilter &) = default;

private:
    static constexpr quint32 bit(EnrollmentStatus status) { return 1u << static_cast<int>(status); }
    static constexpr quint32 allBits() { return (1u << EnrollmentStatusCount) - 1; }
    quint32 m_mask = allBits();
};

// Accounts loaded so far, per bucket. Indexed by EnrollmentStatus, never by string.
class StatusCounts
{
public:
    void add(const AccountEnrollment &account) { add(StatusFilter::bucketOf(account)); }
    void add(EnrollmentStatus bucket) { ++m_counts[index(bucket)]; }
    void remove(const AccountEnrollment &account) { --m_counts[index(StatusFilter::bucketOf(account))]; }
    void clear() { m_counts.fill(0); }
    int count(EnrollmentStatus status) const { return m_counts[index(status)]; }
    int total() const;
    int matching(const StatusFilter &filter) const;

private:
    static constexpr std::size_t index(EnrollmentStatus status) { return static_cast<std::size_t>(status); }
    std::array<int, EnrollmentStatusCount> m_counts{};
};
