"""The auditors' report (ARCHITECTURE §1, §10): what the state holds, what the plan would
change, and what governance asks to look at. A dry run: nothing here writes anything.

`build` is pure (files, a state snapshot, a plan, the policy and a date in; a Report
out). render/report_table.py lays it out as titled tables for the Markdown and HTML
renderers; CSV and JSON read the Report itself.

A report never holds a secret: no code, no code hash, no one-time request token.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from reconciler import clock, domain
from reconciler.history.replay import Replayed
from reconciler.planning.planner import (
    EXPIRY_NOTICE_DAYS,
    Action,
    Blocked,
    Plan,
    Refusal,
    full_name,
)
from reconciler.reading.model import AccessFile, User, iso_day
from reconciler.reading.policy import Policy
from reconciler.records import CREATED, AccountRecord, State
from reconciler.render.audit_view import ChangeRow, change_row
from reconciler.render.past_view import Rebuilt
from reconciler.render.plan_view import places
from reconciler.render.tasks_view import TaskRow
from reconciler.store.audit_chain import AuditEntry

FORMAT_VERSION = 2  # 2: changes in the period; a past moment rebuilt from the audit log
RECENT_DAYS = 30
CHANGE_DAYS = 30  # the period of "changes in the period" when --since is not given

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
    # The period whose changes the report lists, half-open [since, until), ISO 8601 UTC.
    period_since: str | None = None
    period_until: str | None = None
    # A moment gone by, rebuilt from the audit log (None: today's state): what it rebuilt.
    rebuilt: Rebuilt | None = None


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
    blocked: tuple[Blocked, ...]  # as the plan has them
    refusals: tuple[Refusal, ...]  # what would make apply refuse the pending plan
    accounts: tuple[AccountRow, ...]
    recent: tuple[RecentAccount, ...]
    codes: tuple[CodeIssued, ...]
    reviews: tuple[ReviewRow, ...]
    expiring: tuple[ExpiryRow, ...]
    unowned: tuple[UnownedRow, ...]
    changes: tuple[ChangeRow, ...] = ()  # the audit log's entries of the period, in order
    tasks: tuple[TaskRow, ...] = ()  # today's open portal tasks, oldest first


# --- build ------------------------------------------------------------------------------
def build(
    files: list[AccessFile], state: State, plan: Plan, policy: Policy, today: dt.date,
    last_change: AuditEntry | None = None, period: Period | None = None,
    tasks: Sequence[TaskRow] = (),
) -> Report:
    """Today's report (or a day to come): the state as it is, the plan, what to review."""
    files = sorted(files, key=lambda f: f.establishment.id)
    return Report(
        header=Header(today.isoformat(), state.location, state.id, state.serial,
                      plan.config_digest,
                      tuple(sorted(f.file for f in files)), policy.review_interval_days,
                      policy.source, *_last(last_change), *_period(period)),
        inventory=inventory(state),
        summary=plan.summary(),
        actions=tuple(action_row(a) for a in plan.actions),
        blocked=plan.blocked,
        refusals=plan.refusals,
        accounts=accounts(files, state, plan),
        recent=recent(state, today),
        codes=codes_issued(state),
        reviews=reviews(files, policy, today),
        expiring=expiring(files, today),
        unowned=unowned(files, state),
        changes=_changes(period),
        tasks=tuple(tasks),
    )


class Period(NamedTuple):
    """The changes a report lists: the audit log's entries of [since, until), as rows."""

    since: str  # ISO 8601 UTC
    until: str
    changes: tuple[ChangeRow, ...]

    @classmethod
    def of(cls, since: str, until: str, entries: Iterable[AuditEntry]) -> Period:
        """Each entry made a row as it is read: a province's first apply is 100,000
        entries, and an entry's parsed fields weigh several times its row."""
        return cls(since, until, tuple(map(change_row, entries)))


def build_past(past: Replayed, as_of: str, total: int, period: Period | None = None
               ) -> Report:
    """A moment gone by, from the audit log alone (history/replay.py): what the state held
    then and the changes of the period. Nothing of today is mixed in: the plan, the reviews
    and the expiries come from today's access files, and are not part of it (the files of
    that day are in Git, at the commit of the last change)."""
    state, day = past.state, clock.in_quebec(past.moment).date()
    rebuilt = Rebuilt.of(past, as_of, total)
    return Report(
        header=Header(day.isoformat(), state.location, state.id, state.serial, "", (), 0, "",
                      *_last(past.last), *_period(period), rebuilt),
        inventory=inventory(state),
        summary={},
        actions=(),
        blocked=(),
        refusals=(),
        accounts=held(state),
        recent=recent(state, day),
        codes=codes_issued(state),
        reviews=(),
        expiring=(),
        unowned=unowned([], state, held_only=True),
        changes=_changes(period),
    )


def _last(entry: AuditEntry | None) -> tuple[str | None, ...]:
    return (entry.at, entry.git_commit, entry.change_ref) if entry else (None, None, None)


def _period(period: Period | None) -> tuple[str | None, str | None]:
    return (period.since, period.until) if period else (None, None)


def _changes(period: Period | None) -> tuple[ChangeRow, ...]:
    return period.changes if period else ()


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
    if action.kind.on_establishment:
        name = (action.after or {}).get("name")
    return ActionRow(action.action, action.establishment, action.username, name, action.source,
                     action.services, action.changes or {}, action.ticket)


def _regions(files: list[AccessFile], state: State) -> dict[str, str]:
    return {est: place.region for est, place in places(files, state).items()}


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
    return _by_place(rows)


def held(state: State) -> tuple[AccountRow, ...]:
    """Every account of the state, and no other (a moment rebuilt from the log)."""
    regions = _regions([], state)
    return _by_place([_applied(a, regions) for a in state.accounts.values()])


def _by_place(rows: list[AccountRow]) -> tuple[AccountRow, ...]:
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
    """Users whose review is past due (ARCHITECTURE §10), then users never reviewed."""
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


def unowned(files: list[AccessFile], state: State, held_only: bool = False
            ) -> tuple[UnownedRow, ...]:
    """State accounts with no establishment, or whose establishment no input file describes
    (`held_only`: no file is read, only accounts no establishment holds)."""
    described = {f.establishment.id for f in files}
    rows = [
        UnownedRow(NO_FILE if a.establishment else NO_ESTABLISHMENT, a.username,
                   full_name(a.first_name, a.last_name), a.email, a.origin, a.establishment,
                   a.services)
        for a in state.accounts.values()
        if a.establishment not in described and not (held_only and a.establishment)
    ]
    return tuple(sorted(rows, key=lambda r: (r.reason, r.establishment or "", r.username)))
