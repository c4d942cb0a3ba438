"""The state against what RAMQ's portal shows (`rvsq-access drift`): pure.

Given the state, the open portal tasks and the portal's rows per establishment, `compare`
says which tasks the portal shows done, which still wait (and which an export can never
show: a new secret code, a password reset), and the drift of each establishment compared:
accounts the portal lists that the state does not hold there, accounts the state holds
there that the portal does not list, names and services that differ. An account with a
task still waiting is not drift: the portal is expected to differ until it is done.

Field-level differences come from deepdiff, run only on the pairs whose views differ, and
are turned into plain (field, state, portal) rows: no deepdiff text reaches a reader.
Usernames compare without case (the portal lists emails as usernames).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from deepdiff import DeepDiff

from reconciler.planning.planner import full_name
from reconciler.reading.portal_export import PortalRow
from reconciler.records import AccountRecord, PortalTask, State

ORPHAN = "orphan"  # the portal lists it; the state does not hold it at that establishment
MISSING = "missing"  # the state holds it there; the portal does not list it
DIFFERS = "differs"  # both hold it; names or services differ
# Tasks an export cannot show done: confirm them by hand (`tasks done`).
UNSEEABLE = frozenset({"regenerate_code", "reset_password"})
_NAMES = ("first_name", "last_name")
# A directory export's fields (RAMQ's identity of an account).
IDENTITY = ("email", "title", "first_name", "last_name", "profile", "professional_number")


class Difference(NamedTuple):
    field: str
    state: Any  # a text, None, or a sorted list of services
    portal: Any


class AccountDrift(NamedTuple):
    kind: str  # ORPHAN, MISSING or DIFFERS
    username: str  # as the state holds it, else as the portal lists it
    name: str  # the person's name, as the state says it, else as the portal does
    line: int | None  # the export's line that lists it
    differences: tuple[Difference, ...] = ()
    services: tuple[str, ...] = ()  # the portal's (orphan) or the state's (missing)
    elsewhere: str | None = None  # an orphan the state holds at another establishment


class EstablishmentDrift(NamedTuple):
    establishment: str
    confirmed: tuple[PortalTask, ...]  # open tasks the portal shows done
    waiting: tuple[PortalTask, ...]  # open tasks the portal does not show done yet
    unseeable: tuple[PortalTask, ...]  # open tasks no export can show
    accounts: tuple[AccountDrift, ...]


class Drift(NamedTuple):
    establishments: tuple[EstablishmentDrift, ...]
    services_compared: bool
    directory: bool = False  # a RAMQ directory export: identity fields only, no tasks

    @property
    def in_step(self) -> bool:
        return not any(e.accounts for e in self.establishments)

    @property
    def confirmed(self) -> list[PortalTask]:
        return [t for e in self.establishments for t in e.confirmed]


def compare(state: State, tasks: Iterable[PortalTask],
            portal: Mapping[str, list[PortalRow]], services_compared: bool) -> Drift:
    """`portal`: establishment id → the rows the portal lists there (every establishment
    compared, even one it lists nobody at)."""
    open_tasks = [t for t in tasks if t.is_open]
    found = []
    for establishment in sorted(portal):
        listed = {row.username.casefold(): row for row in portal[establishment]}
        mine = [t for t in open_tasks if t.establishment == establishment]
        confirmed, waiting, unseeable = [], [], []
        for task in sorted(mine, key=lambda t: t.id):
            seen = shown_done(task, listed.get((task.username or "").casefold()),
                              services_compared)
            (unseeable if seen is None else confirmed if seen else waiting).append(task)
        # Accounts whose change is still to be carried out: the portal may differ.
        pending = {(t.username or "").casefold() for t in (*waiting, *unseeable)
                   if t.action not in UNSEEABLE}
        pending |= {(t.username or "").casefold() for t in open_tasks
                    if t.establishment != establishment and t.action not in UNSEEABLE}
        accounts = _accounts(state, establishment, listed, pending, services_compared)
        found.append(EstablishmentDrift(establishment, tuple(confirmed), tuple(waiting),
                                        tuple(unseeable), tuple(accounts)))
    return Drift(tuple(found), services_compared)


def shown_done(task: PortalTask, row: PortalRow | None, services_compared: bool
               ) -> bool | None:
    """Whether the portal's row for the task's account (None: not listed at the task's
    establishment) shows the task done; None when no export can show it."""
    fields = task.fields
    services = set(fields.get("services") or ())
    if task.action in UNSEEABLE:
        return None
    if task.action == "create_account":
        return row is not None and (not services_compared or services <= (row.services or set()))
    if task.action in ("grant_services", "revoke_services"):
        if not services_compared:
            return None
        if row is None:
            return False
        ticked = row.services or frozenset()
        return services <= ticked if task.action == "grant_services" else not services & ticked
    if task.action == "delete_account":
        return row is None
    if task.action == "update_account":
        changes = fields.get("changes") or {}
        if any(name in _PORTAL_ONLY for name in changes):
            return None  # a title or an email: no list shows them
        move = changes.get("establishment")
        if move is not None and move.get("new") is None:  # a release: no longer listed
            return row is None
        if row is None:
            return False
        return all(_same(getattr(row, name), changes[name].get("new"))
                   for name in _NAMES if name in changes)
    return None


_PORTAL_ONLY = frozenset({"title", "email"})  # changes the portal makes, no list shows


def _same(listed: str | None, wanted: Any) -> bool:
    return (listed or None) == (wanted or None)


def _accounts(state: State, establishment: str, listed: dict[str, PortalRow],
              pending: set[str], services_compared: bool) -> list[AccountDrift]:
    held = {a.username.casefold(): a for a in state.accounts.values()
            if a.establishment == establishment}
    anywhere = {a.username.casefold(): a for a in state.accounts.values()}
    found = []
    for key, row in sorted(listed.items()):
        if key in pending:
            continue
        account = held.get(key)
        if account is None:
            other = anywhere.get(key)
            found.append(AccountDrift(
                ORPHAN, other.username if other else row.username,
                full_name(row.first_name, row.last_name), row.line,
                services=tuple(sorted(row.services or ())),
                elsewhere=other.establishment if other else None))
            continue
        ours, theirs = _view(account, services_compared), _portal_view(row, services_compared)
        if ours != theirs:
            found.append(AccountDrift(DIFFERS, account.username, _name(account), row.line,
                                      differences(ours, theirs)))
    for key, account in sorted(held.items()):
        if key not in listed and key not in pending:
            found.append(AccountDrift(MISSING, account.username, _name(account), None,
                                      services=account.services))
    return found


def _name(account: AccountRecord) -> str:
    return full_name(account.first_name, account.last_name)


def _view(account: AccountRecord, services_compared: bool) -> dict[str, Any]:
    view: dict[str, Any] = {"first_name": account.first_name, "last_name": account.last_name}
    if services_compared:
        view["services"] = sorted(account.services)
    return view


def _portal_view(row: PortalRow, services_compared: bool) -> dict[str, Any]:
    view: dict[str, Any] = {"first_name": row.first_name, "last_name": row.last_name}
    if services_compared:
        view["services"] = sorted(row.services or ())
    return view


def differences(ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> tuple[Difference, ...]:
    """The fields two views differ on, as deepdiff finds them (a service added or removed,
    a name changed, a value that became None), each said whole: the state's value and the
    portal's."""
    diff = DeepDiff(dict(ours), dict(theirs), ignore_order=True, verbose_level=0)
    fields = {str(key) for key in diff.affected_root_keys}
    return tuple(Difference(name, ours.get(name), theirs.get(name))
                 for name in ours if name in fields) + tuple(
        Difference(name, None, theirs[name]) for name in theirs
        if name in fields and name not in ours)


def compare_directory(state: State, rows: Iterable[Mapping[str, Any]],
                      establishments: Iterable[str] | None) -> Drift:
    """A RAMQ directory export against the state: the accounts RAMQ made (origin
    existing), compared by username and identity fields; no services, no tasks. Grouped
    by the establishment that holds each account in the state; `establishments` limits
    the comparison (None: every account). A directory account the state lacks is an
    orphan of no establishment ("")."""
    chosen = None if establishments is None else set(establishments)
    listed = {row["username"].casefold(): row for row in rows}
    by_place: dict[str, list[AccountDrift]] = {}
    known = {a.username.casefold(): a for a in state.accounts.values()}
    for key, row in sorted(listed.items()):
        account = known.get(key)
        if account is None:
            if chosen is None:
                by_place.setdefault("", []).append(AccountDrift(
                    ORPHAN, row["username"], full_name(row.get("first_name"),
                                                       row.get("last_name")), row["line"]))
            continue
        if chosen is not None and account.establishment not in chosen:
            continue
        ours = {f: getattr(account, f) for f in IDENTITY}
        theirs = {f: row.get(f) for f in IDENTITY}
        if ours != theirs:
            by_place.setdefault(account.establishment or "", []).append(AccountDrift(
                DIFFERS, account.username, _name(account), row["line"],
                differences(ours, theirs)))
    for key, account in sorted(known.items()):
        if account.origin == "existing" and key not in listed and (
                chosen is None or account.establishment in chosen):
            by_place.setdefault(account.establishment or "", []).append(AccountDrift(
                MISSING, account.username, _name(account), None, services=account.services))
    places = sorted(set(by_place) | (chosen or set()))
    return Drift(tuple(EstablishmentDrift(p, (), (), (), tuple(by_place.get(p, ())))
                       for p in places), False, directory=True)

