"""The auditors' report laid out for people: the text its renderers share (overview,
metadata, one line per action, blocked and refusal messages), and the report as titled
sections of tables that the Markdown and HTML renderers draw in their medium.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from reconciler import domain
from reconciler.catalog import Messages
from reconciler.clock import day_for_people, for_people, in_quebec
from reconciler.planning.planner import (
    ACTION_KINDS,
    EXPIRY_NOTICE_DAYS,
    Blocked,
    Refusal,
    full_name,
)
from reconciler.reading.policy import DEFAULT
from reconciler.render import tasks_view
from reconciler.render.audit_view import COMMIT_SHOWN, action_words, detail
from reconciler.render.past_view import rebuilt_detail, when_words
from reconciler.render.plan_view import describe, origin_name
from reconciler.render.report_view import RECENT_DAYS, ActionRow, Inventory, Report


def overview(report: Report, messages: Messages) -> str:
    changes = messages("report.overview_changes", count=len(report.changes))
    if report.header.rebuilt is not None:
        return messages("report.overview_rebuilt", accounts=report.inventory.total.accounts,
                        establishments=report.inventory.total.establishments,
                        unowned=len(report.unowned)) + " " + changes
    return messages(
        "report.overview", accounts=report.inventory.total.accounts,
        establishments=report.inventory.total.establishments,
        actions=len(report.actions), blocked=len(report.blocked), reviews=len(report.reviews),
        expiring=len(report.expiring), unowned=len(report.unowned),
    ) + " " + changes


def period_words(report: Report, messages: Messages) -> str:
    """The period whose changes are listed: 'from … to …', in Quebec's time."""
    h = report.header
    if h.period_since is None or h.period_until is None:
        return messages("none")
    since, until = in_quebec(h.period_since), in_quebec(h.period_until)
    # A period of whole days is said in days, its last day included.
    since_words = day_for_people(since.date(), messages.lang) if _midnight(since) \
        else for_people(since, messages.lang)
    if _midnight(until):
        last_day = until.date() - dt.timedelta(days=1)
        return messages("report.meta.period_days", since=since_words,
                        until=day_for_people(last_day, messages.lang))
    return messages("report.meta.period_value", since=since_words,
                    until=for_people(until, messages.lang))


def _midnight(moment: dt.datetime) -> bool:
    return moment.time() == dt.time()


def metadata(report: Report, messages: Messages) -> list[tuple[str, str]]:
    """(label, value) pairs describing what the report was made from."""
    h = report.header
    state = [
        (messages("report.meta.state"),
         messages("report.meta.state_value", location=h.state_location, id=h.state_id)),
        (messages("report.meta.state_serial"), str(h.state_serial)),
    ]
    if h.rebuilt is not None:  # the files of today have no part in it
        return [(messages("report.meta.moment"),
                 messages("report.meta.moment_value", when=when_words(h.rebuilt, messages))),
                (messages("report.meta.rebuilt"), rebuilt_detail(h.rebuilt, messages)),
                *state, (messages("report.meta.period"), period_words(report, messages)),
                _last_change(report, messages)]
    return [
        (messages("report.meta.as_of"), day_for_people(dt.date.fromisoformat(h.today),
                                                        messages.lang)),
        *state,
        (messages("report.meta.files"), ", ".join(h.files) or messages("none")),
        (messages("report.meta.digest"), h.config_digest),
        (messages("report.meta.policy"),
         messages("report.meta.policy_value", days=h.review_interval_days,
                  source=messages("policy.default") if h.policy == DEFAULT.source else h.policy)),
        (messages("report.meta.period"), period_words(report, messages)),
        _last_change(report, messages),
    ]


def _last_change(report: Report, messages: Messages) -> tuple[str, str]:
    h = report.header
    return (
        messages("report.meta.last_change"),
        messages("report.meta.last_change_value", at=for_people(h.last_applied_at, messages.lang),
                 commit=_value(h.last_commit, messages),
                 change=_value(h.last_change_ref, messages))
        if h.last_applied_at else messages("none"),
    )


def _when(moment: str | None, messages: Messages) -> str:
    """A time of the state, for people: Quebec's time, in words (the CSV and JSON keep UTC)."""
    return for_people(moment, messages.lang) if moment else ""


def _value(value: Any, messages: Messages) -> str:
    return messages("none") if value is None else str(value)


def action_detail(row: ActionRow, messages: Messages) -> str:
    """What an action does, in one line: its services, its field changes, or a release;
    for an establishment's record with none of these, its name."""
    detail = describe(row, messages, lambda value: _value(value, messages),
                      between=messages("plan.colon"))
    if not detail and ACTION_KINDS[row.action].on_establishment:
        return row.name or ""
    return detail


def blocked_text(blocked: Blocked, messages: Messages) -> tuple[str, str]:
    """The reason an entry is blocked, and what to do about it."""
    params = blocked.message_params
    return messages(blocked.code, **params), messages.hint(blocked.code, **params)


def refusal_text(refusal: Refusal, messages: Messages) -> tuple[str, str]:
    """Why apply would refuse the plan, and what to do about it."""
    params = refusal.message_params
    return messages(refusal.code, **params), messages.hint(refusal.code, **params)


# --- layout ---------------------------------------------------------------------------------
class Table(NamedTuple):
    caption: str | None
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()  # columns to align right
    marks: frozenset[int] = frozenset()  # columns holding a service mark
    footer: tuple[str, ...] | None = None  # a totals row


class Section(NamedTuple):
    id: str  # an anchor, stable across languages
    title: str
    note: str | None
    tables: tuple[Table, ...]


def sections(report: Report, messages: Messages, mark: str = "x") -> list[Section]:
    """The report as titled sections of tables, in reading order."""
    m = messages
    changes = Section("changes", m("report.section.changes"),
                      m("report.note.changes", period=period_words(report, m)),
                      (changes_table(report, m),))
    recent = Section("recent", m("report.section.recent", days=RECENT_DAYS), None,
                     (_recent_table(report, m),))
    codes = Section("codes", m("report.section.codes"), m("report.note.codes"),
                    (_codes_table(report, m),))
    if report.header.rebuilt is not None:
        # The plan, the reviews and the expiries are today's files' (not the log's): a
        # past moment shows what the log holds, and says where the files of that day are.
        return [
            Section("inventory", m("report.section.inventory"),
                    m("report.note.inventory_rebuilt"), _inventory_tables(report.inventory, m)),
            changes, recent, codes,
            Section("unowned", m("report.section.unowned_rebuilt"),
                    m("report.note.unowned_rebuilt"), (_unowned_table(report, m),)),
            Section("accounts", m("report.section.accounts"),
                    m("report.note.accounts_rebuilt"), (_accounts_table(report, m, mark),)),
        ]
    return [
        Section("inventory", m("report.section.inventory"), m("report.note.inventory"),
                _inventory_tables(report.inventory, m)),
        Section("plan", m("report.section.plan"), None, _plan_tables(report, m)),
        Section("blocked", m("report.section.blocked"), None, (_blocked_table(report, m),)),
        # Only when some change waits for the portal: a register-mode report is unchanged.
        *([Section("tasks", m("tasks.report.title"), m("tasks.report.note"),
                   (tasks_table(report, m),))] if report.tasks else []),
        changes, recent, codes,
        Section("reviews", m("report.section.reviews"),
                m("report.note.reviews", days=report.header.review_interval_days),
                (_reviews_table(report, m),)),
        Section("expiring", m("report.section.expiring", days=EXPIRY_NOTICE_DAYS), None,
                (_expiring_table(report, m),)),
        Section("unowned", m("report.section.unowned"), m("report.note.unowned"),
                (_unowned_table(report, m),)),
        Section("accounts", m("report.section.accounts"), m("report.note.accounts"),
                (_accounts_table(report, m, mark),)),
    ]


def tasks_table(report: Report, m: Messages) -> Table:
    """The open portal tasks, oldest first: their number, when apply recorded them, their
    age, whom they concern and what to do in the portal."""
    return Table(
        None,
        tuple(m(f"tasks.col.{c}") for c in ("number", "recorded", "age", "establishment",
                                              "username", "name", "what")),
        tuple((str(r.id), _when(r.created_at, m), tasks_view.age_words(r.age_days, m),
               tasks_view.place_words(r, m), r.username, r.name,
               tasks_view.what(r, m, str)) for r in report.tasks),
        numeric=frozenset({0}),
    )


def changes_table(report: Report, m: Messages) -> Table:
    """The audit log's entries of the period, oldest first: when, what, whom, who applied
    it, from which commit and change, and why (the ticket)."""
    return Table(
        None,
        _col(m, "entry", "applied_at", "action", "username", "name", "establishment",
             "detail", "applied_by", "commit", "change_ref", "ticket"),
        tuple((str(r.seq), _when(r.at, m), action_words(r.action, m), r.username or "",
               r.name, r.establishment or "", detail(r, m), r.actor,
               (r.git_commit or "")[:COMMIT_SHOWN], r.change_ref or "", r.ticket or "")
              for r in report.changes),
        numeric=frozenset({0}),
    )


def _col(messages: Messages, *names: str) -> tuple[str, ...]:
    return tuple(messages(f"report.col.{name}") for name in names)


def _counts(services: dict[str, int]) -> tuple[str, ...]:
    return tuple(str(services[s]) for s in domain.SERVICES)


def _marks(held: tuple[str, ...], mark: str) -> tuple[str, ...]:
    return tuple(mark if s in held else "" for s in domain.SERVICES)


def _span(start: int, count: int = len(domain.SERVICES)) -> frozenset[int]:
    return frozenset(range(start, start + count))


def _inventory_tables(inv: Inventory, m: Messages) -> tuple[Table, ...]:
    legend = Table(m("report.caption.services"), _col(m, "service", "label"),
                   tuple((s, domain.SERVICE_LABELS[s]) for s in domain.SERVICES))
    by_establishment = Table(
        m("report.caption.establishments"),
        (*_col(m, "establishment", "name", "region", "type", "accounts"), *domain.SERVICES),
        tuple((r.establishment, r.name, r.region, r.type, str(r.accounts), *_counts(r.services))
              for r in inv.establishments),
        numeric=_span(4, 1 + len(domain.SERVICES)),
        footer=(m("report.total"), "", "", "", str(inv.total.accounts),
                *_counts(inv.total.services)),
    )
    by_region = Table(
        m("report.caption.regions"),
        (*_col(m, "region", "establishments", "accounts"), *domain.SERVICES),
        tuple((r.region or "", str(r.establishments), str(r.accounts), *_counts(r.services))
              for r in inv.regions),
        numeric=_span(1, 2 + len(domain.SERVICES)),
        footer=(m("report.total"), str(inv.total.establishments), str(inv.total.accounts),
                *_counts(inv.total.services)),
    )
    return legend, by_establishment, by_region


def _plan_tables(report: Report, m: Messages) -> tuple[Table, ...]:
    summary = Table(
        m("report.caption.summary"), _col(m, "action", "count"),
        tuple((m(ACTION_KINDS[kind].words) if kind != "blocked" else m("plan.blocked"), str(n))
              for kind, n in report.summary.items()),
        numeric=frozenset({1}),
    )
    actions = Table(
        m("report.caption.actions"),
        _col(m, "establishment", "action", "username", "name", "detail", "source"),
        tuple((r.establishment, m(ACTION_KINDS[r.action].words), r.username or "", r.name or "",
               action_detail(r, m), r.source or "") for r in report.actions),
    )
    if not report.refusals:
        return summary, actions
    refusals = Table(m("plan.refusal.report"), _col(m, "establishment", "reason", "hint"),
                     tuple((r.establishment or "", *refusal_text(r, m))
                           for r in report.refusals))
    return refusals, summary, actions


def _blocked_table(report: Report, m: Messages) -> Table:
    return Table(None, _col(m, "establishment", "username", "source", "reason", "hint"),
                 tuple((r.establishment, r.username, r.source, *blocked_text(r, m))
                       for r in report.blocked))


def _recent_table(report: Report, m: Messages) -> Table:
    return Table(None, _col(m, "created_at", "username", "name", "establishment", "profile",
                            "services"),
                 tuple((_when(r.created_at, m), r.username, r.name, r.establishment or "",
                        r.profile or "", ", ".join(r.services)) for r in report.recent))


def _codes_table(report: Report, m: Messages) -> Table:
    return Table(None, _col(m, "code_issued_at", "username", "name", "establishment"),
                 tuple((_when(r.code_issued_at, m), r.username, r.name, r.establishment or "")
                       for r in report.codes))


def _reviews_table(report: Report, m: Messages) -> Table:
    return Table(
        None,
        _col(m, "status", "username", "name", "establishment", "reviewed", "review_due",
             "days_overdue", "source"),
        tuple((m(f"report.review.{r.status}"), r.key, r.name, r.establishment,
               r.reviewed or "", r.due or "", "" if r.days_overdue is None
               else str(r.days_overdue), r.source) for r in report.reviews),
        numeric=frozenset({6}),
    )


def _expiring_table(report: Report, m: Messages) -> Table:
    return Table(
        None,
        _col(m, "status", "username", "name", "establishment", "expires", "days_left",
             "source"),
        tuple((m(f"report.expiry.{r.status}"), r.key, r.name, r.establishment, r.expires,
               str(r.days_left), r.source) for r in report.expiring),
        numeric=frozenset({5}),
    )


def _unowned_table(report: Report, m: Messages) -> Table:
    return Table(
        None,
        _col(m, "reason", "username", "name", "email", "origin", "establishment", "services"),
        tuple((m(f"report.unowned.{r.reason}"), r.username, r.name, r.email,
               origin_name(r.origin, m), r.establishment or "", ", ".join(r.services))
              for r in report.unowned),
    )


def _accounts_table(report: Report, m: Messages, mark: str) -> Table:
    return Table(
        None,
        (*_col(m, "establishment", "username", "name", "profile", "origin", "status"),
         *domain.SERVICES),
        tuple((r.establishment or "", r.username, full_name(r.first_name, r.last_name),
               r.profile or "", origin_name(r.origin, m), m(f"report.status.{r.status}"),
               *_marks(r.services, mark)) for r in report.accounts),
        marks=_span(6),
    )
