"""The planner: desired access files + a state snapshot → Plan. Pure: no I/O, no clock.

Accounts are keyed by username (a new account's username is its email). Whole records
are compared with `==` first; only the pairs that differ are compared field by field.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from reconciler import domain
from reconciler.problems import Problem, error
from reconciler.reading.model import AccessFile, User, iso_day
from reconciler.records import (
    ACCOUNT_FIELDS,
    CREATED,
    EVERYTHING,
    EXISTING,
    PORTAL,
    REGISTER,
    AccountRecord,
    Scope,
    State,
)

FORMAT_VERSION = 2  # 2: the state is named (location, id, serial)
EXPIRY_NOTICE_DAYS = 14


class Kind(NamedTuple):
    """A kind of action: how a plan shows it (its sign and colour, its words in the
    catalog) and where it runs among one account's actions."""

    name: str  # as plans write it (Action.action, schemas/plan.schema.json)
    sign: str  # `+` adds, `-` removes, `~` changes
    colour: str  # of its line on a terminal
    order: int  # among one account's actions (an establishment's record comes first)
    on_establishment: bool  # acts on the establishment's own record, not on an account

    @property
    def words(self) -> str:
        """The catalog key of its words: `plan.kind.<name>`."""
        return "plan.kind." + self.name


# Within one account, actions run in this order (ARCHITECTURE §7); the establishment's own
# record is created or brought up to date first.
ACTION_KINDS: dict[str, Kind] = {kind.name: kind for kind in (
    Kind("create_establishment", "+", "green", 0, True),
    Kind("update_establishment", "~", "yellow", 1, True),
    Kind("create_account", "+", "green", 2, False),
    Kind("grant_services", "+", "green", 3, False),
    Kind("revoke_services", "-", "red", 4, False),
    Kind("update_account", "~", "yellow", 5, False),
    Kind("regenerate_code", "~", "yellow", 6, False),
    Kind("reset_password", "~", "yellow", 7, False),
    Kind("delete_account", "-", "red", 8, False),
)}
KINDS = tuple(ACTION_KINDS)  # the names, in order
# Actions hold their kind's name (a str, as plans write it): sorting a province's actions
# looks the order up by that name, in a dict of ints.
_RANK = {kind.name: kind.order for kind in ACTION_KINDS.values()}
ESTABLISHMENT_KINDS = frozenset(k.name for k in ACTION_KINDS.values() if k.on_establishment)
# What a create_account action's `after` holds: the compared fields, then the account's own.
_CREATED_FIELDS = (*ACCOUNT_FIELDS, "origin", "code_token", "reset_token")
_CREATED_INDEX = {name: i for i, name in enumerate(_CREATED_FIELDS)}


class NewAccount(Mapping[str, Any]):
    """A created account's `after`: read like a dict, held as one tuple. A province's first
    plan has 75,000 of them, and a dict of 13 keys weighs three times the tuple."""

    __slots__ = ("_values",)

    def __init__(self, values: tuple[Any, ...]) -> None:
        self._values = values

    def __getitem__(self, key: str) -> Any:
        return self._values[_CREATED_INDEX[key]]

    def get(self, key: str, default: Any = None) -> Any:  # Mapping's own goes through a raise
        index = _CREATED_INDEX.get(key)
        return default if index is None else self._values[index]

    def __iter__(self) -> Iterator[str]:
        return iter(_CREATED_FIELDS)

    def __len__(self) -> int:
        return len(_CREATED_FIELDS)

    def __repr__(self) -> str:
        return repr(dict(self))


# An account's fields the portal shows or a person there changes (the form's, and where it
# is listed); the others are this tool's own records.
PORTAL_FIELDS = frozenset({"title", "first_name", "last_name", "email", "establishment"})


class Action(NamedTuple):
    action: str
    establishment: str
    username: str | None = None  # None for create_establishment and update_establishment
    source: str | None = None  # file:line of the entry, when a file describes it
    name: str | None = None  # the person's name, for summaries
    services: tuple[str, ...] = ()
    after: Mapping[str, Any] | None = None
    changes: dict[str, dict[str, Any]] | None = None  # update_account, update_establishment
    token: str | None = None  # the one-time request's token, recorded when applied
    ticket: str | None = None
    recipient: str | None = None  # age key new secret codes are sealed to

    def sort_key(self) -> tuple[str, str, int]:
        return (self.establishment, self.username or "", _RANK[self.action])

    @property
    def kind(self) -> Kind:
        return ACTION_KINDS[self.action]

    @property
    def releases(self) -> bool:
        """An existing account released from its establishment (it keeps its account)."""
        return is_release(self.action, self.changes)

    @property
    def in_portal(self) -> bool:
        """Has a representative anything to do in RAMQ's portal for it (a portal task, at
        a portal-mode site)? Not for an establishment's record, nor for an update of the
        fields only this tool keeps (expiry, review, ticket, profile)."""
        if self.kind.on_establishment:
            return False
        return self.action != "update_account" or any(
            name in PORTAL_FIELDS for name in self.changes or ())

    @property
    def is_removal(self) -> bool:
        """Counted by the deletion guard: a deleted account, or an existing one released."""
        return self.action == "delete_account" or self.releases

    def to_dict(self) -> dict[str, Any]:
        return {k: (list(v) if isinstance(v, tuple) else dict(v) if isinstance(v, Mapping)
                    else v)
                for k, v in self._asdict().items() if v not in (None, (), {})}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Action:
        return cls(**{**data, "services": tuple(data.get("services", ()))})


def full_name(first: str | None, last: str | None) -> str:
    """A person's name as the portal lists it: first and last, either may be missing."""
    return " ".join(part for part in (first, last) if part)


def is_release(action: str, changes: Mapping[str, Mapping[str, Any]] | None) -> bool:
    """Does an action of kind `action` with `changes` release an account from its
    establishment? (Also asked of a report's rows, which keep an action's fields.)"""
    return (action == "update_account"
            and (changes or {}).get("establishment", {}).get("new", "") is None)


class Blocked(NamedTuple):
    """An entry the plan cannot carry out; it never stops the rest of the plan."""

    username: str
    establishment: str
    source: str
    code: str
    params: dict[str, Any]

    @property
    def message_params(self) -> dict[str, Any]:
        """What its message and hint (catalog `code`) are filled with: `key` names the entry."""
        return {**self.params, "key": self.username}


class Notice(NamedTuple):
    """A plan warning: something to know that changes nothing."""

    code: str
    params: dict[str, Any]
    source: str | None = None
    # Set when comparing this establishment's entries with its accounts gave the notice:
    # it is then not settled (settled.py), so that a warm plan gives the notice too.
    establishment: str | None = None


class Refusal(NamedTuple):
    """Something that would make apply refuse the whole plan before changing anything
    (the deletion guard, codes with nowhere to go, the mail server): see refusals.py."""

    code: str
    establishment: str | None  # None for the run as a whole
    params: dict[str, Any]

    @property
    def message_params(self) -> dict[str, Any]:
        """What its message and hint are filled with: the hint as `plan` words it."""
        return {**self.params, "_hint": "plan"}


class Plan(NamedTuple):
    state_serial: int
    config_digest: str
    created_at: str
    paths: tuple[str, ...]
    actions: tuple[Action, ...]
    blocked: tuple[Blocked, ...]
    warnings: tuple[Notice, ...]
    state_id: str = ""  # which state it was made against: `apply --plan` checks it
    state_location: str = ""  # where that state was read, as shown to people
    # Depend on how apply will run, not only on the files and the state: added by the
    # commands (refusals.of), never by make_plan.
    refusals: tuple[Refusal, ...] = ()

    @property
    def has_changes(self) -> bool:
        return bool(self.actions)

    def by_establishment(self) -> tuple[dict[str, list[Action]], dict[str, list[Blocked]]]:
        """Actions and blocked entries grouped by establishment, in plan order (one pass:
        renderers must not scan a province-wide plan once per establishment)."""
        actions: dict[str, list[Action]] = defaultdict(list)
        blocked: dict[str, list[Blocked]] = defaultdict(list)
        for action in self.actions:
            actions[action.establishment].append(action)
        for entry in self.blocked:
            blocked[entry.establishment].append(entry)
        return actions, blocked

    def summary(self) -> dict[str, int]:
        counts = {kind: 0 for kind in KINDS}
        for action in self.actions:
            counts[action.action] += 1
        counts["blocked"] = len(self.blocked)
        return counts


class PlanResult(NamedTuple):
    plan: Plan
    problems: list[Problem]  # errors only the state can reveal; a plan with any is refused


def portal_sites(plan: Plan, state: State) -> frozenset[str]:
    """The establishments in portal mode once `plan` is applied: the state's, as the
    plan's establishment actions leave them."""
    modes = {est.id: est.mode for est in state.establishments.values()}
    modes.update((a.establishment, (a.after or {}).get("mode") or REGISTER)
                 for a in plan.actions if a.kind.on_establishment)
    return frozenset(est for est, mode in modes.items() if mode == PORTAL)


def make_plan(
    files: list[AccessFile],
    state: State,
    *,
    scope: Scope = EVERYTHING,
    today: dt.date,
    now: str,
    config_digest: str,
    paths: tuple[str, ...],
    default_mode: str = REGISTER,
) -> PlanResult:
    """`default_mode`: the policy's mode, for establishments whose file does not say."""
    planner = _Planner(files, state, today, scope.settled, default_mode)
    planner.run()
    plan = Plan(
        state_serial=state.serial,
        config_digest=config_digest,
        created_at=now,
        paths=paths,
        actions=_in_order(planner.actions),
        blocked=tuple(sorted(planner.blocked, key=lambda b: (b.establishment, b.username, b.code))),
        warnings=tuple(planner.warnings),
        state_id=state.id,
        state_location=state.location,
    )
    return PlanResult(plan, planner.problems)


def _in_order(actions: list[Action]) -> tuple[Action, ...]:
    """By establishment, username and kind; sorted one establishment at a time, which
    makes a sort key for a hundred actions at once rather than for all of them."""
    by_establishment: dict[str, list[Action]] = defaultdict(list)
    for action in actions:
        by_establishment[action.establishment].append(action)
    return tuple(itertools.chain.from_iterable(
        sorted(group, key=Action.sort_key) for _, group in sorted(by_establishment.items())
    ))


@functools.lru_cache(maxsize=4096)
def _sorted(services: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(services))  # one per combination, shared by the actions


def desired_values(access: AccessFile, user: User) -> tuple[str | None, ...]:
    """The stored fields this entry asks for (ACCOUNT_FIELDS, in order), in the state's
    representation: one tuple, so that an unchanged account costs one comparison."""
    return (
        user.email, user.title, user.first_name, user.last_name, user.profile,
        user.professional_number, access.establishment.id,
        iso_day(user.expires), iso_day(user.reviewed), user.ticket,
    )


def field_changes(old: tuple[Any, ...], new: tuple[Any, ...]) -> dict[str, dict[str, Any]]:
    """{field: {old, new}} for two records known to differ. Records are flat, so a field
    by field comparison is the whole diff."""
    return {name: {"old": a, "new": b}
            for name, a, b in zip(ACCOUNT_FIELDS, old, new, strict=True) if a != b}


class _Planner:
    def __init__(self, files: list[AccessFile], state: State, today: dt.date,
                 settled: frozenset[str], default_mode: str = REGISTER) -> None:
        self.default_mode = default_mode
        self.files = sorted(files, key=lambda f: f.establishment.id)
        self.state = state
        self.settled = settled  # establishments left alone: their accounts were not read
        self.today = today
        self.in_input = {f.establishment.id for f in self.files}
        self.actions: list[Action] = []
        self.blocked: list[Blocked] = []
        self.warnings: list[Notice] = []
        self.problems: list[Problem] = []
        self.by_email: list[tuple[AccessFile, User, str]] = []  # entries naming an account
        self.adopted: set[str] = set()  # accounts with no establishment that this plan gives one

    @functools.cached_property
    def emails(self) -> dict[str, str]:
        """email → username: only needed for new accounts and changed ones."""
        return self.state.emails()

    def run(self) -> None:
        accounts, settled = self.state.accounts, self.settled
        wanted: set[str] = set()
        for access in self.files:
            self._establishment(access)
            if access.establishment.id in settled:
                continue  # found in step, and its accounts untouched since: see settled.py
            keys = [user.key for user in access.users]
            wanted.update(keys)
            for user, key in zip(access.users, keys, strict=True):
                account = accounts.get(key)
                if account is None and user.username and domain.is_email(user.username):
                    account = self._named_by_email(access, user)  # only for keys not found
                self._user(access, user, account)
        self._named_twice(wanted)
        self._removals(wanted)
        self._notices()

    def _named_by_email(self, access: AccessFile, user: User) -> AccountRecord | None:
        """An entry whose username is the email of a known account names that account (the
        portal takes either): it is planned as that account's entry, with a notice."""
        holder = self.emails.get(user.username or "")
        if holder is None:
            return None
        self.by_email.append((access, user, holder))
        self.warnings.append(Notice("W205", {"key": user.username, "username": holder},
                                    access.source(user), access.establishment.id))
        return self.state.accounts[holder]

    def _named_twice(self, listed: set[str]) -> None:
        """An account named by its email must not be listed under its username too (the
        plan is refused). A settled establishment lists every account it holds under its
        username: one named by email would have kept it from being settled."""
        for access, user, holder in self.by_email:
            if holder in listed or self.state.accounts[holder].establishment in self.settled:
                self.problems.append(error(access.file, access.where(user, "username"), "E071",
                                           key=user.username, username=holder,
                                           other=self._entry_of(holder)))

    def _entry_of(self, username: str) -> str:
        """file:line of the entry listing `username` (an error's other place: rare)."""
        for access in self.files:
            for user in access.users:
                if user.key == username:
                    return access.source(user)
        return username

    def _establishment(self, access: AccessFile) -> None:
        est, rep = access.establishment, access.representative
        after = {
            "id": est.id, "name": est.name, "region": est.region, "type": est.type,
            "representative_name": rep.name, "representative_email": rep.email,
            "age_recipient": rep.age_recipient, "retired": est.retired,
            "mode": est.mode or self.default_mode,
        }
        current = self.state.establishments.get(est.id)
        if current is None or current._asdict() != after:
            source = f"{access.file}:{access.document.where(('establishment',))[0]}"
            if current is None:
                self.actions.append(Action("create_establishment", est.id, source=source,
                                           after=after))
                return
            known = current._asdict()
            changes = {name: {"old": known.get(name), "new": value}
                       for name, value in after.items() if known.get(name) != value}
            self.actions.append(Action("update_establishment", est.id, source=source,
                                       after=after, changes=changes))

    def _block(self, access: AccessFile, user: User, code: str, account: str | None = None,
               **params: Any) -> None:
        """`account`: the username of the account the entry was found to name, if any."""
        self.blocked.append(Blocked(account or user.key, access.establishment.id,
                                    access.source(user), code, params))

    def _user(self, access: AccessFile, user: User, account: AccountRecord | None) -> None:
        if account is None:
            self._new_account(access, user)
            return
        owner = account.establishment
        if owner and owner != access.establishment.id and owner not in self.in_input:
            self._block(access, user, "B04", account.username, owner=owner)
            return
        if user.profile == "infirmiere-clinicienne" and account.origin == EXISTING:
            self.problems.append(error(access.file, access.where(user, "email"), "E070",
                                       key=user.key))
            return
        self._existing_account(access, user, account)

    def _new_account(self, access: AccessFile, user: User) -> None:
        est = access.establishment.id
        if user.expires is not None and user.expires <= self.today:
            # Access that has ended: no account, no code, no email (ARCHITECTURE §10).
            self.warnings.append(Notice("W204", {"key": user.key,
                                                 "date": user.expires.isoformat()},
                                        access.source(user), est))
            return
        if user.username is not None:  # names an account the state does not know
            code = "B01" if user.profile in domain.PROFESSIONALS else "B02"
            self._block(access, user, code)
            return
        # No username: the file asks for a new account. One whose email another account
        # holds is never added to that account unasked (README, "The portal's procedures").
        holder = self.emails.get(user.email)
        if holder is not None:
            if user.profile == "infirmiere-clinicienne":  # rule C needs the state
                self.problems.append(
                    error(access.file, access.where(user, "email"), "E070", key=holder)
                )
            else:
                self._block(access, user, "B03", holder=holder)
            return
        after = NewAccount((*desired_values(access, user), CREATED, user.code_token,
                            user.reset_token))
        self.actions.append(
            Action(
                "create_account", est, user.key, access.source(user), user.display_name,
                services=self._services(user), after=after, ticket=user.ticket,
                recipient=access.representative.age_recipient,
            )
        )

    def _services(self, user: User) -> tuple[str, ...]:
        if user.expires is not None and user.expires <= self.today:
            return ()  # time-bound access has ended (ARCHITECTURE §10)
        services = user.services
        return services if len(services) < 2 else _sorted(services)

    def _existing_account(self, access: AccessFile, user: User, account: AccountRecord) -> None:
        desired = desired_values(access, user)
        services = self._services(user)
        if (account.values() == desired and account.services == services
                and user.code_token in (None, account.code_token)
                and user.reset_token in (None, account.reset_token)):
            return  # in step: most of a province-wide plan, so decided in one comparison
        est, username = access.establishment.id, account.username
        common = {"source": access.source(user), "name": user.display_name}
        holder = self.emails.get(user.email, username)
        if holder != username:  # the new email is another account's
            self._block(access, user, "B07", username, holder=holder, email=user.email)
            return
        current = account.values()
        if current != desired:
            changes = field_changes(current, desired)
            self.actions.append(
                Action("update_account", est, username, changes=changes, ticket=user.ticket,
                       **common)
            )
            if account.establishment is None:
                self.adopted.add(username)
        held = set(account.services)
        services = set(services)
        if services - held:
            self.actions.append(Action("grant_services", est, username,
                                       services=tuple(sorted(services - held)),
                                       ticket=user.ticket, **common))
        if held - services:
            self.actions.append(Action("revoke_services", est, username,
                                       services=tuple(sorted(held - services)),
                                       ticket=user.ticket, **common))
        keys_held = domain.representative_holds_keys(
            None if account.origin == CREATED else account.username, user.profile
        )
        why = "professional" if user.profile in domain.PROFESSIONALS else "ramq"  # hint variant
        if user.code_token is not None and user.code_token != account.code_token:
            if keys_held:
                self.actions.append(Action(
                    "regenerate_code", est, username, token=user.code_token,
                    recipient=access.representative.age_recipient,
                    ticket=user.code_ticket or user.ticket, **common,
                ))
            else:
                self._block(access, user, "B05", username, _hint=why)
        if user.reset_token is not None and user.reset_token != account.reset_token:
            if keys_held:
                self.actions.append(Action("reset_password", est, username,
                                           token=user.reset_token,
                                           ticket=user.reset_ticket or user.ticket, **common))
            else:
                self._block(access, user, "B06", username, _hint=why)

    def _removals(self, wanted: set[str]) -> None:
        """Accounts an input establishment owns that its file no longer lists (by username,
        or by email)."""
        accounts = self.state.accounts
        gone = accounts.keys() - wanted  # set arithmetic: C speed; plans sort
        gone.difference_update(holder for _, _, holder in self.by_email)
        for username in gone:
            account = accounts[username]
            est = account.establishment
            if est not in self.in_input or est in self.settled:
                continue
            name = full_name(account.first_name, account.last_name) or None
            if account.origin == CREATED:
                self.actions.append(Action("delete_account", est, account.username, name=name))
                continue
            if account.services:  # an existing RAMQ account keeps its account, loses RVSQ
                self.actions.append(Action("revoke_services", est, account.username, name=name,
                                           services=account.services))
            changes = {"establishment": {"old": est, "new": None}}
            self.actions.append(Action("update_account", est, account.username, name=name,
                                       changes=changes))

    def _notices(self) -> None:
        for est in sorted(set(self.state.establishments) - self.in_input):
            if not self.state.establishments[est].retired:
                self.warnings.append(Notice("W201", {"establishment": est}))
        adopted = self.adopted  # they will belong to an establishment once applied
        unowned = sorted(a.username for a in self.state.accounts.values()
                         if not a.establishment and a.username not in adopted)
        if unowned:
            examples = ", ".join(unowned[:5]) + (", …" if len(unowned) > 5 else "")
            self.warnings.append(Notice("W202", {"count": len(unowned), "examples": examples}))
        soon = self.today + dt.timedelta(days=EXPIRY_NOTICE_DAYS)
        for access in self.files:
            for user in access.users:
                if user.expires is not None and self.today < user.expires <= soon:
                    self.warnings.append(Notice(
                        "W203", {"key": user.key, "date": user.expires.isoformat()},
                        access.source(user),
                    ))
