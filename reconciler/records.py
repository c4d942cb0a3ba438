"""What the state holds (ARCHITECTURE §4), as plain records. The planner reads a `State` snapshot;
stores produce it in one bulk read.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from sys import intern
from types import MappingProxyType
from typing import Any, NamedTuple


@lru_cache(maxsize=4096)
def services_of(names: tuple[str, ...]) -> tuple[str, ...]:
    """One tuple per combination of services: a few dozen, shared by 100,000 users and
    accounts (the access files' and the state's alike)."""
    return tuple(map(intern, names))


CREATED = "created"  # made by this tool: the representative holds its keys
EXISTING = "existing"  # an existing RAMQ account RVSQ was added to


# How an establishment's changes are carried out (ARCHITECTURE §11).
REGISTER = "register"  # the tool issues the codes and sends the emails
PORTAL = "portal"  # a representative does each change by hand in RAMQ's portal
MODES = (PORTAL, REGISTER)


class EstablishmentRecord(NamedTuple):
    id: str
    name: str
    region: str
    type: str
    representative_name: str
    representative_email: str
    age_recipient: str | None
    retired: bool
    mode: str = "register"  # how its changes are carried out: PORTAL or REGISTER


# The fields a desired user is compared on; the planner builds the same tuple from YAML.
ACCOUNT_FIELDS = (
    "email",
    "title",
    "first_name",
    "last_name",
    "profile",
    "professional_number",
    "establishment",
    "expires",
    "reviewed",
    "ticket",
)


class AccountRecord(NamedTuple):
    username: str  # then ACCOUNT_FIELDS, in order: values() is a slice
    email: str
    title: str | None
    first_name: str | None
    last_name: str | None
    profile: str | None
    professional_number: str | None
    establishment: str | None  # the owner; None for an account no establishment holds
    expires: str | None  # ISO dates, as stored
    reviewed: str | None
    ticket: str | None
    origin: str  # CREATED or EXISTING
    services: tuple[str, ...]  # sorted
    code_token: str | None  # last secret-code token applied
    reset_token: str | None  # last password-reset token applied
    # History: read only for reports and `state show` (a plan does not need it).
    code_issued_at: str | None = None
    reset_at: str | None = None
    created_at: str | None = None
    updated_at: str | None = None

    def values(self) -> tuple[str | None, ...]:
        """The fields a desired user is compared on (ACCOUNT_FIELDS, in order)."""
        return self[1:11]


assert AccountRecord._fields[1:11] == ACCOUNT_FIELDS  # what values() relies on


OPEN, DONE = "open", "done"  # a portal task's status


class PortalTask(NamedTuple):
    """A change apply recorded for a representative to carry out by hand in the portal, at
    a portal-mode establishment: open until confirmed (`tasks done`, or an export of the
    portal that shows it done, `drift`)."""

    id: int  # the number of the audit entry of the change it carries out
    run_id: str
    establishment: str
    username: str | None
    action: str  # the plan's action kind
    fields: dict[str, Any]  # the plan's action, as `plan --format json` writes it
    created_at: str  # ISO UTC
    status: str  # OPEN or DONE
    done_at: str | None = None
    done_by: str | None = None
    note: str | None = None

    @property
    def is_open(self) -> bool:
        return self.status == OPEN


class Focus(NamedTuple):
    """A partial read of the accounts (`SQLStore.snapshot(only=…)`): what a plan must still
    read when some establishments are settled (settled.py)."""

    settled: frozenset[str]  # establishments whose accounts need not be read
    unsettled: frozenset[str]  # the input's other establishments: all their accounts
    names: frozenset[str]  # usernames the unsettled files name, wherever they are
    emails: frozenset[str]  # emails they give: whose they are, if anyone's


class Scope(NamedTuple):
    """What a plan compares: every establishment in its input, except the `settled` ones.

    A settled establishment's file was found in step with its accounts by an earlier plan,
    and the database has not touched those accounts since (settled.py): its accounts were
    not read, and the planner leaves it alone. Computed by the shell, handed to the planner.
    """

    settled: frozenset[str] = frozenset()
    # Each establishment's revision token (store/sql.py) when the state was read: what a
    # plan in step is remembered at. Empty when they were not read (no cache, a report).
    revisions: Mapping[str, str] = MappingProxyType({})


EVERYTHING = Scope()  # no establishment settled: compare the whole input


class State(NamedTuple):
    serial: int
    establishments: dict[str, EstablishmentRecord]
    # By username. A partial snapshot (a Scope with settled establishments) holds only the
    # accounts its Focus asked for.
    accounts: dict[str, AccountRecord]
    id: str = ""  # drawn when the state was created (store/sql.py, migration 3)
    location: str = ""  # where it was read: a file's absolute path, or host:port/database

    def emails(self) -> dict[str, str]:
        """email → username, for every account read (in a partial snapshot, that includes
        every account holding an email the unsettled files give)."""
        return {a.email: a.username for a in self.accounts.values()}


EMPTY = State(0, {}, {})
