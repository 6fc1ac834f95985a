#include "simulator/simulatedorganization.h"

#include <QRandomGenerator>
#include <QSet>

#include <array>

namespace {

struct ReasonCase
{
    const char *status;
    const char *reason; // nullptr: no statusReason member at all
};

// What real exports trip over. Each one is placed at a fixed spread of positions so that every
// organization of 20 accounts or more contains all of them.
constexpr std::array awkwardCases{
    ReasonCase{"Failed", "Compute Optimizer could not enroll the account: the service-linked role could not be "
                         "created, because a service control policy denies iam:CreateServiceLinkedRole"},
    ReasonCase{"Failed", "The role \"AWSServiceRoleForComputeOptimizer\" could not be assumed"},
    ReasonCase{"Pending", "Enrollment is in progress.\nCheck again in 24 hours."},
    ReasonCase{"Failed", "Enrollment failed.\r\nContact the administrator of the management account."},
    ReasonCase{"Pending", "Inscription en cours : le compte « Opérations » sera prêt demain"},
    ReasonCase{"Failed", "日本リージョンのアカウントを登録できませんでした"},
    ReasonCase{"Pending", "Almost there 🚀 enrollment can take up to 24 hours"},
    ReasonCase{"Failed", "=HYPERLINK(\"https://example.invalid\",\"Details\")"},
    ReasonCase{"Inactive", "+1 opt-out request from the account owner"},
    ReasonCase{"Failed", "-2 retries left before Compute Optimizer gives up"},
    ReasonCase{"Inactive", "@ops-team opted the account out"},
    ReasonCase{"Failed", "\tThe service-linked role is missing"},
    ReasonCase{"Failed", "\rThe service-linked role is missing"},
    ReasonCase{"Failed", nullptr},
    ReasonCase{"Pending", ""},
    ReasonCase{"Active", "Opted in by the \"Platform, Ops\" team; see ticket #42\nand ticket #43"},
    ReasonCase{"Inactive", "Opted out from C:\\Users\\ops\\optout.cmd and /usr/local/bin/optout"},
};

constexpr std::array activeReasons{"Opted in by the organization's management account"};
constexpr std::array inactiveReasons{"The account was opted out of Compute Optimizer",
                                     "Opted out by the organization's management account"};
constexpr std::array pendingReasons{
    "Member accounts of the organization require more time to be enrolled in the service",
    "Compute Optimizer is creating the service-linked role in the account"};
constexpr std::array failedReasons{
    "Compute Optimizer could not enroll the account: the service-linked role could not be created",
    "Compute Optimizer could not enroll the account: trusted access for Compute Optimizer is not enabled in "
    "AWS Organizations",
    "Compute Optimizer could not enroll the account: the account is suspended"};

template <std::size_t N>
QString pick(QRandomGenerator &random, const std::array<const char *, N> &choices)
{
    return QString::fromUtf8(choices[random.bounded(static_cast<quint32>(N))]);
}

SimulatedAccount ordinaryAccount(QRandomGenerator &random)
{
    SimulatedAccount account;
    const quint32 roll = random.bounded(100u);
    if (roll < 85) {
        account.status = QStringLiteral("Active");
        if (random.bounded(4u) == 0)
            account.statusReason = pick(random, activeReasons);
    } else if (roll < 91) {
        account.status = QStringLiteral("Inactive");
        if (random.bounded(5u) != 0)
            account.statusReason = pick(random, inactiveReasons);
    } else if (roll < 96) {
        account.status = QStringLiteral("Pending");
        account.statusReason = pick(random, pendingReasons);
    } else {
        account.status = QStringLiteral("Failed");
        account.statusReason = pick(random, failedReasons);
    }
    return account;
}

void applyCase(SimulatedAccount &account, const ReasonCase &reasonCase)
{
    account.status = QString::fromUtf8(reasonCase.status);
    account.statusReason = reasonCase.reason ? std::optional<QString>(QString::fromUtf8(reasonCase.reason))
                                             : std::nullopt;
}

QString accountId(QRandomGenerator &random, int index, QSet<quint64> &used)
{
    constexpr quint64 tenTo9 = 1'000'000'000ULL;
    constexpr quint64 tenTo11 = 100'000'000'000ULL;
    for (;;) {
        quint64 value = random.generate64();
        if (index % 50 == 7)
            value %= tenTo9; // three or more leading zeros
        else if (index % 10 == 1)
            value %= tenTo11;
        else
            value = tenTo11 + value % (9 * tenTo11);
        if (!used.contains(value)) {
            used.insert(value);
            return QStringLiteral("%1").arg(value, 12, 10, QLatin1Char('0'));
        }
    }
}

enum class NumberForm { Integer, Fraction, Exponent };

// AWS's Java-based serialisers write doubles such as 1.6084512E9; others write plain integers.
QByteArray timestampJson(QRandomGenerator &random, NumberForm form)
{
    constexpr quint32 fourYears = 126'230'400;
    const qint64 seconds = 1'609'459'200 + random.bounded(fourYears); // from 2021-01-01
    switch (form) {
    case NumberForm::Integer:
        return QByteArray::number(seconds);
    case NumberForm::Fraction:
        return QByteArray::number(seconds) + '.'
            + QByteArray::number(random.bounded(1000u)).rightJustified(3, '0');
    case NumberForm::Exponent: {
        const QByteArray digits = QByteArray::number(seconds / 100 * 100);
        QByteArray fraction = digits.mid(1);
        while (fraction.endsWith('0'))
            fraction.chop(1);
        if (fraction.isEmpty())
            fraction = "0";
        return digits.left(1) + '.' + fraction + 'E' + QByteArray::number(digits.size() - 1);
    }
    }
    return QByteArray::number(seconds);
}

NumberForm numberForm(QRandomGenerator &random, int index)
{
    if (index < 3)
        return static_cast<NumberForm>(index);
    const quint32 roll = random.bounded(100u);
    if (roll < 70)
        return NumberForm::Integer;
    return roll < 90 ? NumberForm::Fraction : NumberForm::Exponent;
}

// Names as organizations really have them, plus the awkward ones an export must survive.
void assignNames(QList<SimulatedAccount> &accounts, quint32 seed)
{
    static const char *const teams[] = {"payments", "identity", "data-lake", "search", "billing", "mobile",
                                        "analytics", "security", "platform", "marketing", "logistics", "ml"};
    static const char *const stages[] = {"prod", "staging", "dev", "sandbox", "shared"};
    static const QString awkwardNames[] = {
        QStringLiteral("Finance, Legal & \"Ops\""), QStringLiteral("Ingeniería Ñandú"), QStringLiteral("研究開発"),
        QStringLiteral("=HYPERLINK(\"http://x\")"), QStringLiteral("Line one\nLine two"),
    };
    // Its own generator, so adding names changed none of the enrollment data for a seed.
    QRandomGenerator random(seed ^ 0x6e616d65u);
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        SimulatedAccount &account = accounts[i];
        const QString slug = QStringLiteral("%1-%2-%3")
                                 .arg(QLatin1String(teams[random.bounded(quint32(std::size(teams)))]),
                                      QLatin1String(stages[random.bounded(quint32(std::size(stages)))]))
                                 .arg(i + 1, 3, 10, QLatin1Char('0'));
        account.name = slug;
        account.email = QStringLiteral("aws+%1@example.com").arg(slug);
        if (i % 97 == 5)
            account.name = awkwardNames[(i / 97) % std::size(awkwardNames)];
    }
}

} // namespace

void assignOrganizationFacts(QList<SimulatedAccount> &accounts, quint32 seed); // simulatedunits.cpp

SimulatedOrganization SimulatedOrganization::generate(int accountCount, quint32 seed)
{
    SimulatedOrganization organization;
    if (accountCount <= 0)
        return organization;
    organization.accounts.reserve(accountCount);

    QRandomGenerator random(seed);
    QSet<quint64> usedIds;
    usedIds.reserve(accountCount);
    for (int index = 0; index < accountCount; ++index) {
        SimulatedAccount account = ordinaryAccount(random);
        account.accountId = accountId(random, index, usedIds);
        account.lastUpdatedJson = timestampJson(random, numberForm(random, index));
        // A sprinkling beyond the fixed positions, so large organizations have them throughout.
        if (random.bounded(50u) == 0)
            applyCase(account, awkwardCases[random.bounded(static_cast<quint32>(awkwardCases.size()))]);
        organization.accounts.append(std::move(account));
    }

    const auto caseCount = static_cast<qsizetype>(awkwardCases.size());
    const qsizetype spread = accountCount - 1;
    for (qsizetype caseIndex = 0; caseIndex < caseCount; ++caseIndex) {
        const qsizetype position = spread >= caseCount ? 1 + caseIndex * spread / caseCount : caseIndex;
        if (position >= accountCount)
            break;
        applyCase(organization.accounts[position], awkwardCases[caseIndex]);
    }
    assignNames(organization.accounts, seed);
    assignOrganizationFacts(organization.accounts, seed);
    return organization;
}
