#pragma once

#include "common/expected.h"
#include "simulator/pagetokencodec.h"
#include "simulator/serviceerror.h"
#include "simulator/simulatedorganization.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

// A validated GetEnrollmentStatusesForOrganization request.
struct PageRequest
{
    std::optional<QStringList> statuses; // sorted; nullopt: no filter
    qsizetype offset = 0;
    int maxResults = 100; // the documented maximum, used when the request names none
};

// The organization in the shape the service answers with: each account serialised once, filtered
// lists computed once per filter, pages assembled by concatenation.
class OrganizationPages
{
public:
    OrganizationPages(const SimulatedOrganization &organization, quint64 tokenSalt);

    Expected<PageRequest, ServiceError> parseRequest(const QByteArray &body);
    // Above this, a ValidationException about maxResults, as an endpoint keeping to the documented
    // 100 would answer; the model's own limit is 1000.
    void setMaxResultsLimit(int limit) { m_maxResultsLimit = limit; }
    QByteArray nextTokenAfter(const PageRequest &request); // empty on the last page
    QByteArray tokenForOffset(qsizetype offset) const;
    QByteArray pageJson(const PageRequest &request, const QByteArray &nextToken);
    QByteArray enrollmentStatusJson() const; // GetEnrollmentStatus for the management account

    // nextToken of a request body, read leniently; empty when absent or unreadable.
    static QByteArray nextTokenIn(const QByteArray &body);

private:
    const QList<qsizetype> *matchingAccounts(const std::optional<QStringList> &statuses);
    qsizetype matchingCount(const std::optional<QStringList> &statuses);

    QList<QByteArray> m_accountJson;
    QStringList m_accountStatus;
    QHash<QString, QList<qsizetype>> m_filtered;
    PageTokenCodec m_tokens;
    int m_activeCount = 0;
    int m_maxResultsLimit = 1000;
};
