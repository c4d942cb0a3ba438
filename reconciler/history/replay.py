"""The state at any moment, rebuilt from the audit log alone: each entry replayed in order,
as the executor wrote it (applying/executor.py), up to the moment asked for.

Pure: entries in, a `Replayed` out. An auditor's "who could use this service on that day"
is answered from the log, never from today's state; a state the log cannot rebuild whole
says where (`Replayed.unknown`), rather than guess.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from reconciler.records import (
    ACCOUNT_FIELDS,
    EXISTING,
    PORTAL,
    REGISTER,
    AccountRecord,
    EstablishmentRecord,
    State,
)

# The entries it replays: re-exported, for whoever gives it entries.
from reconciler.store.audit_chain import AuditEntry as AuditEntry


class Replayed(NamedTuple):
    state: State  # the serial is the last replayed entry's seq
    moment: str  # ISO 8601 UTC: the state as it was just before this moment
    last: AuditEntry | None  # the last entry replayed (the chain's head at that moment)
    # Accounts whose details the log does not hold: imported by an entry written before
    # imports recorded their rows (it names them only), and not described since.
    unknown: frozenset[str]
    # Each account's last entry up to the moment, whatever it changed (services included).
    last_about: dict[str, AuditEntry]


class Unreadable(ValueError):
    """An entry whose fields are not as apply writes them (edited outside the tool): the
    state rebuilt past it would be a guess."""

    def __init__(self, entry: AuditEntry) -> None:
        super().__init__(entry.seq)
        self.entry = entry


def replay(entries: Iterable[AuditEntry], moment: str, state_id: str = "",
           location: str = "") -> Replayed:
    """The state as it was just before `moment` (ISO UTC): every entry whose time is
    earlier, in the chain's order. An entry whose action it does not know changes
    nothing (a later release's, say); one it cannot read raises `Unreadable`."""
    establishments: dict[str, EstablishmentRecord] = {}
    accounts: dict[str, dict[str, Any]] = {}
    unknown: set[str] = set()
    last_about: dict[str, AuditEntry] = {}
    last = None
    for entry in entries:
        if entry.at >= moment:
            break
        last = entry
        if entry.username is not None:
            last_about[entry.username] = entry
        elif entry.action == "import_directory":
            last_about.update(dict.fromkeys(entry.fields.get("usernames", ()), entry))
        step = _STEPS.get(entry.action)
        if step is not None:
            try:
                step(entry, establishments, accounts, unknown)
            except (KeyError, TypeError, ValueError, AttributeError):
                raise Unreadable(entry) from None
    records = {name: _record(fields) for name, fields in accounts.items()}
    return Replayed(State(last.seq if last else 0, establishments, records, state_id,
                          location), moment, last, frozenset(unknown & set(records)),
                    {name: e for name, e in last_about.items() if name in records})


def _record(fields: dict[str, Any]) -> AccountRecord:
    return AccountRecord(**{**fields, "services": tuple(sorted(fields["services"]))})


_Accounts = dict[str, dict[str, Any]]


def _establishment(entry: AuditEntry, establishments: dict[str, EstablishmentRecord],
                   accounts: _Accounts, unknown: set[str]) -> None:
    f = entry.fields
    establishments[f["id"]] = EstablishmentRecord(
        f["id"], f["name"], f["region"], f["type"], f["representative_name"],
        f["representative_email"], f.get("age_recipient"), bool(f.get("retired")),
        f.get("mode") or REGISTER)


def _create_account(entry: AuditEntry, establishments: dict[str, EstablishmentRecord],
                    accounts: _Accounts, unknown: set[str]) -> None:
    f, at = entry.fields, entry.at
    accounts[entry.username or ""] = {
        "username": entry.username, "email": f["email"], "title": f.get("title"),
        "first_name": f.get("first_name"), "last_name": f.get("last_name"),
        "profile": f.get("profile"), "professional_number": f.get("professional_number"),
        "establishment": f.get("establishment"), "expires": f.get("expires"),
        "reviewed": f.get("reviewed"), "ticket": f.get("ticket"), "origin": f["origin"],
        "services": _names(f.get("services", [])), "code_token": f.get("code_token"),
        "reset_token": f.get("reset_token"),
        # A creation issues the account's first code in the same transaction, unless the
        # portal issues it (portal mode).
        "code_issued_at": None if f.get("code") == PORTAL else at, "reset_at": None,
        "created_at": at, "updated_at": at,
    }
    unknown.discard(entry.username or "")


def _names(value: Any) -> set[str]:
    """A list of services as apply writes it; anything else is not an entry of ours."""
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise TypeError(value)
    return set(value)


def _account(entry: AuditEntry, accounts: _Accounts) -> dict[str, Any] | None:
    return accounts.get(entry.username or "")


def _grant(entry: AuditEntry, establishments: dict[str, EstablishmentRecord],
           accounts: _Accounts, unknown: set[str]) -> None:
    if (account := _account(entry, accounts)) is not None:
        account["services"] |= _names(entry.fields.get("services", []))


def _revoke(entry: AuditEntry, establishments: dict[str, EstablishmentRecord],
            accounts: _Accounts, unknown: set[str]) -> None:
    if (account := _account(entry, accounts)) is not None:
        account["services"] -= _names(entry.fields.get("services", []))


def _update(entry: AuditEntry, establishments: dict[str, EstablishmentRecord],
            accounts: _Accounts, unknown: set[str]) -> None:
    if (account := _account(entry, accounts)) is not None:
        for name, change in entry.fields.get("changes", {}).items():
            if name not in ACCOUNT_FIELDS:  # apply changes these only
                raise KeyError(name)
            account[name] = change.get("new")
        account["updated_at"] = entry.at


def _code(entry: AuditEntry, establishments: dict[str, EstablishmentRecord],
          accounts: _Accounts, unknown: set[str]) -> None:
    if (account := _account(entry, accounts)) is not None:
        issued = None if entry.fields.get("code") == PORTAL else entry.at
        account.update(code_token=entry.fields.get("token"), code_issued_at=issued,
                       updated_at=entry.at)


def _reset(entry: AuditEntry, establishments: dict[str, EstablishmentRecord],
           accounts: _Accounts, unknown: set[str]) -> None:
    if (account := _account(entry, accounts)) is not None:
        account.update(reset_token=entry.fields.get("token"), reset_at=entry.at,
                       updated_at=entry.at)


def _delete(entry: AuditEntry, establishments: dict[str, EstablishmentRecord],
            accounts: _Accounts, unknown: set[str]) -> None:
    accounts.pop(entry.username or "", None)
    unknown.discard(entry.username or "")


_IDENTITY = ("email", "title", "first_name", "last_name", "profile", "professional_number")


def _import(entry: AuditEntry, establishments: dict[str, EstablishmentRecord],
            accounts: _Accounts, unknown: set[str]) -> None:
    """As the store's import does: a new account is an existing RAMQ account that no
    establishment holds yet; a known one takes the directory's identity fields."""
    rows = entry.fields.get("rows")
    if rows is None:  # written before imports recorded their rows: names only
        rows = [{"username": name} for name in entry.fields.get("usernames", ())]
        unknown.update(row["username"] for row in rows)
    for row in rows:
        name = row["username"]
        identity = {field: row.get(field) for field in _IDENTITY if field in row}
        if len(identity) == len(_IDENTITY):  # the whole identity: known from here on
            unknown.discard(name)
        if name in accounts:
            accounts[name].update(identity, updated_at=entry.at)
            continue
        accounts[name] = {
            "username": name, "email": "", "title": None, "first_name": None,
            "last_name": None, "profile": None, "professional_number": None,
            "establishment": None, "expires": None, "reviewed": None, "ticket": None,
            "origin": EXISTING, "services": set(), "code_token": None, "reset_token": None,
            "code_issued_at": None, "reset_at": None, "created_at": entry.at,
            "updated_at": entry.at, **identity}


def _no_change(entry: AuditEntry, establishments: dict[str, EstablishmentRecord],
               accounts: _Accounts, unknown: set[str]) -> None:
    """A portal task confirmed or reopened: the state's accounts are as they were."""


def _adopt(entry: AuditEntry, establishments: dict[str, EstablishmentRecord],
           accounts: _Accounts, unknown: set[str]) -> None:
    """`drift --adopt` (commands/drift.py): the account as the portal showed it; one the
    state did not know is added as an existing RAMQ account."""
    f, at, name = entry.fields, entry.at, entry.username or ""
    if f.get("new_account"):
        person = f["person"]
        accounts[name] = {
            "username": name, "email": person["email"], "title": person.get("title"),
            "first_name": person.get("first_name"), "last_name": person.get("last_name"),
            "profile": person.get("profile"),
            "professional_number": person.get("professional_number"),
            "establishment": None, "expires": None, "reviewed": None, "ticket": None,
            "origin": EXISTING, "services": set(), "code_token": None, "reset_token": None,
            "code_issued_at": None, "reset_at": None, "created_at": at, "updated_at": at}
        unknown.discard(name)
    account = accounts.get(name)
    if account is None:
        return
    changes = f.get("changes", {})
    for field, change in changes.items():
        if field not in ACCOUNT_FIELDS:
            raise KeyError(field)
        account[field] = change.get("new")
    account["services"] = _names(f.get("services_after", []))
    if changes and not f.get("new_account"):
        account["updated_at"] = at


_STEPS = {
    "create_establishment": _establishment,
    "update_establishment": _establishment,
    "create_account": _create_account,
    "grant_services": _grant,
    "revoke_services": _revoke,
    "update_account": _update,
    "regenerate_code": _code,
    "reset_password": _reset,
    "delete_account": _delete,
    "import_directory": _import,
    "confirm_task": _no_change,
    "reopen_task": _no_change,
    "adopt_portal": _adopt,
}
