#include "enrollment/statusfilter.h"

#include <QtTest>

namespace {

AccountEnrollment accountWith(const QString &status)
{
    AccountEnrollment account;
    account.accountId = QStringLiteral("111122223333");
    account.statusText = status;
    account.status = enrollmentStatusFromText(status);
    return account;
}

} // namespace

class StatusFilterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldAcceptEveryStatusByDefault();
    void shouldHideOnlyTheUncheckedStatus();
    void shouldPutUnknownStatusesInTheOtherBucket();
    void countsShouldAgreeWithTheFilter();
};

void StatusFilterTest::shouldAcceptEveryStatusByDefault()
{
    const StatusFilter filter;
    for (const char *status : {"Active", "Inactive", "Pending", "Failed", "Suspended", ""})
        QVERIFY(filter.accepts(accountWith(QString::fromLatin1(status))));
    QVERIFY(filter.acceptsAll());
}

void StatusFilterTest::shouldHideOnlyTheUncheckedStatus()
{
    StatusFilter filter;
    filter.setAccepted(EnrollmentStatus::Failed, false);
    QVERIFY(!filter.accepts(accountWith(QStringLiteral("Failed"))));
    QVERIFY(filter.accepts(accountWith(QStringLiteral("Active"))));
    QVERIFY(filter.accepts(accountWith(QStringLiteral("Pending"))));
    QVERIFY(!filter.acceptsAll());
    filter.setAccepted(EnrollmentStatus::Failed, true);
    QVERIFY(filter.acceptsAll());
}

void StatusFilterTest::shouldPutUnknownStatusesInTheOtherBucket()
{
    StatusFilter filter = StatusFilter::none();
    filter.setAccepted(EnrollmentStatus::Other, true);
    QVERIFY(filter.accepts(accountWith(QStringLiteral("Suspended"))));
    QVERIFY(!filter.accepts(accountWith(QStringLiteral("Active"))));
    QCOMPARE(enrollmentStatusFromText(u"active"), EnrollmentStatus::Other); // the service's spelling is exact
}

void StatusFilterTest::countsShouldAgreeWithTheFilter()
{
    StatusCounts counts;
    const QStringList statuses{QStringLiteral("Active"), QStringLiteral("Active"), QStringLiteral("Failed"),
                               QStringLiteral("Pending"), QStringLiteral("Odd"), QStringLiteral("Inactive")};
    QList<AccountEnrollment> accounts;
    for (const QString &status : statuses) {
        accounts.append(accountWith(status));
        counts.add(accounts.last());
    }
    QCOMPARE(counts.count(EnrollmentStatus::Active), 2);
    QCOMPARE(counts.count(EnrollmentStatus::Other), 1);
    QCOMPARE(counts.total(), 6);

    StatusFilter filter;
    filter.setAccepted(EnrollmentStatus::Active, false);
    filter.setAccepted(EnrollmentStatus::Other, false);
    const auto visible = std::count_if(accounts.begin(), accounts.end(),
                                       [&](const AccountEnrollment &a) { return filter.accepts(a); });
    QCOMPARE(counts.matching(filter), int(visible));
    QCOMPARE(counts.matching(filter), 3);
}

QTEST_GUILESS_MAIN(StatusFilterTest)
#include "test_status_filter.moc"
