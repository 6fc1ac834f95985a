#include "loadstatuswording.h"

#include "countwording.h"

#include <QCoreApplication>
#include <QLocale>

namespace {

using State = LoadStatus::State;

const QString Separator = QStringLiteral(" · ");

QString tr(const char *text)
{
    return QCoreApplication::translate("LoadStatusWording", text);
}

QString accounts(int count)
{
    return countOf(count, tr("account"), tr("accounts"));
}

} // namespace

std::optional<IncompleteNotice> incompleteNotice(const LoadStatus &status, int loadedRows)
{
    if (loadedRows <= 0)
        return std::nullopt;
    IncompleteNotice notice;
    if (status.state == State::Failed) {
        notice.kind = NoticeBanner::Kind::Warning;
        notice.title = status.isAccessDenied()
            ? tr("The list is incomplete: access was denied after %1 had loaded.").arg(accounts(loadedRows))
            : tr("The list is incomplete: %1 loaded before an error.").arg(accounts(loadedRows));
        notice.detail = status.failure.message;
        notice.actionText = status.canResume ? tr("Retry from page %1").arg(status.failure.pagesLoaded + 1)
                                             : tr("Load again");
        notice.actionToolTip = status.canResume
            ? tr("Ask again for the page that failed; the accounts already loaded stay.")
            : tr("Start over from the first page.");
        return notice;
    }
    if (status.state == State::Cancelled) {
        notice.kind = NoticeBanner::Kind::Information;
        notice.title = tr("Loading was cancelled: the list shows only the %1 loaded so far.").arg(accounts(loadedRows));
        notice.detail = tr("Refresh to load the whole list.");
        notice.actionText = tr("Load again");
        notice.actionToolTip = tr("Start over from the first page.");
        return notice;
    }
    return std::nullopt;
}

EmptyState emptyState(const LoadStatus &status, int loadedRows, bool demo)
{
    using Action = EmptyState::Action;
    if (loadedRows > 0)
        return {tr("No loaded account matches the filter"), tr("Tick more statuses above, or clear the search."),
                tr("Show all accounts"), Action::ShowAllAccounts, {}};
    switch (status.state) {
    case State::NotLoaded:
        return {demo ? tr("The demo organization is ready") : tr("No accounts loaded yet"),
                demo ? tr("Press Refresh (F5) to load its member accounts.")
                     : tr("Choose a profile and a Region, then press Refresh (F5)."),
                tr("Refresh"), Action::Refresh, {}};
    case State::QueryFailed:
        return {tr("Cannot load the accounts yet"), status.queryError, tr("Try again"), Action::Refresh, {}};
    case State::Loading:
        return {tr("Loading member accounts…"), tr("The first page is on its way. Press Esc to stop."), {},
                Action::None, {}};
    case State::Loaded:
        return {tr("No member accounts to show"),
                tr("Compute Optimizer returned an empty list for %1 in %2.").arg(status.profileText, status.region),
                {}, Action::None, {}};
    case State::Failed:
        if (status.isAccessDenied())
            return {tr("This profile cannot list the organization's accounts"),
                    status.failure.message
                        + tr("\n\nYour own account's enrollment is shown above when it could be read."),
                    tr("Retry"), Action::Retry, {}};
        return {tr("Could not load the accounts"), status.failure.message, tr("Retry"), Action::Retry,
                status.failure.suggestedCommand};
    case State::Cancelled:
        return {tr("Loading was cancelled"), tr("No accounts had arrived yet. Press Refresh (F5) to load the list."),
                tr("Refresh"), Action::Refresh, {}};
    }
    return {};
}

QString footerText(const LoadStatus &status, int shownRows, int loadedRows)
{
    if (status.state == State::NotLoaded || status.state == State::QueryFailed)
        return tr("No accounts loaded");
    const QLocale locale;
    QString text = tr("Showing %1 of %2 accounts").arg(locale.toString(shownRows), locale.toString(loadedRows));
    switch (status.state) {
    case State::Loading:
        text += Separator + tr("loading…");
        break;
    case State::Loaded:
        text += Separator + tr("loaded %1").arg(locale.toString(status.loadedAt.time(), QLocale::ShortFormat));
        break;
    case State::Failed:
        text += Separator + tr("incomplete");
        break;
    case State::Cancelled:
        text += Separator + tr("cancelled, incomplete");
        break;
    default:
        break;
    }
    text += Separator + status.profileText;
    if (!status.region.isEmpty())
        text += Separator + status.region;
    return text;
}

QString footerToolTip(const LoadStatus &status)
{
    return status.state == State::Loaded ? tr("Loaded %1").arg(QLocale().toString(status.loadedAt, QLocale::LongFormat))
                                         : QString();
}
