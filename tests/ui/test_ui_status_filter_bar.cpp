#include "statusfilterbar.h"

#include <QCheckBox>
#include <QtTest>

namespace {

void addAccounts(StatusCounts &counts, const QString &status, int howMany)
{
    AccountEnrollment account;
    account.statusText = status;
    account.status = enrollmentStatusFromText(status);
    for (int i = 0; i < howMany; ++i)
        counts.add(account);
}

} // namespace

class StatusFilterBarTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shouldShowEachCountBesideItsStatus();
    void shouldShowOtherOnlyOnceAnUnknownStatusArrives();
    void shouldReportTheFilterWhenABoxIsClicked();
    void shouldNotReportAFilterSetFromOutside();
    void shouldSayTheCountsAreOfLoadedAccounts();
};

void StatusFilterBarTest::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void StatusFilterBarTest::shouldShowEachCountBesideItsStatus()
{
    StatusFilterBar bar;
    StatusCounts counts;
    addAccounts(counts, QStringLiteral("Active"), 4812);
    addAccounts(counts, QStringLiteral("Failed"), 12);
    bar.setCounts(counts);
    QCOMPARE(bar.findChild<QCheckBox *>(QStringLiteral("statusFilterActive"))->text(), QStringLiteral("Active (4,812)"));
    QCOMPARE(bar.findChild<QCheckBox *>(QStringLiteral("statusFilterFailed"))->text(), QStringLiteral("Failed (12)"));
    QCOMPARE(bar.findChild<QCheckBox *>(QStringLiteral("statusFilterPending"))->text(), QStringLiteral("Pending (0)"));
    QVERIFY(!bar.findChild<QCheckBox *>(QStringLiteral("statusFilterFailed"))->accessibleName().isEmpty());
}

void StatusFilterBarTest::shouldShowOtherOnlyOnceAnUnknownStatusArrives()
{
    StatusFilterBar bar;
    bar.show();
    QCheckBox *other = bar.checkBox(EnrollmentStatus::Other);
    QVERIFY(!other->isVisible());
    StatusCounts counts;
    addAccounts(counts, QStringLiteral("Suspended"), 3);
    bar.setCounts(counts);
    QVERIFY(other->isVisible());
    QCOMPARE(other->text(), QStringLiteral("Other (3)"));
}

void StatusFilterBarTest::shouldReportTheFilterWhenABoxIsClicked()
{
    StatusFilterBar bar;
    bar.show();
    QSignalSpy changed(&bar, &StatusFilterBar::filterChanged);
    QCheckBox *failed = bar.checkBox(EnrollmentStatus::Failed);
    QTest::mouseClick(failed, Qt::LeftButton, {}, QPoint(4, failed->height() / 2));
    QCOMPARE(changed.size(), 1);
    const auto filter = changed.at(0).at(0).value<StatusFilter>();
    QVERIFY(!filter.accepts(EnrollmentStatus::Failed));
    QVERIFY(filter.accepts(EnrollmentStatus::Active));
    QCOMPARE(bar.filter(), filter);
}

void StatusFilterBarTest::shouldNotReportAFilterSetFromOutside()
{
    StatusFilterBar bar;
    QSignalSpy changed(&bar, &StatusFilterBar::filterChanged);
    StatusFilter filter = StatusFilter::all();
    filter.setAccepted(EnrollmentStatus::Inactive, false);
    bar.setFilter(filter);
    QCOMPARE(changed.size(), 0);
    QVERIFY(!bar.checkBox(EnrollmentStatus::Inactive)->isChecked());
    QVERIFY(bar.checkBox(EnrollmentStatus::Active)->isChecked());
    QCOMPARE(bar.filter(), filter);
}

void StatusFilterBarTest::shouldSayTheCountsAreOfLoadedAccounts()
{
    StatusFilterBar bar;
    QVERIFY(bar.checkBox(EnrollmentStatus::Active)->toolTip().contains(QStringLiteral("loaded so far")));
}

QTEST_MAIN(StatusFilterBarTest)
#include "test_ui_status_filter_bar.moc"
