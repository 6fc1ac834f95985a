#include "loadedorganizationcheck.h"

#include <QHash>
#include <QStringList>

QString expectedOuPath(const SimulatedOrganization &truth, const SimulatedAccount &account)
{
    QHash<QString, const SimulatedUnit *> unitById;
    for (const SimulatedUnit &unit : truth.units)
        unitById.insert(unit.id, &unit);
    QStringList names;
    for (QString at = account.parentId; !at.isEmpty() && at != truth.rootId;) {
        const SimulatedUnit *unit = unitById.value(at);
        if (!unit)
            break;
        names.prepend(unit->name);
        at = unit->parentId;
    }
    names.prepend(QStringLiteral("Root"));
    return names.join(QStringLiteral(" / "));
}

LoadedOrganizationCheck checkLoadedOrganization(const SimulatedOrganization &truth, const AccountTableModel &model,
                                                bool withPaths)
{
    LoadedOrganizationCheck check;
    check.expectedAccounts = int(truth.accounts.size());
    QHash<QString, int> rowOf;
    for (int row = 0; row < model.rowCount(); ++row)
        rowOf.insert(model.account(row).accountId, row);
    const auto mismatch = [&](int &counter, const SimulatedAccount &account, const QString &what, const QString &got,
                              const QString &expected) {
        ++counter;
        if (check.firstMismatch.isEmpty())
            check.firstMismatch = QStringLiteral("%1: %2 \"%3\", expected \"%4\"")
                                      .arg(account.accountId, what, got, expected);
    };
    const auto cell = [&model](int row, int column) { return model.index(row, column).data().toString(); };
    for (const SimulatedAccount &account : truth.accounts) {
        const auto found = rowOf.constFind(account.accountId);
        if (found == rowOf.cend()) {
            mismatch(check.missing, account, QStringLiteral("row"), QStringLiteral("missing"), QStringLiteral("one"));
            continue;
        }
        const int row = *found;
        if (model.account(row).statusText != account.status)
            mismatch(check.wrongStatus, account, QStringLiteral("status"), model.account(row).statusText, account.status);
        const QString name = cell(row, AccountTableModel::AccountNameColumn);
        if (name != account.name)
            mismatch(check.wrongName, account, QStringLiteral("name"), name, account.name);
        const QString state = cell(row, AccountTableModel::AccountStateColumn);
        if (state != account.state)
            mismatch(check.wrongState, account, QStringLiteral("state"), state, account.state);
        if (withPaths) {
            const QString path = cell(row, AccountTableModel::OuPathColumn);
            const QString expected = expectedOuPath(truth, account);
            if (path != expected)
                mismatch(check.wrongPath, account, QStringLiteral("OU path"), path, expected);
        }
    }
    check.extra = int(qMax<qsizetype>(0, model.rowCount() - (truth.accounts.size() - check.missing)));
    return check;
}
