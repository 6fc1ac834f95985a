#pragma once

#include "client/awscall.h"
#include "client/parsedcall.h"
#include "network/enrollmentquery.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <optional>

// One AWS Organizations list operation paged from its first page to its last, one page at a time
// (each page's NextToken asks for the next), through the load's client. Organizations pages hold
// at most 20 items. A page handler may pause the listing; resume() asks for the next page.
// Destroying it aborts the call in flight; no handler runs after that.
template<typename Page>
class OrganizationsListing
{
public:
    using Read = std::function<Expected<Page>(const QByteArray &body)>;
    // Returns false to pause after this page.
    using PageHandler = std::function<bool(const Page &page)>;
    // Without a failure: every page arrived.
    using EndHandler = std::function<void(const std::optional<AwsFailure> &failure)>;

    OrganizationsListing(AwsClient &client, const EnrollmentQuery &query, QString operation, QString parentId,
                         Read read)
        : m_client(client)
        , m_query(query)
        , m_operation(std::move(operation))
        , m_parentId(std::move(parentId))
        , m_read(std::move(read))
    {
    }
    ~OrganizationsListing() { abort(); }
    OrganizationsListing(const OrganizationsListing &) = delete;
    OrganizationsListing &operator=(const OrganizationsListing &) = delete;

    void start(PageHandler onPage, EndHandler onEnd)
    {
        m_onPage = std::move(onPage);
        m_onEnd = std::move(onEnd);
        requestPage();
    }
    void resume()
    {
        if (m_paused) {
            m_paused = false;
            requestPage();
        }
    }
    void abort()
    {
        if (AwsCall *call = std::exchange(m_call, nullptr))
            call->abort();
    }
    const QString &parentId() const { return m_parentId; }

private:
    static constexpr int PageSize = 20;

    void requestPage()
    {
        QJsonObject body{{QLatin1String("MaxResults"), PageSize}};
        if (!m_parentId.isEmpty())
            body.insert(QLatin1String("ParentId"), m_parentId);
        if (!m_nextToken.isEmpty())
            body.insert(QLatin1String("NextToken"), m_nextToken);
        AwsRequest request = awsJsonRequest(m_query.organizations, QStringLiteral("AWS Organizations"),
                                            "AWSOrganizationsV20161128", m_operation, "1.1",
                                            QJsonDocument(body).toJson(QJsonDocument::Compact));
        request.credentials = m_query.credentials;
        // Organizations allows few requests a second, and this load calls it in parallel.
        request.clientRateLimited = true;
        m_call = sendParsed<Page>(m_client, std::move(request), m_read, [this](const Expected<Page, AwsFailure> &result) {
            m_call = nullptr;
            // The end handler may destroy this listing; it runs from a copy, and nothing follows it.
            const EndHandler onEnd = m_onEnd;
            if (!result) {
                onEnd(result.error());
                return;
            }
            const QString next = result->nextToken;
            // A token handed out before is a loop, not more items; only a missing token is the end.
            const bool last = next.isEmpty() || m_tokensSeen.contains(next);
            m_nextToken = next;
            m_tokensSeen.insert(next);
            const bool goOn = m_onPage(*result);
            if (last) {
                onEnd(std::nullopt);
                return;
            }
            if (goOn)
                requestPage();
            else
                m_paused = true;
        });
    }

    AwsClient &m_client;
    EnrollmentQuery m_query;
    QString m_operation;
    QString m_parentId;
    Read m_read;
    PageHandler m_onPage;
    EndHandler m_onEnd;
    QPointer<AwsCall> m_call;
    QString m_nextToken;
    QSet<QString> m_tokensSeen;
    bool m_paused = false;
};
