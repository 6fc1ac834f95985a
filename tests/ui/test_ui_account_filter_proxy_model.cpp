#include "accountfilterproxymodel.h"

#include <QAbstractItemModelTester>
#include <QTextDocument>
#include <QtTest>

namespace {

AccountEnrollment account(const QString &id, const QString &status, const QString &reason,
                          std::optional<qint64> updatedMsecs)
{
    AccountEnrollment result;
    result.accountId = id;
    result.statusText = status;
    result.status = enrollmentStatusFromText(status);
    if (!reason.isNull())
        result.statusReason = reason;
    result.lastUpdatedMsecs = updatedMsecs;
    return result;
}

qint64 msecs(int year, int month, int day)
{
    return QDateTime(QDate(year, month, day), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
}

// Eight accounts, two of each documented status plus one unknown. The dates are chosen so that
// their display text sorts differently from their time.
QList<AccountEnrollment> sampleAccounts()
{
    return {
        account(QStringLiteral("000000000001"), QStringLiteral("Active"), QStringLiteral("Opted in by the management account"), msecs(2024, 2, 1)),
        account(QStringLiteral("111111111111"), QStringLiteral("Failed"), QStringLiteral("Missing service-linked role"), msecs(2023, 12, 31)),
        account(QStringLiteral("222222222222"), QStringLiteral("Pending"), QStringLiteral("Creating the role"), msecs(2024, 10, 5)),
        account(QStringLiteral("333333333333"), QStringLiteral("Inactive"), QString(), std::nullopt),
        account(QStringLiteral("444444444444"), QStringLiteral("Active"), QStringLiteral("Role created, ROLE ready"), msecs(2021, 3, 9)),
        account(QStringLiteral("555555555555"), QStringLiteral("Failed"), QStringLiteral("Access denied for the role"), msecs(2022, 11, 20)),
        account(QStringLiteral("666666666666"), QStringLiteral("Suspended"), QStringLiteral("A status from the future"), msecs(2024, 1, 15)),
        account(QStringLiteral("777777777777"), QStringLiteral("Inactive"), QStringLiteral("Opted out"), msecs(2020, 6, 30)),
    };
}

QStringList shownIds(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, AccountTableModel::AccountIdColumn).data().toString();
    return ids;
}

StatusFilter filterOf(std::initializer_list<EnrollmentStatus> statuses)
{
    StatusFilter filter = StatusFilter::none();
    for (EnrollmentStatus status : statuses)
        filter.setAccepted(status, true);
    return filter;
}

} // namespace

class AccountFilterProxyModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void shouldShowOnlyTheTickedStatuses_data();
    void shouldShowOnlyTheTickedStatuses();
    void shouldShowAsManyRowsAsTheCountsSayForEveryFilter();
    void shouldMatchSearchInAccountIdAndReason_data();
    void shouldMatchSearchInAccountIdAndReason();
    void shouldCombineStatusFilterAndSearch();
    void shouldSearchAndSortByAccountNameAndEmail();
    void shouldSortLastUpdatedByTimeNotByText();
    void shouldSortStatusByUrgencyNotByAlphabet();
    void shouldSortAccountsWithoutTimestampFirst();
    void shouldFilterPagesAsTheyArrive();
    void shouldListVisibleAccountsInTheOrderShown();
    void shouldStayConsistentWhenThousandsOfScatteredRowsChange();
    void shouldGiveTimesInUtcAndWholeReasonsAsTooltips();
    void shouldMatchSearchBeyondAsciiAndNeverAcrossFields_data();
    void shouldMatchSearchBeyondAsciiAndNeverAcrossFields();

private:
    std::unique_ptr<AccountTableModel> m_model;
    std::unique_ptr<AccountFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void AccountFilterProxyModelTest::initTestCase()
{
    // A locale whose date text does not sort like time, so the sort test can tell the two apart.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void AccountFilterProxyModelTest::init()
{
    m_model = std::make_unique<AccountTableModel>();
    m_proxy = std::make_unique<AccountFilterProxyModel>();
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxy->setSourceModel(m_model.get());
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->appendAccounts(sampleAccounts());
}

void AccountFilterProxyModelTest::cleanup()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_proxy.reset();
    m_model.reset();
}

void AccountFilterProxyModelTest::shouldShowOnlyTheTickedStatuses_data()
{
    QTest::addColumn<quint32>("mask");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("every status") << StatusFilter::all().mask()
                                  << QStringList{"000000000001", "111111111111", "222222222222", "333333333333",
                                                 "444444444444", "555555555555", "666666666666", "777777777777"};
    QTest::newRow("failed only") << filterOf({EnrollmentStatus::Failed}).mask()
                                 << QStringList{"111111111111", "555555555555"};
    QTest::newRow("everything but active")
        << filterOf({EnrollmentStatus::Inactive, EnrollmentStatus::Pending, EnrollmentStatus::Failed,
                     EnrollmentStatus::Other})
               .mask()
        << QStringList{"111111111111", "222222222222", "333333333333", "555555555555", "666666666666",
                       "777777777777"};
    QTest::newRow("unknown status only") << filterOf({EnrollmentStatus::Other}).mask()
                                         << QStringList{"666666666666"};
    QTest::newRow("nothing ticked") << StatusFilter::none().mask() << QStringList{};
}

void AccountFilterProxyModelTest::shouldShowOnlyTheTickedStatuses()
{
    QFETCH(quint32, mask);
    QFETCH(QStringList, expected);
    m_proxy->setStatusFilter(StatusFilter::fromMask(mask));
    QCOMPARE(shownIds(*m_proxy), expected);
}

void AccountFilterProxyModelTest::shouldShowAsManyRowsAsTheCountsSayForEveryFilter()
{
    for (quint32 mask = 0; mask <= StatusFilter::all().mask(); ++mask) {
        const StatusFilter filter = StatusFilter::fromMask(mask);
        m_proxy->setStatusFilter(filter);
        QCOMPARE(m_proxy->rowCount(), m_model->counts().matching(filter));
    }
}

void AccountFilterProxyModelTest::shouldMatchSearchInAccountIdAndReason_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("part of an account ID") << QStringLiteral("5555") << QStringList{"555555555555"};
    QTest::newRow("leading zeros of an account ID") << QStringLiteral("0000000000") << QStringList{"000000000001"};
    QTest::newRow("a word of a reason, other case") << QStringLiteral("role")
                                                    << QStringList{"111111111111", "222222222222", "444444444444",
                                                                   "555555555555"};
    QTest::newRow("surrounding spaces are ignored") << QStringLiteral("  opted ")
                                                    << QStringList{"000000000001", "777777777777"};
    QTest::newRow("the status itself is not searched") << QStringLiteral("Pending") << QStringList{};
    QTest::newRow("empty search shows all") << QString()
                                            << QStringList{"000000000001", "111111111111", "222222222222",
                                                           "333333333333", "444444444444", "555555555555",
                                                           "666666666666", "777777777777"};
}

void AccountFilterProxyModelTest::shouldMatchSearchInAccountIdAndReason()
{
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    m_proxy->setSearchText(search);
    QCOMPARE(shownIds(*m_proxy), expected);
}

void AccountFilterProxyModelTest::shouldCombineStatusFilterAndSearch()
{
    QSignalSpy changed(m_proxy.get(), &AccountFilterProxyModel::filterChanged);
    m_proxy->setSearchText(QStringLiteral("role"));
    m_proxy->setStatusFilter(filterOf({EnrollmentStatus::Failed}));
    QCOMPARE(shownIds(*m_proxy), (QStringList{"111111111111", "555555555555"}));
    m_proxy->setStatusFilter(filterOf({EnrollmentStatus::Active}));
    QCOMPARE(shownIds(*m_proxy), QStringList{"444444444444"});
    QCOMPARE(changed.size(), 3);
}

// Failed, Pending, Inactive, Active, then a status AWS may add; equal statuses in arrival order.
void AccountFilterProxyModelTest::shouldSortStatusByUrgencyNotByAlphabet()
{
    m_proxy->sort(AccountTableModel::StatusColumn, Qt::AscendingOrder);
    QCOMPARE(shownIds(*m_proxy), (QStringList{"111111111111", "555555555555", "222222222222", "333333333333",
                                              "777777777777", "000000000001", "444444444444", "666666666666"}));
    m_proxy->sort(AccountTableModel::StatusColumn, Qt::DescendingOrder);
    QCOMPARE(shownIds(*m_proxy), (QStringList{"666666666666", "000000000001", "444444444444", "333333333333",
                                              "777777777777", "222222222222", "111111111111", "555555555555"}));
}

void AccountFilterProxyModelTest::shouldSortLastUpdatedByTimeNotByText()
{
    m_proxy->setStatusFilter(filterOf({EnrollmentStatus::Active, EnrollmentStatus::Failed, EnrollmentStatus::Pending}));
    m_proxy->sort(AccountTableModel::LastUpdatedColumn, Qt::AscendingOrder);
    const QStringList byTime{"444444444444", "555555555555", "111111111111", "000000000001", "222222222222"};
    QCOMPARE(shownIds(*m_proxy), byTime);

    // The display text would put 5 Oct 2024 and 31 Dec 2023 elsewhere: prove the text order differs.
    QStringList texts;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        texts << m_proxy->index(row, AccountTableModel::LastUpdatedColumn).data().toString();
    QStringList sortedTexts = texts;
    sortedTexts.sort();
    QVERIFY(texts != sortedTexts);

    m_proxy->sort(AccountTableModel::LastUpdatedColumn, Qt::DescendingOrder);
    QStringList reversed = byTime;
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(shownIds(*m_proxy), reversed);
}

void AccountFilterProxyModelTest::shouldSortAccountsWithoutTimestampFirst()
{
    m_proxy->setStatusFilter(filterOf({EnrollmentStatus::Inactive}));
    m_proxy->sort(AccountTableModel::LastUpdatedColumn, Qt::AscendingOrder);
    QCOMPARE(shownIds(*m_proxy), (QStringList{"333333333333", "777777777777"}));
}

void AccountFilterProxyModelTest::shouldFilterPagesAsTheyArrive()
{
    m_proxy->setStatusFilter(filterOf({EnrollmentStatus::Failed}));
    m_proxy->sort(AccountTableModel::AccountIdColumn, Qt::DescendingOrder);
    m_model->appendAccounts({account(QStringLiteral("999999999999"), QStringLiteral("Failed"), QStringLiteral("x"), 1),
                             account(QStringLiteral("888888888888"), QStringLiteral("Active"), QStringLiteral("y"), 2),
                             account(QStringLiteral("000000000000"), QStringLiteral("Failed"), QStringLiteral("z"), 3)});
    QCOMPARE(shownIds(*m_proxy),
             (QStringList{"999999999999", "555555555555", "111111111111", "000000000000"}));
    QCOMPARE(m_proxy->rowCount(), m_model->counts().matching(m_proxy->statusFilter()));
}

void AccountFilterProxyModelTest::shouldListVisibleAccountsInTheOrderShown()
{
    m_proxy->setSearchText(QStringLiteral("opted"));
    m_proxy->sort(AccountTableModel::AccountIdColumn, Qt::DescendingOrder);
    const QList<AccountEnrollment> visible = m_proxy->visibleAccounts();
    QCOMPARE(visible.size(), 2);
    QCOMPARE(visible.at(0).accountId, QStringLiteral("777777777777"));
    QCOMPARE(visible.at(1).accountId, QStringLiteral("000000000001"));
    QCOMPARE(m_proxy->accountAt(1)->accountId, QStringLiteral("000000000001"));
    QVERIFY(!m_proxy->accountAt(2));
}

void AccountFilterProxyModelTest::shouldStayConsistentWhenThousandsOfScatteredRowsChange()
{
    // Thousands of rows scattered through a sorted table come and go at once.
    QList<AccountEnrollment> many;
    const QStringList statuses{"Active", "Failed", "Pending", "Inactive"};
    for (int i = 0; i < 4000; ++i) {
        many.append(account(QStringLiteral("%1").arg(100000 + (i * 7919) % 4000, 12, 10, QLatin1Char('0')),
                            statuses.at(i % 4), QStringLiteral("reason %1").arg(i), 1'000'000 + (i * 104729) % 4000));
    }
    m_model->appendAccounts(many);
    m_proxy->sort(AccountTableModel::LastUpdatedColumn, Qt::AscendingOrder);

    int keptRow = m_proxy->rowCount() / 2;
    while (m_proxy->accountAt(keptRow)->status == EnrollmentStatus::Failed)
        ++keptRow;
    const QPersistentModelIndex kept(m_proxy->index(keptRow, AccountTableModel::AccountIdColumn));
    const QString keptId = kept.data().toString();

    StatusFilter noFailed = StatusFilter::all();
    noFailed.setAccepted(EnrollmentStatus::Failed, false);
    m_proxy->setStatusFilter(noFailed);
    QCOMPARE(m_proxy->rowCount(), m_model->counts().matching(noFailed));
    qint64 previous = std::numeric_limits<qint64>::min();
    for (const AccountEnrollment &shown : m_proxy->visibleAccounts()) {
        QVERIFY(shown.status != EnrollmentStatus::Failed);
        const qint64 updated = shown.lastUpdatedMsecs.value_or(std::numeric_limits<qint64>::min());
        QVERIFY(updated >= previous);
        previous = updated;
    }
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data().toString(), keptId);

    m_proxy->setStatusFilter(StatusFilter::all());
    QCOMPARE(m_proxy->rowCount(), 4008);
}

void AccountFilterProxyModelTest::shouldGiveTimesInUtcAndWholeReasonsAsTooltips()
{
    m_proxy->sort(AccountTableModel::AccountIdColumn, Qt::AscendingOrder);
    QCOMPARE(m_proxy->index(0, AccountTableModel::LastUpdatedColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("2024-02-01 12:00:00 UTC"));
    const QString reason = m_proxy->index(1, AccountTableModel::StatusReasonColumn).data(Qt::ToolTipRole).toString();
    QVERIFY(Qt::mightBeRichText(reason));
    QVERIFY2(reason.contains(QStringLiteral("Missing service-linked role")), qPrintable(reason));
    QVERIFY(!m_proxy->index(3, AccountTableModel::StatusReasonColumn).data(Qt::ToolTipRole).isValid());
    QCOMPARE(m_proxy->index(3, AccountTableModel::LastUpdatedColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("The service sent no time for this account."));
}

void AccountFilterProxyModelTest::shouldSearchAndSortByAccountNameAndEmail()
{
    AccountNames names;
    names.insert(QStringLiteral("222222222222"), AccountName{QStringLiteral("billing-prod"), QStringLiteral("billing@example.com")});
    names.insert(QStringLiteral("555555555555"), AccountName{QStringLiteral("Analytics"), QStringLiteral("zeta@example.com")});
    names.insert(QStringLiteral("000000000001"), AccountName{QStringLiteral("core-network"), QStringLiteral("alpha@example.com")});
    m_model->addAccountNames(names);

    m_proxy->setSearchText(QStringLiteral("BILLING"));
    QCOMPARE(shownIds(*m_proxy), QStringList{QStringLiteral("222222222222")});
    m_proxy->setSearchText(QStringLiteral("alpha@"));
    QCOMPARE(shownIds(*m_proxy), QStringList{QStringLiteral("000000000001")});

    m_proxy->setSearchText(QString());
    m_proxy->setStatusFilter(filterOf({EnrollmentStatus::Active, EnrollmentStatus::Failed, EnrollmentStatus::Pending}));
    m_proxy->sort(AccountTableModel::AccountNameColumn, Qt::AscendingOrder);
    // Unnamed accounts first, then the names without regard to case.
    QCOMPARE(shownIds(*m_proxy).mid(2), (QStringList{QStringLiteral("555555555555"), QStringLiteral("222222222222"),
                                                     QStringLiteral("000000000001")}));
    m_proxy->sort(AccountTableModel::EmailColumn, Qt::AscendingOrder);
    QCOMPARE(shownIds(*m_proxy).mid(2), (QStringList{QStringLiteral("000000000001"), QStringLiteral("222222222222"),
                                                     QStringLiteral("555555555555")}));
}

void AccountFilterProxyModelTest::shouldMatchSearchBeyondAsciiAndNeverAcrossFields_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("accented capitals find accented small letters") << QStringLiteral("\u00C5NGSTR\u00D6M")
                                                                   << QStringList{"222222222222"};
    QTest::newRow("Greek in another case") << QStringLiteral("\u03A0\u039B\u0391\u03A4\u03A6\u038C\u03A1\u039C\u0391")
                                           << QStringList{"555555555555"};
    QTest::newRow("the end of an ID and the start of its reason") << QStringLiteral("2222creating") << QStringList{};
    QTest::newRow("the end of a name and the start of its email") << QStringLiteral("opsops@") << QStringList{};
    QTest::newRow("a whole email") << QStringLiteral("OPS@example.com") << QStringList{"222222222222"};
}

void AccountFilterProxyModelTest::shouldMatchSearchBeyondAsciiAndNeverAcrossFields()
{
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    AccountNames names;
    names.insert(QStringLiteral("222222222222"), AccountName{QStringLiteral("\u00C5ngstr\u00F6m ops"), QStringLiteral("ops@example.com")});
    names.insert(QStringLiteral("555555555555"), AccountName{QStringLiteral("\u03C0\u03BB\u03B1\u03C4\u03C6\u03CC\u03C1\u03BC\u03B1"), QString()});
    m_model->addAccountNames(names);
    m_proxy->setSearchText(search);
    QCOMPARE(shownIds(*m_proxy), expected);
}

QTEST_GUILESS_MAIN(AccountFilterProxyModelTest)
#include "test_ui_account_filter_proxy_model.moc"
