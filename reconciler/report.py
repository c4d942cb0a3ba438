"""The auditors' report (DESIGN §1, §10): what the state holds, what the plan would
change, and what governance asks to look at. A dry run: nothing here writes anything.

`build` is pure (files, a state snapshot, a plan, the policy and a date in; a Report
out). `sections` lays the report out as titled tables for the Markdown and HTML
renderers; CSV and JSON read the Report itself.

A report never holds a secret: no code, no code hash, no one-time request token.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any, NamedTuple

from reconciler import domain
from reconciler.audit import AuditEntry
from reconciler.catalog import Messages
from reconciler.model import AccessFile, User, iso_day
from reconciler.plan import ESTABLISHMENT_KINDS, EXPIRY_NOTICE_DAYS, Action, Blocked, Plan, Refusal
from reconciler.policy import Policy
from reconciler.state import CREATED, AccountRecord, State

FORMAT_VERSION = 1
RECENT_DAYS = 30

# Account row status: in the state, to be created by the plan, or blocked by it.
APPLIED, PENDING, BLOCKED = "applied", "pending", "blocked"
# Review status; expiry status; why an account is listed as owned by no file.
OVERDUE, NEVER = "overdue", "never"
EXPIRED, ENDING = "expired", "ending"
NO_ESTABLISHMENT, NO_FILE = "no_establishment", "no_file"


class Header(NamedTuple):
    today: str
    state_location: str
    state_id: str
    state_serial: int
    config_digest: str
    files: tuple[str, ...]
    review_interval_days: int
    policy: str
    # The last change the audit log records: when, from which commit and change.
    last_applied_at: str | None = None
    last_commit: str | None = None
    last_change_ref: str | None = None


class InventoryRow(NamedTuple):
    establishment: str
    name: str
    region: str
    type: str
    accounts: int
    services: dict[str, int]  # accounts holding each service, in domain.SERVICES order


class RegionRow(NamedTuple):
    region: str | None  # None for the grand total
    establishments: int
    accounts: int
    services: dict[str, int]


class Inventory(NamedTuple):
    establishments: tuple[InventoryRow, ...]
    regions: tuple[RegionRow, ...]
    total: RegionRow


class ActionRow(NamedTuple):
    action: str
    establishment: str
    username: str | None
    name: str | None
    source: str | None
    services: tuple[str, ...]
    changes: dict[str, dict[str, Any]]
    ticket: str | None


class BlockedRow(NamedTuple):
    establishment: str
    username: str
    source: str
    code: str
    params: dict[str, Any]


class AccountRow(NamedTuple):
    status: str  # APPLIED, PENDING or BLOCKED
    username: str
    email: str
    first_name: str | None
    last_name: str | None
    profile: str | None
    establishment: str | None
    region: str | None
    origin: str
    services: tuple[str, ...]
    created_at: str | None
    code_issued_at: str | None
    reviewed: str | None
    expires: str | None


class RecentAccount(NamedTuple):
    username: str
    name: str
    establishment: str | None
    profile: str | None
    created_at: str
    services: tuple[str, ...]


class CodeIssued(NamedTuple):
    username: str
    name: str
    establishment: str | None
    code_issued_at: str


class ReviewRow(NamedTuple):
    status: str  # OVERDUE or NEVER
    key: str
    name: str
    establishment: str
    source: str
    reviewed: str | None
    due: str | None
    days_overdue: int | None


class ExpiryRow(NamedTuple):
    status: str  # EXPIRED or ENDING
    key: str
    name: str
    establishment: str
    source: str
    expires: str
    days_left: int  # negative: ended that many days ago


class UnownedRow(NamedTuple):
    reason: str  # NO_ESTABLISHMENT or NO_FILE
    username: str
    name: str
    email: str
    origin: str
    establishment: str | None
    services: tuple[str, ...]


class Report(NamedTuple):
    header: Header
    inventory: Inventory
    summary: dict[str, int]
    actions: tuple[ActionRow, ...]
    blocked: tuple[BlockedRow, ...]
    refusals: tuple[Refusal, ...]  # what would make apply refuse the pending plan
    accounts: tuple[AccountRow, ...]
    recent: tuple[RecentAccount, ...]
    codes: tuple[CodeIssued, ...]
    reviews: tuple[ReviewRow, ...]
    expiring: tuple[ExpiryRow, ...]
    unowned: tuple[UnownedRow, ...]


# --- build ------------------------------------------------------------------------------
def build(
    files: list[AccessFile], state: State, plan: Plan, policy: Policy, today: dt.date,
    last_change: AuditEntry | None = None,
) -> Report:
    files = sorted(files, key=lambda f: f.establishment.id)
    last = (last_change.at, last_change.git_commit, last_change.change_ref) if last_change \
        else ()
    return Report(
        header=Header(today.isoformat(), state.location, state.id, state.serial,
                      plan.config_digest,
                      tuple(sorted(f.file for f in files)), policy.review_interval_days,
                      policy.source, *last),
        inventory=inventory(state),
        summary=plan.summary(),
        actions=tuple(action_row(a) for a in plan.actions),
        blocked=tuple(blocked_row(b) for b in plan.blocked),
        refusals=plan.refusals,
        accounts=accounts(files, state, plan),
        recent=recent(state, today),
        codes=codes_issued(state),
        reviews=reviews(files, policy, today),
        expiring=expiring(files, today),
        unowned=unowned(files, state),
    )


def full_name(first: str | None, last: str | None) -> str:
    return " ".join(part for part in (first, last) if part)


def _service_counts(holdings: Iterable[tuple[str, ...]]) -> dict[str, int]:
    counts = Counter(s for services in holdings for s in services)
    return {s: counts[s] for s in domain.SERVICES}


def _by_establishment(state: State) -> dict[str, list[AccountRecord]]:
    owned: dict[str, list[AccountRecord]] = {}
    for account in state.accounts.values():
        if account.establishment:
            owned.setdefault(account.establishment, []).append(account)
    return owned


def inventory(state: State) -> Inventory:
    """Accounts and services per establishment (as applied), per region, and in all."""
    owned = _by_establishment(state)
    rows = tuple(
        InventoryRow(e.id, e.name, e.region, e.type, len(owned.get(e.id, [])),
                     _service_counts(a.services for a in owned.get(e.id, [])))
        for e in sorted(state.establishments.values(), key=lambda e: (e.region, e.id))
    )
    regions = tuple(
        _region_row(region, [r for r in rows if r.region == region])
        for region in sorted({r.region for r in rows})
    )
    return Inventory(rows, regions, _region_row(None, list(rows)))


def _region_row(region: str | None, rows: list[InventoryRow]) -> RegionRow:
    services = {s: sum(r.services[s] for r in rows) for s in domain.SERVICES}
    return RegionRow(region, len(rows), sum(r.accounts for r in rows), services)


def action_row(action: Action) -> ActionRow:
    """The reviewable part of an action: never its token nor its sealing key. A new
    establishment is described by its name only; an updated one by its changes."""
    name = action.name
    if action.action in ESTABLISHMENT_KINDS:
        name = (action.after or {}).get("name")
    return ActionRow(action.action, action.establishment, action.username, name, action.source,
                     action.services, action.changes or {}, action.ticket)


def blocked_row(blocked: Blocked) -> BlockedRow:
    return BlockedRow(blocked.establishment, blocked.username, blocked.source, blocked.code,
                      dict(blocked.params))


def _regions(files: list[AccessFile], state: State) -> dict[str, str]:
    regions = {e.id: e.region for e in state.establishments.values()}
    regions.update({f.establishment.id: f.establishment.region for f in files})
    return regions


def _users(files: list[AccessFile]) -> dict[str, tuple[AccessFile, User]]:
    return {user.key: (access, user) for access in files for user in access.users}


def accounts(files: list[AccessFile], state: State, plan: Plan) -> tuple[AccountRow, ...]:
    """Every account of the state, then every desired account the state does not hold yet."""
    regions = _regions(files, state)
    rows = [_applied(a, regions) for a in state.accounts.values()]
    rows += [_pending(a, regions) for a in plan.actions if a.action == "create_account"]
    users = _users(files)
    blocked = {b.username for b in plan.blocked} - set(state.accounts)
    rows += [_blocked(*users[key], regions) for key in blocked if key in users]
    return tuple(sorted(rows, key=lambda r: (r.establishment is None, r.establishment or "",
                                             r.username)))


def _applied(a: AccountRecord, regions: dict[str, str]) -> AccountRow:
    return AccountRow(APPLIED, a.username, a.email, a.first_name, a.last_name, a.profile,
                      a.establishment, regions.get(a.establishment or ""), a.origin, a.services,
                      a.created_at, a.code_issued_at, a.reviewed, a.expires)


def _pending(action: Action, regions: dict[str, str]) -> AccountRow:
    after = action.after or {}
    return AccountRow(PENDING, action.username or "", after["email"], after["first_name"],
                      after["last_name"], after["profile"], action.establishment,
                      regions.get(action.establishment), CREATED, action.services, None, None,
                      after.get("reviewed"), after.get("expires"))


def _blocked(access: AccessFile, user: User, regions: dict[str, str]) -> AccountRow:
    est = access.establishment.id
    return AccountRow(BLOCKED, user.key, user.email, user.first_name, user.last_name,
                      user.profile, est, regions.get(est), "", (), None, None,
                      iso_day(user.reviewed), iso_day(user.expires))


def recent(state: State, today: dt.date) -> tuple[RecentAccount, ...]:
    """Accounts this tool created in the RECENT_DAYS days up to `today`, newest first."""
    since = (today - dt.timedelta(days=RECENT_DAYS)).isoformat()
    until = (today + dt.timedelta(days=1)).isoformat()
    rows = [
        RecentAccount(a.username, full_name(a.first_name, a.last_name), a.establishment,
                      a.profile, a.created_at, a.services)
        for a in state.accounts.values()
        if a.origin == CREATED and since <= (a.created_at or "") < until
    ]
    return _newest_first(rows, "created_at")


def _newest_first(rows: list[Any], field: str) -> tuple[Any, ...]:
    """Latest timestamp first; by username among equals."""
    by_name = sorted(rows, key=lambda r: r.username)
    return tuple(sorted(by_name, key=lambda r: getattr(r, field), reverse=True))


def codes_issued(state: State) -> tuple[CodeIssued, ...]:
    """When each account's current secret code was issued (the code itself is never known)."""
    rows = [
        CodeIssued(a.username, full_name(a.first_name, a.last_name), a.establishment,
                   a.code_issued_at)
        for a in state.accounts.values() if a.code_issued_at
    ]
    return _newest_first(rows, "code_issued_at")


def reviews(files: list[AccessFile], policy: Policy, today: dt.date) -> tuple[ReviewRow, ...]:
    """Users whose review is past due (DESIGN §10), then users never reviewed."""
    interval = dt.timedelta(days=policy.review_interval_days)
    overdue: list[ReviewRow] = []
    never: list[ReviewRow] = []
    for access in files:
        for user in access.users:
            common = (user.key, user.display_name, access.establishment.id,
                      access.source(user))
            if user.reviewed is None:
                never.append(ReviewRow(NEVER, *common, None, None, None))
            elif today - user.reviewed > interval:  # reviewed + interval may overflow
                due = user.reviewed + interval
                overdue.append(ReviewRow(OVERDUE, *common, user.reviewed.isoformat(),
                                         due.isoformat(), (today - due).days))
    overdue.sort(key=lambda r: (r.due or "", r.establishment, r.key))
    never.sort(key=lambda r: (r.establishment, r.key))
    return (*overdue, *never)


def expiring(files: list[AccessFile], today: dt.date) -> tuple[ExpiryRow, ...]:
    """Users whose access has ended, or ends within the plan's notice period."""
    soon = today + dt.timedelta(days=EXPIRY_NOTICE_DAYS)
    rows = [
        ExpiryRow(EXPIRED if user.expires <= today else ENDING, user.key, user.display_name,
                  access.establishment.id, access.source(user), user.expires.isoformat(),
                  (user.expires - today).days)
        for access in files for user in access.users
        if user.expires is not None and user.expires <= soon
    ]
    return tuple(sorted(rows, key=lambda r: (r.expires, r.establishment, r.key)))


def unowned(files: list[AccessFile], state: State) -> tuple[UnownedRow, ...]:
    """State accounts with no establishment, or whose establishment no input file describes."""
    described = {f.establishment.id for f in files}
    rows = [
        UnownedRow(NO_FILE if a.establishment else NO_ESTABLISHMENT, a.username,
                   full_name(a.first_name, a.last_name), a.email, a.origin, a.establishment,
                   a.services)
        for a in state.accounts.values() if a.establishment not in described
    ]
    return tuple(sorted(rows, key=lambda r: (r.reason, r.establishment or "", r.username)))


# --- text shared by the renderers -------------------------------------------------------
def overview(report: Report, messages: Messages) -> str:
    return messages(
        "report.overview", accounts=report.inventory.total.accounts,
        establishments=report.inventory.total.establishments,
        actions=len(report.actions), blocked=len(report.blocked), reviews=len(report.reviews),
        expiring=len(report.expiring), unowned=len(report.unowned),
    )


def metadata(report: Report, messages: Messages) -> list[tuple[str, str]]:
    """(label, value) pairs describing what the report was made from."""
    h = report.header
    return [
        (messages("report.meta.as_of"), h.today),
        (messages("report.meta.state"),
         messages("report.meta.state_value", location=h.state_location, id=h.state_id)),
        (messages("report.meta.state_serial"), str(h.state_serial)),
        (messages("report.meta.files"), ", ".join(h.files) or messages("none")),
        (messages("report.meta.digest"), h.config_digest),
        (messages("report.meta.policy"),
         messages("report.meta.policy_value", days=h.review_interval_days, source=h.policy)),
        (messages("report.meta.last_change"),
         messages("report.meta.last_change_value", at=h.last_applied_at,
                  commit=_value(h.last_commit, messages),
                  change=_value(h.last_change_ref, messages))
         if h.last_applied_at else messages("none")),
    ]


def _value(value: Any, messages: Messages) -> str:
    return messages("none") if value is None else str(value)


def action_detail(row: ActionRow, messages: Messages) -> str:
    """What an action does, in one line: its services, its field changes, or a release."""
    if row.services:
        return ", ".join(row.services)
    if row.action == "update_account" and row.changes.get("establishment", {}).get(
            "new", "") is None:
        return messages("plan.released")
    if row.changes:
        return "; ".join(f"{field}: {_value(c['old'], messages)} → {_value(c['new'], messages)}"
                         for field, c in row.changes.items())
    if row.action in ESTABLISHMENT_KINDS:
        return row.name or ""
    return ""


def blocked_text(row: BlockedRow, messages: Messages) -> tuple[str, str]:
    """The reason an entry is blocked, and what to do about it."""
    params = {**row.params, "key": row.username}
    return messages(row.code, **params), messages.hint(row.code, **params)


def refusal_text(refusal: Refusal, messages: Messages) -> tuple[str, str]:
    """Why apply would refuse the plan, and what to do about it."""
    params = {**refusal.params, "_hint": "plan"}
    return messages(refusal.code, **params), messages.hint(refusal.code, **params)


# --- layout for Markdown and HTML ---------------------------------------------------------
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
    return [
        Section("inventory", m("report.section.inventory"), m("report.note.inventory"),
                _inventory_tables(report.inventory, m)),
        Section("plan", m("report.section.plan"), None, _plan_tables(report, m)),
        Section("blocked", m("report.section.blocked"), None, (_blocked_table(report, m),)),
        Section("recent", m("report.section.recent", days=RECENT_DAYS), None,
                (_recent_table(report, m),)),
        Section("codes", m("report.section.codes"), m("report.note.codes"),
                (_codes_table(report, m),)),
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
        tuple((m(f"plan.kind.{kind}") if kind != "blocked" else m("plan.blocked"), str(n))
              for kind, n in report.summary.items()),
        numeric=frozenset({1}),
    )
    actions = Table(
        m("report.caption.actions"),
        _col(m, "establishment", "action", "username", "name", "detail", "source"),
        tuple((r.establishment, m(f"plan.kind.{r.action}"), r.username or "", r.name or "",
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
                 tuple((r.created_at, r.username, r.name, r.establishment or "", r.profile or "",
                        ", ".join(r.services)) for r in report.recent))


def _codes_table(report: Report, m: Messages) -> Table:
    return Table(None, _col(m, "code_issued_at", "username", "name", "establishment"),
                 tuple((r.code_issued_at, r.username, r.name, r.establishment or "")
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
        tuple((m(f"report.unowned.{r.reason}"), r.username, r.name, r.email, r.origin,
               r.establishment or "", ", ".join(r.services)) for r in report.unowned),
    )


def _accounts_table(report: Report, m: Messages, mark: str) -> Table:
    return Table(
        None,
        (*_col(m, "establishment", "username", "name", "profile", "origin", "status"),
         *domain.SERVICES),
        tuple((r.establishment or "", r.username, full_name(r.first_name, r.last_name),
               r.profile or "", r.origin, m(f"report.status.{r.status}"),
               *_marks(r.services, mark)) for r in report.accounts),
        marks=_span(6),
    )
