"""The plan as every renderer reads it: what the plan means to a reader, decided once.

A PlanView holds a plan with what its renderers look up around it: each establishment's
(name, region) (from the files, else as the state last knew it), the plan grouped by
establishment in either order, people's names, representatives, and the one-line
description of an action. Renderers (text, JSON, Markdown, runbook) keep only their
medium's layout and escaping. What only some renderers need is computed when first
asked: a province-wide text plan never builds the people's index.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from reconciler.catalog import Messages
from reconciler.planning.planner import (
    Action,
    Blocked,
    Plan,
    full_name,
    is_release,
    portal_sites,
)
from reconciler.reading.model import AccessFile, User
from reconciler.records import EMPTY, AccountRecord, State

if TYPE_CHECKING:
    from reconciler.render.tasks_view import TaskRow

UNKNOWN_REGION = "?"


class Place(NamedTuple):
    """Where an establishment is, as headings show it."""

    name: str
    region: str


class Group(NamedTuple):
    """One establishment's part of the plan, in plan order."""

    establishment: str
    place: Place
    actions: list[Action]
    blocked: list[Blocked]


class Described(Protocol):
    """What a one-line description reads: an Action, or a report's row of one."""

    @property
    def action(self) -> str: ...
    @property
    def services(self) -> tuple[str, ...]: ...
    @property
    def changes(self) -> Mapping[str, Mapping[str, Any]] | None: ...


def places(files: Iterable[AccessFile], state: State) -> dict[str, Place]:
    """Establishment id → Place: from the files, else as the state last knew it."""
    found = {e.id: Place(e.name, e.region) for e in state.establishments.values()}
    found.update({f.establishment.id: Place(f.establishment.name, f.establishment.region)
                  for f in files})
    return found


def describe(action: Described, messages: Messages, value: Callable[[Any], str],
             between: str = " ") -> str:
    """What an action does, after whom it concerns: its services, a release, or its field
    changes (`field old → new`, each value as `value` shows it in the medium); "" for
    none of these."""
    if action.services:
        return ", ".join(action.services)
    if is_release(action.action, action.changes):
        return messages("plan.released")
    if action.changes:
        return "; ".join(f"{field_name(field, messages)}{between}{value(c['old'])} → "
                         f"{value(c['new'])}" for field, c in action.changes.items())
    return ""


def field_name(field: str, messages: Messages) -> str:
    """A stored field as the reader calls it ("last name", "nom"); its own name if the
    catalog has none (a field a newer state holds)."""
    key = f"field.{field}"
    return messages(key) if messages.has(key) else field


def origin_name(origin: str, messages: Messages) -> str:
    """How an account came to the state, in words ("created by the tool", "existing")."""
    key = f"origin.{origin}"
    return messages(key) if messages.has(key) else origin


def quoted(value: Any, messages: Messages, text: Callable[[str], str]) -> str:
    """A field's value in a plan line: `none`, a boolean as a word (an establishment's
    `retired`: yes, no), else the text (made safe by `text`) in quotes."""
    if value is None:
        return messages("none")
    if isinstance(value, bool):
        return messages("value.true" if value else "value.false")
    return f'"{text(str(value))}"'


class PlanView:
    """A plan with what renderers look up around it (see the module's docstring)."""

    def __init__(self, plan: Plan, files: Sequence[AccessFile] = (), state: State = EMPTY,
                 known: Mapping[str, Place] | None = None,
                 tasks: Sequence[TaskRow] = ()) -> None:
        """`known`: establishments' places when the caller already has them (else from
        `files` and `state`); `tasks`: the open portal tasks an earlier apply recorded
        (read by the command: the planner knows nothing of them)."""
        self.plan = plan
        self.files = files
        self.state = state
        self._known = known
        self.tasks = tasks

    def waiting(self) -> list[TaskRow]:
        """The open portal tasks at the establishments the plan touches, oldest first."""
        return [t for t in self.tasks if t.establishment in self.groups]

    @functools.cached_property
    def places(self) -> Mapping[str, Place]:
        return self._known if self._known is not None else places(self.files, self.state)

    def place(self, establishment: str) -> Place:
        """(name, region) of an establishment, its id when nothing names it."""
        return self.places.get(establishment) or Place(establishment, UNKNOWN_REGION)

    @functools.cached_property
    def groups(self) -> dict[str, Group]:
        """Every establishment with actions or blocked entries, by id (one pass over the
        plan: renderers never scan a province-wide plan once per establishment)."""
        actions, blocked = self.plan.by_establishment()
        return {est: Group(est, self.place(est), actions.get(est, []), blocked.get(est, []))
                for est in sorted(actions.keys() | blocked.keys())}

    @functools.cached_property
    def by_hand(self) -> frozenset[str]:
        """Establishments whose changes a representative carries out in RAMQ's portal
        (portal mode, once the plan is applied: ARCHITECTURE §11)."""
        return portal_sites(self.plan, self.state)

    def portal_tasks(self, group: Group) -> int:
        """How many portal tasks applying `group` records (none in register mode)."""
        if group.establishment not in self.by_hand:
            return 0
        return sum(action.in_portal for action in group.actions)

    def by_id(self) -> Iterator[Group]:
        return iter(self.groups.values())

    def by_place(self) -> list[Group]:
        """By region, then name."""
        return [self.groups[est] for est in self.in_place_order(self.groups)]

    def in_place_order(self, ids: Iterable[str]) -> list[str]:
        """Establishment ids by region, then name."""
        def key(est: str) -> tuple[str, str, str]:
            place = self.place(est)
            return place.region, place.name.casefold(), est
        return sorted(ids, key=key)

    def subject(self, action: Action, username: Callable[[str], str] | None = None) -> str:
        """Whom an action concerns: the account (`username` shows it in the medium) and
        the person's name, or the establishment's name for its own record."""
        who = action.username
        if who is None:
            return (action.after or {}).get("name") or self.place(action.establishment).name
        if username is not None:
            who = username(who)
        return f"{who} ({action.name})" if action.name else who

    @functools.cached_property
    def people(self) -> dict[str, User]:
        """Desired users by the account the plan names: their key, and for an entry naming
        an account by its email (W205), that account's username too."""
        users = {u.key: u for f in self.files for u in f.users}
        for notice in self.plan.warnings:
            if notice.code == "W205" and notice.params["key"] in users:
                users[notice.params["username"]] = users[notice.params["key"]]
        return users

    def name(self, username: str) -> str | None:
        """A person's name as the access files give it."""
        user = self.people.get(username)
        return user.display_name if user else None

    def account(self, username: str) -> AccountRecord | None:
        return self.state.accounts.get(username)

    def listed_name(self, username: str) -> str | None:
        """A person's name as the state holds it (the portal's list, before a correction)."""
        account = self.account(username)
        return (full_name(account.first_name, account.last_name) or None) if account else None

    @functools.cached_property
    def representatives(self) -> dict[str, str]:
        """Establishment id → its representative's name (files first, then the state)."""
        found = {e.id: e.representative_name for e in self.state.establishments.values()}
        found.update({f.establishment.id: f.representative.name for f in self.files})
        return found
