#include "simulator/simulatedorganization.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <functional>

using ReasonCheck = std::function<bool(const QString &)>;
Q_DECLARE_METATYPE(ReasonCheck)

namespace {

QStringList describe(const SimulatedOrganization &organization)
{
    QStringList lines;
    for (const SimulatedAccount &account : organization.accounts)
        lines.append(account.accountId + u'|' + account.status + u'|'
                     + account.statusReason.value_or(QStringLiteral("<none>")) + u'|'
                     + QString::fromLatin1(account.lastUpdatedJson));
    return lines;
}

bool anyReason(const SimulatedOrganization &organization, const ReasonCheck &check)
{
    for (const SimulatedAccount &account : organization.accounts) {
        if (account.statusReason && check(*account.statusReason))
            return true;
    }
    return false;
}

double jsonNumber(const QByteArray &literal)
{
    return QJsonDocument::fromJson("[" + literal + "]").array().at(0).toDouble(-1);
}

} // namespace

class TestSimulatorOrganization : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldGenerateTheSameOrganizationForTheSameSeed()
    {
        QCOMPARE(describe(SimulatedOrganization::generate(500, 7)), describe(SimulatedOrganization::generate(500, 7)));
    }

    void shouldGenerateDifferentOrganizationsForDifferentSeeds()
    {
        QVERIFY(describe(SimulatedOrganization::generate(500, 7)) != describe(SimulatedOrganization::generate(500, 8)));
    }

    void shouldGenerateExactlyTheRequestedNumberOfAccounts()
    {
        QCOMPARE(SimulatedOrganization::generate(0).accounts.size(), 0);
        QCOMPARE(SimulatedOrganization::generate(1).accounts.size(), 1);
        QCOMPARE(SimulatedOrganization::generate(12345).accounts.size(), 12345);
    }

    void shouldGenerateUniqueTwelveDigitAccountIds()
    {
        const SimulatedOrganization organization = SimulatedOrganization::generate(20000, 3);
        static const QRegularExpression twelveDigits(QStringLiteral("^\\d{12}$"));
        QSet<QString> seen;
        for (const SimulatedAccount &account : organization.accounts) {
            QVERIFY2(twelveDigits.match(account.accountId).hasMatch(), qPrintable(account.accountId));
            seen.insert(account.accountId);
        }
        QCOMPARE(seen.size(), organization.accounts.size());
    }

    void shouldIncludeAccountIdsWithLeadingZeros()
    {
        const SimulatedOrganization organization = SimulatedOrganization::generate(20);
        int oneZero = 0;
        for (const SimulatedAccount &account : organization.accounts)
            oneZero += account.accountId.startsWith(u'0') ? 1 : 0;
        QVERIFY(oneZero >= 1);

        bool threeZeros = false;
        for (const SimulatedAccount &account : SimulatedOrganization::generate(100).accounts)
            threeZeros = threeZeros || account.accountId.startsWith(QLatin1String("000"));
        QVERIFY(threeZeros);
    }

    void shouldBeMostlyActiveWithEveryStatusPresent()
    {
        const SimulatedOrganization organization = SimulatedOrganization::generate(2000, 11);
        QHash<QString, int> counts;
        for (const SimulatedAccount &account : organization.accounts)
            ++counts[account.status];
        QCOMPARE(QSet<QString>(counts.keyBegin(), counts.keyEnd()),
                 (QSet<QString>{QStringLiteral("Active"), QStringLiteral("Inactive"), QStringLiteral("Pending"),
                                QStringLiteral("Failed")}));
        QVERIFY2(counts.value(QStringLiteral("Active")) > 1400, qPrintable(QString::number(counts.value(QStringLiteral("Active")))));
    }

    void shouldGiveFailedAccountsTheServiceLinkedRoleReason()
    {
        QVERIFY(anyReason(SimulatedOrganization::generate(2000), [](const QString &reason) {
            return reason == QLatin1String("Compute Optimizer could not enroll the account: the service-linked role "
                                           "could not be created");
        }));
    }

    void shouldContainAwkwardReasons_data()
    {
        QTest::addColumn<int>("accountCount");
        QTest::addColumn<ReasonCheck>("check");
        const auto contains = [](QString needle) {
            return ReasonCheck([needle](const QString &reason) { return reason.contains(needle); });
        };
        const auto startsWith = [](QChar first) {
            return ReasonCheck([first](const QString &reason) { return reason.startsWith(first); });
        };
        for (const int count : {20, 5000}) {
            QTest::addRow("comma, %d accounts", count) << count << contains(QStringLiteral(","));
            QTest::addRow("double quote, %d accounts", count) << count << contains(QStringLiteral("\""));
            QTest::addRow("line feed without carriage return, %d accounts", count) << count << ReasonCheck([](const QString &r) {
                return r.contains(u'\n') && !r.contains(QLatin1String("\r\n"));
            });
            QTest::addRow("carriage return line feed, %d accounts", count) << count << contains(QStringLiteral("\r\n"));
            QTest::addRow("accented letter, %d accounts", count) << count << contains(QStringLiteral("é"));
            QTest::addRow("Japanese, %d accounts", count) << count << contains(QStringLiteral("日本"));
            QTest::addRow("emoji outside the BMP, %d accounts", count) << count << contains(QStringLiteral("🚀"));
            QTest::addRow("formula starting with =, %d accounts", count) << count << startsWith(u'=');
            QTest::addRow("formula starting with +, %d accounts", count) << count << startsWith(u'+');
            QTest::addRow("formula starting with -, %d accounts", count) << count << startsWith(u'-');
            QTest::addRow("formula starting with @, %d accounts", count) << count << startsWith(u'@');
            QTest::addRow("starting with tab, %d accounts", count) << count << startsWith(u'\t');
            QTest::addRow("starting with carriage return, %d accounts", count) << count << startsWith(u'\r');
            QTest::addRow("backslash, %d accounts", count) << count << contains(QStringLiteral("\\"));
            QTest::addRow("empty, %d accounts", count) << count << ReasonCheck([](const QString &r) { return r.isEmpty(); });
        }
    }

    void shouldContainAwkwardReasons()
    {
        QFETCH(int, accountCount);
        QFETCH(ReasonCheck, check);
        QVERIFY(anyReason(SimulatedOrganization::generate(accountCount, 5), check));
    }

    void shouldLeaveSomeReasonsOutEvenForFailedAccounts()
    {
        bool failedWithoutReason = false;
        bool activeWithoutReason = false;
        for (const SimulatedAccount &account : SimulatedOrganization::generate(20).accounts) {
            failedWithoutReason = failedWithoutReason || (account.status == QLatin1String("Failed") && !account.statusReason);
            activeWithoutReason = activeWithoutReason || (account.status == QLatin1String("Active") && !account.statusReason);
        }
        QVERIFY(failedWithoutReason);
        QVERIFY(activeWithoutReason);
    }

    void shouldWriteTimestampsInAllThreeNumberForms()
    {
        static const QRegularExpression integer(QStringLiteral("^\\d{10}$"));
        static const QRegularExpression fraction(QStringLiteral("^\\d{10}\\.\\d+$"));
        static const QRegularExpression exponent(QStringLiteral("^\\d\\.\\d+E9$"));
        int integers = 0;
        int fractions = 0;
        int exponents = 0;
        for (const SimulatedAccount &account : SimulatedOrganization::generate(20).accounts) {
            const QString text = QString::fromLatin1(account.lastUpdatedJson);
            integers += integer.match(text).hasMatch() ? 1 : 0;
            fractions += fraction.match(text).hasMatch() ? 1 : 0;
            exponents += exponent.match(text).hasMatch() ? 1 : 0;
            // Every literal is a JSON number of epoch seconds between 2021 and 2025.
            const double seconds = jsonNumber(account.lastUpdatedJson);
            QVERIFY2(seconds >= 1609459200.0 && seconds < 1735689600.0, qPrintable(text));
        }
        QVERIFY(integers > 0);
        QVERIFY(fractions > 0);
        QVERIFY(exponents > 0);
        QCOMPARE(integers + fractions + exponents, 20);
    }

    void shouldWriteExponentFormWithoutLosingTheValue()
    {
        for (const SimulatedAccount &account : SimulatedOrganization::generate(300, 9).accounts) {
            if (!account.lastUpdatedJson.contains('E'))
                continue;
            const double seconds = jsonNumber(account.lastUpdatedJson);
            QCOMPARE(seconds, std::floor(seconds));
            QCOMPARE(static_cast<qint64>(seconds) % 100, 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestSimulatorOrganization)
#include "test_simulator_organization.moc"
